package org.pgj.examples.similarity;

import java.util.ArrayList;
import java.util.List;

/**
 * How a token-based measure cuts a string into tokens: the original's four tokenizers, the
 * values of its {@code *_tokenizer} settings. Tokens keep their case: the original meant to
 * ignore it, but its tokenizer never saw that switch, and its expected results depend on that.
 * The original works on the bytes of the string and C's ASCII character classes; this port works
 * on characters (code points) and Unicode's classes, so "Müller" is one token.
 */
public enum Tokenizer {
    /** Runs of letters and digits; everything else separates. */
    ALNUM {
        @Override
        List<String> tokens(String s) {
            return runs(s, Character::isLetterOrDigit);
        }
    },
    /** Trigrams of the string padded with two blanks on each side. */
    GRAM {
        @Override
        List<String> tokens(String s) {
            return trigrams(s.codePoints().toArray());
        }
    },
    /** Runs of anything but white space. */
    WORD {
        @Override
        List<String> tokens(String s) {
            return runs(s, c -> !Character.isWhitespace(c));
        }
    },
    /**
     * A token begins at each upper-case letter and runs to the next one, white space included;
     * only white space before the first token is skipped.
     */
    CAMELCASE {
        @Override
        List<String> tokens(String s) {
            int[] cs = s.codePoints().toArray();
            List<String> tokens = new ArrayList<>();
            int i = 0;
            while (i < cs.length && Character.isWhitespace(cs[i])) {
                i++;
            }
            while (i < cs.length) {
                int start = i++;
                while (i < cs.length && !Character.isUpperCase(cs[i])) {
                    i++;
                }
                tokens.add(text(cs, start, i));
            }
            return tokens;
        }
    };

    private static final String BLANK = " ";

    /** The tokens of {@code s} in order, duplicates kept. */
    abstract List<String> tokens(String s);

    private interface CharClass {
        boolean has(int codePoint);
    }

    private static List<String> runs(String s, CharClass inToken) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && !inToken.has(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            int start = i;
            while (i < s.length() && inToken.has(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            if (i > start) {
                tokens.add(s.substring(start, i));
            }
        }
        return tokens;
    }

    /**
     * The trigrams of "  s  ". For strings shorter than two characters the original's grams at
     * the end are cut where its C string ended: "a" gives "  a", " a", "a" and "", not "a  ".
     */
    private static List<String> trigrams(int[] cs) {
        int n = cs.length;
        List<String> grams = new ArrayList<>(n + 2);
        grams.add(BLANK.repeat(2) + text(cs, 0, Math.min(n, 1)));
        grams.add(BLANK + text(cs, 0, Math.min(n, 2)));
        for (int i = 0; i + 3 <= n; i++) {
            grams.add(text(cs, i, i + 3));
        }
        int tail = Math.max(0, n - 2);
        for (int blanks = 1; blanks <= 2; blanks++, tail++) {
            int wanted = 3 - blanks;
            int from = Math.min(tail, n);
            int to = Math.min(tail + wanted, n);
            grams.add(to - from == wanted ? text(cs, from, to) + BLANK.repeat(blanks) : text(cs, from, to));
        }
        return grams;
    }

    private static String text(int[] cs, int from, int to) {
        return new String(cs, from, to - from);
    }
}

package org.pgj.examples.indexes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.functions.Parallel;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Words of a text: runs of letters and digits, lower-cased, each once. Three operators on them,
 * which {@link WordIndex} answers from a GIN index: {@code &&&} (the texts share a word),
 * {@code @@@} (the left text has every word of the right one) and {@code ^^^} (the left text has
 * a word that starts with the right one).
 */
public final class Words {
    /** Longer words are refused, as tsvector refuses a word over its limit. */
    static final int LONGEST = 100;

    private Words() {
    }

    /** The words of {@code text}, in order of first appearance. */
    public static List<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int c = i < text.length() ? text.codePointAt(i) : ' ';
            boolean inWord = Character.isLetterOrDigit(c);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(word(text.substring(start, i)));
                start = -1;
            }
            i += Character.charCount(c);
        }
        return new ArrayList<>(words);
    }

    private static String word(String word) {
        if (word.codePointCount(0, word.length()) > LONGEST) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "word is too long to be indexed",
                    "Words are at most " + LONGEST + " characters; this one starts with \"" + word.substring(0, 20) + "\".",
                    null);
        }
        return word.toLowerCase(Locale.ROOT);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE)
    @PgOperator(value = "&&&", commutator = "&&&", restrict = "contsel", join = "contjoinsel")
    public static boolean sharesWord(String a, String b) {
        List<String> left = of(a);
        return of(b).stream().anyMatch(left::contains);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE)
    @PgOperator(value = "@@@", restrict = "contsel", join = "contjoinsel")
    public static boolean hasAllWords(String text, String words) {
        return of(text).containsAll(of(words));
    }

    /** Whether {@code text} has a word that starts with the one word of {@code prefix} (none: false). */
    @PgFunction(volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE)
    @PgOperator(value = "^^^", restrict = "contsel", join = "contjoinsel")
    public static boolean hasWordStarting(String text, String prefix) {
        List<String> prefixes = of(prefix);
        return prefixes.size() == 1 && of(text).stream().anyMatch(w -> w.startsWith(prefixes.getFirst()));
    }
}

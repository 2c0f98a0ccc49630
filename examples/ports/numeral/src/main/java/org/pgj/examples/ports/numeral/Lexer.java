package org.pgj.examples.ports.numeral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a numeral's text into tokens as the original's flex scanners do: the longest word of the
 * vocabulary at each position (so "sixteen" is one word, "onehundred" two), an optionally signed
 * decimal integer, blanks, tabs and newlines skipped, and any other character an {@link Token#ERR}.
 * Tokens come out numbered as the one grammar this lexer serves numbers its terminals.
 */
final class Lexer {
    /** The integer rule comes first: flex prefers the earlier rule on equal lengths. */
    static final String INT = "INT";

    private static final int LATIN_1 = 256;

    private final List<Token> vocabulary = new ArrayList<>();
    private final List<String> spellings = new ArrayList<>();
    private volatile Indexed indexed;

    /** The tokens of one text: kinds as the grammar numbers its terminals, then their values. */
    static final class Tokens {
        int[] kinds = new int[16];
        long[] values = new long[16];
        int size;

        void add(int kind, long value) {
            if (size == kinds.length) {
                kinds = Arrays.copyOf(kinds, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            kinds[size] = kind;
            values[size++] = value;
        }
    }

    /**
     * The vocabulary as a trie walked one character at a time, as flex's automaton is: by node and
     * character class, the next node (0: none, the root is never entered again); by node, the
     * token of the word ending there, if any. Characters are classed first so that a node's row
     * is short.
     */
    private record Indexed(Grammar grammar, byte[] classes, int classCount, int[] next, int[] kinds, long[] values,
            int integer, int error) {
    }

    /** Adds a word of the vocabulary, with the token it is. */
    Lexer word(String word, String kind, long value) {
        spellings.add(word);
        vocabulary.add(new Token(kind, value));
        indexed = null;
        return this;
    }

    /** Adds words that are the same token. */
    Lexer words(String kind, long value, String... spellings) {
        for (String spelling : spellings) {
            word(spelling, kind, value);
        }
        return this;
    }

    private Indexed indexed(Grammar grammar) {
        Indexed i = indexed;
        if (i == null || i.grammar() != grammar) {
            byte[] classes = new byte[LATIN_1];
            int classCount = 1; // class 0: a character of no word
            int nodes = 1;
            for (String spelling : spellings) {
                for (char c : spelling.toCharArray()) {
                    if (c >= LATIN_1) {
                        throw new IllegalStateException("the lexer reads words of Latin-1 characters only, not " + spelling);
                    }
                    if (classes[c] == 0) {
                        classes[c] = (byte) classCount++;
                    }
                }
                nodes += spelling.length();
            }
            int[] next = new int[nodes * classCount];
            int[] kinds = new int[nodes];
            long[] values = new long[nodes];
            Arrays.fill(kinds, -1);
            int used = 1;
            for (int w = 0; w < spellings.size(); w++) {
                int node = 0;
                for (char c : spellings.get(w).toCharArray()) {
                    int edge = node * classCount + classes[c];
                    if (next[edge] == 0) {
                        next[edge] = used++;
                    }
                    node = next[edge];
                }
                if (kinds[node] < 0) { // the same spelling twice: the first is the word
                    kinds[node] = grammar.terminal(vocabulary.get(w).kind());
                    values[node] = vocabulary.get(w).value();
                    if (kinds[node] < 0) {
                        throw new IllegalStateException("the grammar has no terminal " + vocabulary.get(w).kind());
                    }
                }
            }
            i = indexed = new Indexed(grammar, classes, classCount, next, kinds, values, grammar.terminal(INT),
                    grammar.terminal(Token.ERR));
        }
        return i;
    }

    /**
     * The tokens of {@code text}, then {@link Token#END}, numbered as {@code grammar} numbers its
     * terminals. An integer beyond bigint is {@link ArithmeticException} (the original's atoll
     * saturated it silently).
     */
    Tokens tokens(String text, Grammar grammar) {
        Indexed index = indexed(grammar);
        Tokens tokens = new Tokens();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                i++;
                continue;
            }
            int integer = integerLength(text, i);
            // The longest word from i: walk the trie as far as the text follows it, keeping the last word passed.
            int word = -1;
            int wordLength = 0;
            for (int node = 0, k = i; k < text.length(); k++) {
                char d = text.charAt(k);
                node = d < LATIN_1 ? index.next()[node * index.classCount() + index.classes()[d]] : 0;
                if (node == 0) {
                    break;
                }
                if (index.kinds()[node] >= 0) {
                    word = node;
                    wordLength = k + 1 - i;
                }
            }
            if (word >= 0 && wordLength > integer) { // on equal lengths the integer rule, the earlier, wins
                tokens.add(index.kinds()[word], index.values()[word]);
                i += wordLength;
            } else if (integer > 0) {
                tokens.add(index.integer(), integer(text, i, i + integer));
                i += integer;
            } else {
                tokens.add(index.error(), 0);
                i++;
            }
        }
        tokens.add(grammar.terminal(Token.END), 0);
        return tokens;
    }

    private static long integer(String text, int from, int to) {
        try {
            return Long.parseLong(text, from, to, 10);
        } catch (NumberFormatException e) {
            throw new ArithmeticException(text.substring(from, to) + " is out of range for a bigint");
        }
    }

    /** The length of {@code [-+]?[0-9]+} at {@code i}, or 0. */
    private static int integerLength(String text, int i) {
        int j = i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+') ? i + 1 : i;
        int digits = j;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        return digits > j ? digits - i : 0;
    }
}

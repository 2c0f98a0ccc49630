package org.pgj.examples.ports.numeral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a numeral's text into tokens as the original's flex scanners do: the longest word of the
 * vocabulary at each position (so "sixteen" is one word, "onehundred" two), an optionally signed
 * decimal integer, blanks, tabs and newlines skipped, and any other character an {@link Token#ERR}.
 */
final class Lexer {
    /** The integer rule comes first: flex prefers the earlier rule on equal lengths. */
    static final String INT = "INT";

    /** The vocabulary by first character, longest words first. */
    private final Map<Character, List<Map.Entry<String, Token>>> words = new HashMap<>();

    /** Adds a word of the vocabulary, with the token it is. */
    Lexer word(String word, String kind, long value) {
        List<Map.Entry<String, Token>> same = words.computeIfAbsent(word.charAt(0), c -> new ArrayList<>());
        same.add(Map.entry(word, new Token(kind, value)));
        same.sort(Comparator.comparingInt((Map.Entry<String, Token> e) -> e.getKey().length()).reversed());
        return this;
    }

    private List<Map.Entry<String, Token>> wordsStartingWith(char c) {
        return words.getOrDefault(c, List.of());
    }

    /** Adds words that are the same token. */
    Lexer words(String kind, long value, String... spellings) {
        for (String spelling : spellings) {
            word(spelling, kind, value);
        }
        return this;
    }

    /**
     * The tokens of {@code text}, then {@link Token#END}. An integer beyond bigint is
     * {@link ArithmeticException} (the original's atoll saturated it silently).
     */
    List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                i++;
                continue;
            }
            int integer = integerLength(text, i);
            Token word = null;
            int wordLength = 0;
            for (Map.Entry<String, Token> w : wordsStartingWith(c)) {
                // Longest first: the first that matches is the longest match.
                if (w.getKey().length() > integer && text.startsWith(w.getKey(), i)) {
                    word = w.getValue();
                    wordLength = w.getKey().length();
                    break;
                }
            }
            if (word != null) {
                tokens.add(word);
                i += wordLength;
            } else if (integer > 0) {
                tokens.add(new Token(INT, integer(text.substring(i, i + integer))));
                i += integer;
            } else {
                tokens.add(new Token(Token.ERR, 0));
                i++;
            }
        }
        tokens.add(new Token(Token.END, 0));
        return tokens;
    }

    private static long integer(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new ArithmeticException(digits + " is out of range for a bigint");
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

package org.pgj.examples.ports.numeral;

/**
 * Roman numerals ("MCMXCIV", "IL"), read by the original's grammar, which takes a smaller numeral
 * before a larger one as subtracted ("IL" is 49), and written in the usual subtractive form up to
 * 10000; larger values are written in digits, as the original does.
 */
final class RomanNumerals {
    private static final Lexer LEXER = new Lexer()
            .word("nulla", "ZERO", 0).word("minus", "MINUS", -1)
            .words("I", 1, "i", "I").words("V", 5, "v", "V").words("X", 10, "x", "X").words("L", 50, "l", "L")
            .words("C", 100, "c", "C").words("D", 500, "d", "D").words("M", 1000, "m", "M");
    private static final int[] VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] SYMBOLS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    /** Beyond this the original writes digits. */
    private static final long LARGEST_WRITTEN = 10_000;

    /** romanparser.y, rule for rule: a group of each size is what is left of a smaller group. */
    private static final Grammar GRAMMAR = grammar();

    private RomanNumerals() {
    }

    private static Grammar grammar() {
        Grammar g = new Grammar("input", Lexer.INT, "ZERO", "MINUS", "I", "V", "X", "L", "C", "D", "M", Token.ERR)
                .rule("input", v -> Math.multiplyExact(v[0], v[1]), "maybe_minus", Lexer.INT, Token.END)
                .rule("input", v -> 0, "maybe_minus", "ZERO", Token.END)
                .rule("input", v -> v[0] * v[1], "maybe_minus", "expr", Token.END)
                .rule("maybe_minus", v -> 1)
                .rule("maybe_minus", "MINUS");
        groups(g, "expr", "max_c M max_m", "max_c D max_c", "max_x C max_c", "max_x L max_x", "max_i X max_x",
                "max_i V max_i");
        groups(g.rule("max_m", v -> 0), "max_m", "max_c M max_m", "max_c D max_c", "max_x C max_c", "max_x L max_x",
                "max_i X max_x", "max_i V max_i");
        groups(g.rule("max_c", v -> 0), "max_c", "max_x C max_c", "max_x L max_x", "max_i X max_x", "max_i V max_i");
        groups(g.rule("max_x", v -> 0), "max_x", "max_i X max_x", "max_i V max_i");
        return g.rule("max_i", v -> 0).rule("max_i", v -> v[0] + v[1], "I", "max_i");
    }

    /** {@code symbol: smaller BIG rest { $$ = $2 - $1 + $3; }} for each group, and {@code I max_i}. */
    private static void groups(Grammar g, String symbol, String... groups) {
        for (String group : groups) {
            g.rule(symbol, v -> v[1] - v[0] + v[2], group.split(" "));
        }
        g.rule(symbol, v -> v[0] + v[1], "I", "max_i");
    }

    static long parse(String text) {
        return GRAMMAR.parse(LEXER, text);
    }

    static String format(long value) {
        if (value < 0) {
            return "minus " + (value == Long.MIN_VALUE ? Long.toUnsignedString(value) : format(-value));
        }
        if (value == 0) {
            return "nulla";
        }
        if (value > LARGEST_WRITTEN) {
            return Long.toString(value);
        }
        StringBuilder text = new StringBuilder();
        long rest = value;
        for (int i = 0; i < VALUES.length; i++) {
            for (; rest >= VALUES[i]; rest -= VALUES[i]) {
                text.append(SYMBOLS[i]);
            }
        }
        return text.toString();
    }
}

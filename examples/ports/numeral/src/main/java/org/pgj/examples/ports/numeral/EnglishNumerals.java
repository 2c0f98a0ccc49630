package org.pgj.examples.ports.numeral;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

/**
 * English number words ("one hundred twenty-one"), read by the original's grammar and written as
 * the original writes them. The grammar reads more than it writes: "eleven hundred", "hundred
 * and one", "one million one billion".
 */
final class EnglishNumerals {
    private static final Lexer LEXER = new Lexer()
            .word("minus", "MINUS", 0).word("zero", "ZERO", 0).word("and", "AND", 0).word("-", "DASH", 0)
            .word("hundred", "HUNDRED", 100).word("thousand", "THOUSAND", 1000);
    private static final String[] ONES = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};
    private static final String[] ZILLION_NAMES = {"quintillion", "quadrillion", "trillion", "billion", "million"};

    static {
        for (int i = 1; i < ONES.length; i++) {
            LEXER.word(ONES[i], "ONE", i);
        }
        for (int i = 2; i < TENS.length; i++) {
            LEXER.word(TENS[i], "TEN", i * 10L);
        }
        for (int i = 0; i < Zillions.VALUES.length; i++) {
            LEXER.words("ZILLION", Zillions.VALUES[i], ZILLION_NAMES[i], ZILLION_NAMES[i] + "s");
        }
    }

    /** numeralparser.y, rule for rule. */
    private static final Grammar GRAMMAR = new Grammar("input",
            Lexer.INT, "MINUS", "ZERO", "AND", "DASH", "ONE", "TEN", "HUNDRED", "THOUSAND", "ZILLION", Token.ERR)
            .rule("input", v -> v[0], Lexer.INT, Token.END)
            .rule("input", v -> 0, "ZERO", Token.END)
            .rule("input", v -> v[0], "expr", Token.END)
            .rule("input", v -> -v[1], "MINUS", "expr", Token.END)
            .rule("expr", "xxxxxx")
            .rule("expr", v -> addExact(multiplyExact(v[0], v[1]), v[3]), "prefix_xxx", "ZILLION", "maybe_and", "expr_tail")
            .rule("expr_tail", v -> 0)
            .rule("expr_tail", "xxxxxx")
            .rule("expr_tail", v -> addExact(multiplyExact(v[0], v[1]), v[3]), "prefix_xxx", "ZILLION", "maybe_and",
                    "expr_tail")
            .rule("xxxxxx", "xxx")
            .rule("xxxxxx", v -> addExact(multiplyExact(v[0], v[1]), v[3]), "prefix_xxx", "THOUSAND", "maybe_and",
                    "suffix_xxx")
            .rule("prefix_xxx", v -> 1)
            .rule("prefix_xxx", "xxx")
            .rule("suffix_xxx", v -> 0)
            .rule("suffix_xxx", "xxx")
            .rule("xxx", "xx")
            .rule("xxx", v -> v[0] * v[1] + v[3], "prefix_x", "HUNDRED", "maybe_and", "suffix_xx")
            .rule("xx", "ONE")
            .rule("xx", "TEN")
            .rule("xx", v -> v[0] + v[2], "TEN", "DASH", "ONE")
            .rule("prefix_x", v -> 1)
            .rule("prefix_x", "ONE")
            .rule("suffix_xx", v -> 0)
            .rule("suffix_xx", "xx")
            .rule("maybe_and", v -> 0)
            .rule("maybe_and", "AND");

    private EnglishNumerals() {
    }

    static long parse(String text) {
        return GRAMMAR.parse(LEXER, text);
    }

    static String format(long value) {
        return Zillions.words(value, "zero", (i, n) -> upTo999(n) + " " + ZILLION_NAMES[i], EnglishNumerals::upTo999999);
    }

    private static String upTo999999(int n) {
        if (n < 1000) {
            return upTo999(n);
        }
        return n % 1000 == 0 ? upTo999(n / 1000) + " thousand" : upTo999(n / 1000) + " thousand " + upTo999(n % 1000);
    }

    private static String upTo999(int n) {
        if (n < 100) {
            return upTo99(n);
        }
        return n % 100 == 0 ? ONES[n / 100] + " hundred" : ONES[n / 100] + " hundred " + upTo99(n % 100);
    }

    /** Empty for 0, as the original's. */
    private static String upTo99(int n) {
        if (n < 20) {
            return ONES[n];
        }
        return n % 10 == 0 ? TENS[n / 10] : TENS[n / 10] + "-" + ONES[n % 10];
    }
}

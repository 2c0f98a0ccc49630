package org.pgj.examples.ports.numeral;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

/**
 * German number words ("einhunderteinundzwanzig", "zwei Millionen"), read by the original's
 * grammar and written as the original writes them: "eins" alone, "ein" before "hundert",
 * "tausend" and "und", "eine" before a Million.
 */
final class GermanNumerals {
    private static final Lexer LEXER = new Lexer()
            .word("minus", "MINUS", 0).word("null", "ZERO", 0).word("und", "AND", 0)
            .words("ONE", 1, "ein", "eine", "eins")
            .word("hundert", "HUNDRED", 100).word("tausend", "THOUSAND", 1000);
    private static final String[] ONES = {"", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
        "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"};
    private static final String[] TENS = {"", "zehn", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig",
        "achtzig", "neunzig"};
    private static final String[] ZILLION_ONE = {"Trillion", "Billiarde", "Billion", "Milliarde", "Million"};
    private static final String[] ZILLION_MANY = {"Trillionen", "Billiarden", "Billionen", "Milliarden", "Millionen"};

    static {
        for (int i = 2; i < ONES.length; i++) {
            LEXER.word(ONES[i], "ONE", i);
        }
        for (int i = 2; i < TENS.length; i++) {
            LEXER.word(TENS[i], "TEN", i * 10L);
        }
        for (int i = 0; i < Zillions.VALUES.length; i++) {
            // Capitalized as nouns are, or not: the original reads both.
            for (String name : new String[] {ZILLION_ONE[i], ZILLION_MANY[i]}) {
                LEXER.words("ZILLION", Zillions.VALUES[i], name, Character.toLowerCase(name.charAt(0)) + name.substring(1));
            }
        }
    }

    /** zahlparser.y, rule for rule. */
    private static final Grammar GRAMMAR = new Grammar("input",
            Lexer.INT, "MINUS", "ZERO", "AND", "ONE", "TEN", "HUNDRED", "THOUSAND", "ZILLION", Token.ERR)
            .rule("input", v -> v[0], Lexer.INT, Token.END)
            .rule("input", v -> 0, "ZERO", Token.END)
            .rule("input", v -> v[0], "expr", Token.END)
            .rule("input", v -> -v[1], "MINUS", "expr", Token.END)
            .rule("expr", "xxxxxx")
            .rule("expr", v -> addExact(multiplyExact(v[0], v[1]), v[2]), "prefix_xxx", "ZILLION", "expr_tail")
            .rule("expr_tail", v -> 0)
            .rule("expr_tail", "xxxxxx")
            .rule("expr_tail", v -> addExact(multiplyExact(v[0], v[1]), v[2]), "prefix_xxx", "ZILLION", "expr_tail")
            .rule("xxxxxx", "xxx")
            .rule("xxxxxx", v -> v[0] * v[1] + v[2], "prefix_xxx", "THOUSAND", "suffix_xxx")
            .rule("prefix_xxx", v -> 1)
            .rule("prefix_xxx", "xxx")
            .rule("suffix_xxx", v -> 0)
            .rule("suffix_xxx", "xxx")
            .rule("xxx", "xx")
            .rule("xxx", v -> v[0] * v[1] + v[2], "prefix_x", "HUNDRED", "suffix_xx")
            .rule("xx", "ONE")
            .rule("xx", "TEN")
            .rule("xx", v -> v[0] + v[2], "ONE", "AND", "TEN")
            .rule("prefix_x", v -> 1)
            .rule("prefix_x", "ONE")
            .rule("suffix_xx", v -> 0)
            .rule("suffix_xx", "xx");

    private GermanNumerals() {
    }

    static long parse(String text) {
        return GRAMMAR.parse(LEXER, text);
    }

    static String format(long value) {
        return Zillions.words(value, "null", (i, n) -> upTo999(n, "eine") + " " + (n == 1 ? ZILLION_ONE[i] : ZILLION_MANY[i]),
                GermanNumerals::upTo999999);
    }

    private static String upTo999999(int n) {
        if (n < 1000) {
            return upTo999(n, "eins");
        }
        return upTo999(n / 1000, "ein") + "tausend" + upTo999(n % 1000, "eins");
    }

    /** {@code one} is how 1 is said at the end of this group. */
    private static String upTo999(int n, String one) {
        if (n < 100) {
            return upTo99(n, one);
        }
        return upTo19(n / 100, "ein") + "hundert" + upTo99(n % 100, one);
    }

    /** Empty for 0, as the original's. */
    private static String upTo99(int n, String one) {
        if (n < 20) {
            return upTo19(n, one);
        }
        return n % 10 == 0 ? TENS[n / 10] : upTo19(n % 10, "ein") + "und" + TENS[n / 10];
    }

    private static String upTo19(int n, String one) {
        return n == 1 ? one : ONES[n];
    }
}

package org.pgj.examples.similarity;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Soundex: 1 when both strings have the same four-character code, else 0. Codes are defined for
 * ASCII letters only; other characters are skipped. The original's variant: vowels and
 * non-letters break a run of equal codes, and the first letter's own code does not start one.
 */
public final class Soundex {
    /** The digit of each letter A to Z. */
    private static final String CODES = "01230120022455012623010202";
    private static final int LENGTH = 4;

    private Soundex() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double soundex(String a, String b) {
        InputLength.check(a, b);
        return code(a).equals(code(b)) ? 1.0 : 0.0;
    }

    /** Whether both strings have the same code; Soundex has no threshold. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~*~", commutator = "~*~", restrict = "contsel", join = "contjoinsel")
    public static boolean soundexOp(String a, String b) {
        return soundex(a, b) == 1.0;
    }

    static String code(String s) {
        int first = 0;
        while (first < s.length() && !isLetter(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            // The original's message; it crashed on an empty string, which has no letter either.
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "string doesn't contain non-alpha character(s)");
        }
        StringBuilder code = new StringBuilder(LENGTH).append(upper(s.charAt(first)));
        int last = -1;
        for (int i = first + 1; i < s.length() && code.length() < LENGTH; i++) {
            char c = upper(s.charAt(i));
            char digit = isLetter(c) ? CODES.charAt(c - 'A') : c;
            if (isLetter(c) && digit != last && digit != '0') {
                code.append(digit);
            }
            last = digit;
        }
        while (code.length() < LENGTH) {
            code.append('0');
        }
        return code.toString();
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
    }
}

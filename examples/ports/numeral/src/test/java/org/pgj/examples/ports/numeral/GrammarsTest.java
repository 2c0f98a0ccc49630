package org.pgj.examples.ports.numeral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The grammars and writers without a server: what is written reads back as the same number,
 * over small numbers, every power-of-ten boundary, random ones and the ends of bigint; and what
 * the grammars refuse, with the message the C original's bison 3.8 parser gives for the same input
 * (its default reductions decide where an error is found, and so what is expected there).
 */
class GrammarsTest {
    private static void roundTrips(LongFunction<String> format, ToLongFunction<String> parse, long value) {
        String text = format.apply(value);
        assertEquals(value, parse.applyAsLong(text), text);
    }

    private static void roundTripsEverywhere(LongFunction<String> format, ToLongFunction<String> parse, long limit) {
        for (long v = -2000; v <= 2000; v++) {
            roundTrips(format, parse, v);
        }
        for (long p = 10; p > 0 && p <= limit / 10; p *= 10) {
            for (long v : new long[] {p - 1, p, p + 1, -p}) {
                roundTrips(format, parse, v);
            }
        }
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 20_000; i++) {
            roundTrips(format, parse, random.nextLong(-limit, limit));
        }
    }

    @Test
    void englishAndGermanReadBackWhatTheyWrite() {
        roundTripsEverywhere(EnglishNumerals::format, EnglishNumerals::parse, Long.MAX_VALUE);
        roundTripsEverywhere(GermanNumerals::format, GermanNumerals::parse, Long.MAX_VALUE);
        // The smallest bigint is written, but "minus" and its magnitude do not fit: out of range, not a crash.
        assertEquals("minus nine quintillion two hundred twenty-three quadrillion three hundred seventy-two trillion"
                + " thirty-six billion eight hundred fifty-four million seven hundred seventy-five thousand eight hundred eight",
                EnglishNumerals.format(Long.MIN_VALUE));
        assertThrows(ArithmeticException.class, () -> EnglishNumerals.parse(EnglishNumerals.format(Long.MIN_VALUE)));
        assertEquals(Long.MIN_VALUE, EnglishNumerals.parse("-9223372036854775808"));
    }

    @Test
    void romanReadsBackUpToTenThousandAndDigitsBeyond() {
        roundTripsEverywhere(RomanNumerals::format, RomanNumerals::parse, Long.MAX_VALUE);
        assertEquals("MMMMMMMMMM", RomanNumerals.format(10_000));
        assertEquals("10001", RomanNumerals.format(10_001));
        assertEquals("minus 9223372036854775808", RomanNumerals.format(Long.MIN_VALUE));
        assertEquals(49, RomanNumerals.parse("IL"));
        assertEquals(8, RomanNumerals.parse("iix"));
        assertEquals(1994, RomanNumerals.parse("M CM XC IV"));
    }

    @Test
    void whatTheGrammarsReadBeyondWhatTheyWrite() {
        assertEquals(1111, EnglishNumerals.parse("eleven hundred and eleven"));
        assertEquals(1_001_000_000L, EnglishNumerals.parse("one million one billion"));
        assertEquals(35, EnglishNumerals.parse("twenty-fifteen"));
        assertEquals(-7, EnglishNumerals.parse("minus\tseven"));
        assertEquals(21, GermanNumerals.parse("einsundzwanzig"));
        assertEquals(2_000_000, GermanNumerals.parse("zwei millionen"));
        assertEquals(101, GermanNumerals.parse("hunderteins"));
    }

    @Test
    void errorsNameTheUnexpectedTokenAsBisonDoes() {
        assertEquals("syntax error, unexpected ONE, expecting THOUSAND or ZILLION",
                assertThrows(IllegalArgumentException.class, () -> EnglishNumerals.parse("one one")).getMessage());
        assertEquals("syntax error, unexpected end of file, expecting THOUSAND or ZILLION",
                assertThrows(IllegalArgumentException.class, () -> EnglishNumerals.parse("")).getMessage());
        assertEquals("syntax error, unexpected ERR, expecting THOUSAND or ZILLION",
                assertThrows(IllegalArgumentException.class, () -> EnglishNumerals.parse("One")).getMessage());
        assertEquals("syntax error, unexpected end of file, expecting TEN",
                assertThrows(IllegalArgumentException.class, () -> GermanNumerals.parse("einund")).getMessage());
        assertEquals("syntax error, unexpected INT, expecting THOUSAND or ZILLION",
                assertThrows(IllegalArgumentException.class, () -> GermanNumerals.parse("minus 5")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RomanNumerals.parse("VV"));
        assertEquals("syntax error, unexpected X, expecting D or M",
                assertThrows(IllegalArgumentException.class, () -> RomanNumerals.parse("VX")).getMessage());
        assertEquals(1, RomanNumerals.parse("IIII V"), "four subtracted from five, as the grammar has it");
        assertThrows(ArithmeticException.class, () -> RomanNumerals.parse("99999999999999999999"));
        assertThrows(ArithmeticException.class, () -> GermanNumerals.parse("zehn Trillionen"));
    }

    @Test
    void aGrammarThatIsNotLalr1IsRefusedRatherThanResolved() {
        // "A" alone is both an "a" and a "b": bison would report a reduce/reduce conflict.
        Grammar ambiguous = new Grammar("s", "A")
                .rule("s", "a").rule("s", "b")
                .rule("a", v -> 1, "A", Token.END).rule("b", v -> 2, "A", Token.END);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ambiguous.parse(new Lexer().word("a", "A", 0), "a"));
        assertEquals("the grammar is not LALR(1): state 4 has a conflict on terminal 0", e.getMessage());
    }

    @Test
    void inputTooDeepForBisonsStackIsRefusedAsTheOriginalRefusesIt() {
        // The lengths where the C original's bison parser (YYMAXDEPTH 10000) starts saying "memory exhausted".
        assertEquals(9996, RomanNumerals.parse("I".repeat(9996)));
        assertEquals("memory exhausted",
                assertThrows(IllegalArgumentException.class, () -> RomanNumerals.parse("I".repeat(9997))).getMessage());
        assertEquals(3_332_000_000L, EnglishNumerals.parse("one million ".repeat(3332)));
        assertEquals("memory exhausted",
                assertThrows(IllegalArgumentException.class, () -> EnglishNumerals.parse("one million ".repeat(3333))).getMessage());
    }
}

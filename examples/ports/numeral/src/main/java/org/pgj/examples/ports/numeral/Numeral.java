package org.pgj.examples.ports.numeral;

import org.pgj.functions.BinaryCoercible;
import org.pgj.functions.BuiltinFunction;
import org.pgj.functions.PgCast;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;
import org.pgj.types.PgType;

/**
 * The SQL type {@code numeral}: a {@code bigint} written as English number words, {@code 'one hundred twenty-one'}. It is stored as a
 * {@code bigint} is (eight bytes passed by value), so it casts to and from {@code bigint} without
 * a function, and its operators are {@code bigint}'s own built-in functions, as the original's are.
 * Each method's body is what the built-in computes, for Java callers.
 *
 * @param value the number
 */
@PgType(name = "numeral", codec = Numeral.Codec.class, internalLength = 8, passedByValue = true,
        alignment = PgType.Alignment.DOUBLE, category = "N")
@BinaryCoercible(to = "bigint", context = PgCast.Context.IMPLICIT)
@BinaryCoercible(from = "bigint")
public record Numeral(long value) {
    /** Words in and out; a bigint's bytes stored and sent. */
    public static final class Codec extends Int64Codec<Numeral> {
        public Codec() {
            super("numeral");
        }

        @Override
        long valueOf(Numeral value) {
            return value.value;
        }

        @Override
        Numeral of(long value) {
            return new Numeral(value);
        }

        @Override
        String format(long value) {
            return EnglishNumerals.format(value);
        }

        @Override
        long parse(String text) {
            return EnglishNumerals.parse(text);
        }
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8eq")
    @PgOperator(value = "=", commutator = "=", negator = "<>", restrict = "eqsel", join = "eqjoinsel", hashes = true, merges = true)
    public static boolean numeraleq(Numeral a, Numeral b) {
        return a.value == b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8ne")
    @PgOperator(value = "<>", commutator = "<>", negator = "=", restrict = "neqsel", join = "neqjoinsel")
    public static boolean numeralne(Numeral a, Numeral b) {
        return a.value != b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8lt")
    @PgOperator(value = "<", commutator = ">", negator = ">=", restrict = "scalarltsel", join = "scalarltjoinsel")
    public static boolean numerallt(Numeral a, Numeral b) {
        return a.value < b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8gt")
    @PgOperator(value = ">", commutator = "<", negator = "<=", restrict = "scalargtsel", join = "scalargtjoinsel")
    public static boolean numeralgt(Numeral a, Numeral b) {
        return a.value > b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8le")
    @PgOperator(value = "<=", commutator = ">=", negator = ">", restrict = "scalarltsel", join = "scalarltjoinsel")
    public static boolean numeralle(Numeral a, Numeral b) {
        return a.value <= b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8ge")
    @PgOperator(value = ">=", commutator = "<=", negator = "<", restrict = "scalargtsel", join = "scalargtjoinsel")
    public static boolean numeralge(Numeral a, Numeral b) {
        return a.value >= b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8mod")
    @PgOperator("%")
    public static Numeral numeralmod(Numeral a, Numeral b) {
        return new Numeral(a.value % b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8pl")
    @PgOperator(value = "+", commutator = "+")
    public static Numeral numeralpl(Numeral a, Numeral b) {
        return new Numeral(Math.addExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8mi")
    @PgOperator("-")
    public static Numeral numeralmi(Numeral a, Numeral b) {
        return new Numeral(Math.subtractExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8mul")
    @PgOperator(value = "*", commutator = "*")
    public static Numeral numeralmul(Numeral a, Numeral b) {
        return new Numeral(Math.multiplyExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8div")
    @PgOperator("/")
    public static Numeral numeraldiv(Numeral a, Numeral b) {
        return new Numeral(Math.divideExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8and")
    @PgOperator(value = "&", commutator = "&")
    public static Numeral numeraland(Numeral a, Numeral b) {
        return new Numeral(a.value & b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8or")
    @PgOperator(value = "|", commutator = "|")
    public static Numeral numeralor(Numeral a, Numeral b) {
        return new Numeral(a.value | b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8xor")
    @PgOperator(value = "#", commutator = "#")
    public static Numeral numeralxor(Numeral a, Numeral b) {
        return new Numeral(a.value ^ b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8abs")
    @PgOperator("@")
    public static Numeral numeralabs(Numeral a) {
        return new Numeral(Math.absExact(a.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8um")
    @PgOperator("-")
    public static Numeral numeralum(Numeral a) {
        return new Numeral(Math.negateExact(a.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8not")
    @PgOperator("~")
    public static Numeral numeralnot(Numeral a) {
        return new Numeral(~a.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8up")
    @PgOperator("+")
    public static Numeral numeralup(Numeral a) {
        return new Numeral(a.value);
    }
}

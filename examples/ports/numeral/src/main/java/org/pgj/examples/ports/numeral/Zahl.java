package org.pgj.examples.ports.numeral;

import org.pgj.functions.BinaryCoercible;
import org.pgj.functions.BuiltinFunction;
import org.pgj.functions.PgCast;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;
import org.pgj.types.PgType;

/**
 * The SQL type {@code zahl}: a {@code bigint} written as German number words, {@code 'einhunderteinundzwanzig'}. It is stored as a
 * {@code bigint} is (eight bytes passed by value), so it casts to and from {@code bigint} without
 * a function, and its operators are {@code bigint}'s own built-in functions, as the original's are.
 * Each method's body is what the built-in computes, for Java callers.
 *
 * @param value the number
 */
@PgType(name = "zahl", codec = Zahl.Codec.class, internalLength = 8, passedByValue = true,
        alignment = PgType.Alignment.DOUBLE, category = "N")
@BinaryCoercible(to = "bigint", context = PgCast.Context.IMPLICIT)
@BinaryCoercible(from = "bigint")
public record Zahl(long value) {
    /** Words in and out; a bigint's bytes stored and sent. */
    public static final class Codec extends Int64Codec<Zahl> {
        public Codec() {
            super("zahl");
        }

        @Override
        long valueOf(Zahl value) {
            return value.value;
        }

        @Override
        Zahl of(long value) {
            return new Zahl(value);
        }

        @Override
        String format(long value) {
            return GermanNumerals.format(value);
        }

        @Override
        long parse(String text) {
            return GermanNumerals.parse(text);
        }
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8eq")
    @PgOperator(value = "=", commutator = "=", negator = "<>", restrict = "eqsel", join = "eqjoinsel", hashes = true, merges = true)
    public static boolean zahleq(Zahl a, Zahl b) {
        return a.value == b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8ne")
    @PgOperator(value = "<>", commutator = "<>", negator = "=", restrict = "neqsel", join = "neqjoinsel")
    public static boolean zahlne(Zahl a, Zahl b) {
        return a.value != b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8lt")
    @PgOperator(value = "<", commutator = ">", negator = ">=", restrict = "scalarltsel", join = "scalarltjoinsel")
    public static boolean zahllt(Zahl a, Zahl b) {
        return a.value < b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8gt")
    @PgOperator(value = ">", commutator = "<", negator = "<=", restrict = "scalargtsel", join = "scalargtjoinsel")
    public static boolean zahlgt(Zahl a, Zahl b) {
        return a.value > b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8le")
    @PgOperator(value = "<=", commutator = ">=", negator = ">", restrict = "scalarltsel", join = "scalarltjoinsel")
    public static boolean zahlle(Zahl a, Zahl b) {
        return a.value <= b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8ge")
    @PgOperator(value = ">=", commutator = "<=", negator = "<", restrict = "scalargtsel", join = "scalargtjoinsel")
    public static boolean zahlge(Zahl a, Zahl b) {
        return a.value >= b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8mod")
    @PgOperator("%")
    public static Zahl zahlmod(Zahl a, Zahl b) {
        return new Zahl(a.value % b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8pl")
    @PgOperator(value = "+", commutator = "+")
    public static Zahl zahlpl(Zahl a, Zahl b) {
        return new Zahl(Math.addExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8mi")
    @PgOperator("-")
    public static Zahl zahlmi(Zahl a, Zahl b) {
        return new Zahl(Math.subtractExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8mul")
    @PgOperator(value = "*", commutator = "*")
    public static Zahl zahlmul(Zahl a, Zahl b) {
        return new Zahl(Math.multiplyExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8div")
    @PgOperator("/")
    public static Zahl zahldiv(Zahl a, Zahl b) {
        return new Zahl(Math.divideExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8and")
    @PgOperator(value = "&", commutator = "&")
    public static Zahl zahland(Zahl a, Zahl b) {
        return new Zahl(a.value & b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8or")
    @PgOperator(value = "|", commutator = "|")
    public static Zahl zahlor(Zahl a, Zahl b) {
        return new Zahl(a.value | b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8xor")
    @PgOperator(value = "#", commutator = "#")
    public static Zahl zahlxor(Zahl a, Zahl b) {
        return new Zahl(a.value ^ b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8abs")
    @PgOperator("@")
    public static Zahl zahlabs(Zahl a) {
        return new Zahl(Math.absExact(a.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8um")
    @PgOperator("-")
    public static Zahl zahlum(Zahl a) {
        return new Zahl(Math.negateExact(a.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8not")
    @PgOperator("~")
    public static Zahl zahlnot(Zahl a) {
        return new Zahl(~a.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8up")
    @PgOperator("+")
    public static Zahl zahlup(Zahl a) {
        return new Zahl(a.value);
    }
}

package org.pgj.examples.ports.numeral;

import org.pgj.functions.BinaryCoercible;
import org.pgj.functions.BuiltinFunction;
import org.pgj.functions.PgCast;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;
import org.pgj.types.PgType;

/**
 * The SQL type {@code roman}: a {@code bigint} written as Roman numerals, {@code 'CXXI'}. It is stored as a
 * {@code bigint} is (eight bytes passed by value), so it casts to and from {@code bigint} without
 * a function, and its operators are {@code bigint}'s own built-in functions, as the original's are.
 * Each method's body is what the built-in computes, for Java callers.
 *
 * @param value the number
 */
@PgType(name = "roman", codec = Roman.Codec.class, internalLength = 8, passedByValue = true,
        alignment = PgType.Alignment.DOUBLE, category = "N")
@BinaryCoercible(to = "bigint", context = PgCast.Context.IMPLICIT)
@BinaryCoercible(from = "bigint")
public record Roman(long value) {
    /** Words in and out; a bigint's bytes stored and sent. */
    public static final class Codec extends Int64Codec<Roman> {
        public Codec() {
            super("roman");
        }

        @Override
        long valueOf(Roman value) {
            return value.value;
        }

        @Override
        Roman of(long value) {
            return new Roman(value);
        }

        @Override
        String format(long value) {
            return RomanNumerals.format(value);
        }

        @Override
        long parse(String text) {
            return RomanNumerals.parse(text);
        }
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8eq")
    @PgOperator(value = "=", commutator = "=", negator = "<>", restrict = "eqsel", join = "eqjoinsel", hashes = true, merges = true)
    public static boolean romaneq(Roman a, Roman b) {
        return a.value == b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8ne")
    @PgOperator(value = "<>", commutator = "<>", negator = "=", restrict = "neqsel", join = "neqjoinsel")
    public static boolean romanne(Roman a, Roman b) {
        return a.value != b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8lt")
    @PgOperator(value = "<", commutator = ">", negator = ">=", restrict = "scalarltsel", join = "scalarltjoinsel")
    public static boolean romanlt(Roman a, Roman b) {
        return a.value < b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8gt")
    @PgOperator(value = ">", commutator = "<", negator = "<=", restrict = "scalargtsel", join = "scalargtjoinsel")
    public static boolean romangt(Roman a, Roman b) {
        return a.value > b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8le")
    @PgOperator(value = "<=", commutator = ">=", negator = ">", restrict = "scalarltsel", join = "scalarltjoinsel")
    public static boolean romanle(Roman a, Roman b) {
        return a.value <= b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8ge")
    @PgOperator(value = ">=", commutator = "<=", negator = "<", restrict = "scalargtsel", join = "scalargtjoinsel")
    public static boolean romange(Roman a, Roman b) {
        return a.value >= b.value;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8mod")
    @PgOperator("%")
    public static Roman romanmod(Roman a, Roman b) {
        return new Roman(a.value % b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8pl")
    @PgOperator(value = "+", commutator = "+")
    public static Roman romanpl(Roman a, Roman b) {
        return new Roman(Math.addExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8mi")
    @PgOperator("-")
    public static Roman romanmi(Roman a, Roman b) {
        return new Roman(Math.subtractExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8mul")
    @PgOperator(value = "*", commutator = "*")
    public static Roman romanmul(Roman a, Roman b) {
        return new Roman(Math.multiplyExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8div")
    @PgOperator("/")
    public static Roman romandiv(Roman a, Roman b) {
        return new Roman(Math.divideExact(a.value, b.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8and")
    @PgOperator(value = "&", commutator = "&")
    public static Roman romanand(Roman a, Roman b) {
        return new Roman(a.value & b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8or")
    @PgOperator(value = "|", commutator = "|")
    public static Roman romanor(Roman a, Roman b) {
        return new Roman(a.value | b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8xor")
    @PgOperator(value = "#", commutator = "#")
    public static Roman romanxor(Roman a, Roman b) {
        return new Roman(a.value ^ b.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8abs")
    @PgOperator("@")
    public static Roman romanabs(Roman a) {
        return new Roman(Math.absExact(a.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8um")
    @PgOperator("-")
    public static Roman romanum(Roman a) {
        return new Roman(Math.negateExact(a.value));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8not")
    @PgOperator("~")
    public static Roman romannot(Roman a) {
        return new Roman(~a.value);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int8up")
    @PgOperator("+")
    public static Roman romanup(Roman a) {
        return new Roman(a.value);
    }
}

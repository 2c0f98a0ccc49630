package org.pgj.examples.customtypes;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.pgj.functions.BinaryCoercible;
import org.pgj.functions.BuiltinFunction;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;
import org.pgj.types.PgType;
import org.pgj.types.TypeCodec;

/**
 * A temperature in tenths of a degree, {@code '-3.5C'} in SQL, stored as a {@code smallint} is:
 * two bytes passed by value. So it casts to {@code smallint} without a function, {@code smallint}'s
 * built-in {@code int2eq} and {@code int2lt} compare it, and binary clients get {@code int2send}'s bytes.
 *
 * @param tenths tenths of a degree Celsius
 */
@PgType(codec = Celsius.Codec.class, internalLength = 2, passedByValue = true, alignment = PgType.Alignment.INT2)
@BinaryCoercible(to = "smallint")
public record Celsius(short tenths) {
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int2eq")
    @PgOperator(value = "=", commutator = "=", restrict = "eqsel", join = "eqjoinsel")
    public static boolean celsiusEq(Celsius a, Celsius b) {
        return a.tenths == b.tenths;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @BuiltinFunction("int2lt")
    @PgOperator(value = "<", commutator = ">", restrict = "scalarltsel", join = "scalarltjoinsel")
    public static boolean celsiusLt(Celsius a, Celsius b) {
        return a.tenths < b.tenths;
    }

    /** Java reads and returns the type like any other. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Celsius warmer(Celsius t, double degrees) {
        return new Celsius((short) Math.round(t.tenths + degrees * 10));
    }

    /** Arrays of a type passed by value, both ways: each value one degree warmer. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Celsius[] eachWarmer(Celsius[] temperatures) {
        Celsius[] warmer = new Celsius[temperatures.length];
        for (int i = 0; i < temperatures.length; i++) {
            warmer[i] = temperatures[i] == null ? null : warmer(temperatures[i], 1);
        }
        return warmer;
    }

    /** Text {@code -3.5C}; stored as the short in the server's byte order; sent as int2send sends it. */
    public static final class Codec implements TypeCodec<Celsius> {
        @Override
        public String toText(Celsius t) {
            int magnitude = Math.abs((int) t.tenths);
            return (t.tenths < 0 ? "-" : "") + magnitude / 10 + "." + magnitude % 10 + "C";
        }

        @Override
        public Celsius fromText(String text) {
            if (!text.matches("-?\\d{1,4}(\\.\\d)?C")) {
                throw new IllegalArgumentException("a temperature is degrees with at most one decimal and C, such as -3.5C");
            }
            int tenths = Math.round(Float.parseFloat(text.substring(0, text.length() - 1)) * 10);
            if (tenths != (short) tenths) {
                throw new IllegalArgumentException("a temperature is between -3276.8C and 3276.7C");
            }
            return new Celsius((short) tenths);
        }

        @Override
        public byte[] toBinary(Celsius t) {
            return ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort(t.tenths).array();
        }

        @Override
        public Celsius fromBinary(byte[] bytes) {
            return new Celsius(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).getShort());
        }

        @Override
        public boolean ownsWireFormat() {
            return true;
        }

        @Override
        public byte[] send(Celsius t) {
            return ByteBuffer.allocate(2).putShort(t.tenths).array();
        }

        @Override
        public Celsius receive(byte[] message) {
            if (message.length != 2) {
                throw new IllegalArgumentException("a temperature is sent as 2 bytes, as a smallint is; got " + message.length);
            }
            return new Celsius(ByteBuffer.wrap(message).getShort());
        }
    }
}

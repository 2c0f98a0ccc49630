package org.pgj.examples.aggregates;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import org.pgj.aggregates.CombineFunction;
import org.pgj.aggregates.DeserialFunction;
import org.pgj.aggregates.FinalFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.SerialFunction;
import org.pgj.aggregates.StateFunction;
import org.pgj.functions.Parallel;

/** avg(bigint) whose state is a Java object, sent between parallel workers as bytes. */
@PgAggregate(name = "java_avg", parallel = Parallel.SAFE, stateSpace = 64)
public final class JavaAvg {
    private JavaAvg() {
    }

    /** The state: a plain Java class, so it stays in Java (SQL sees internal). */
    public static final class Sums {
        long count;
        BigInteger total = BigInteger.ZERO;
    }

    @StateFunction
    public static Sums add(Sums state, long value) {
        Sums s = state == null ? new Sums() : state;
        s.count++;
        s.total = s.total.add(BigInteger.valueOf(value));
        return s;
    }

    @CombineFunction
    public static Sums combine(Sums a, Sums b) {
        a.count += b.count;
        a.total = a.total.add(b.total);
        return a;
    }

    @SerialFunction
    public static byte[] serialize(Sums state) {
        byte[] total = state.total.toByteArray();
        return ByteBuffer.allocate(Long.BYTES + total.length).putLong(state.count).put(total).array();
    }

    @DeserialFunction
    public static Sums deserialize(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        Sums s = new Sums();
        s.count = in.getLong();
        byte[] total = new byte[in.remaining()];
        in.get(total);
        s.total = new BigInteger(total);
        return s;
    }

    /** Strict: over no rows the state is NULL, and so is the average. */
    @FinalFunction
    public static BigDecimal average(Sums state) {
        return new BigDecimal(state.total).divide(BigDecimal.valueOf(state.count), 16, RoundingMode.HALF_EVEN);
    }
}

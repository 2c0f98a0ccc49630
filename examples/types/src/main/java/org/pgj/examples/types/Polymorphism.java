package org.pgj.examples.types;

import java.util.ArrayList;
import java.util.List;
import org.pgj.functions.PgFunction;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;
import org.pgj.types.AnyElement;

/** Polymorphic parameters and results: the actual type per call, and the value as its Java type. */
public final class Polymorphism {
    private Polymorphism() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String describeValue(AnyElement v) {
        return v.typeName() + " as " + v.value().getClass().getSimpleName() + ": " + v.value();
    }

    /** The result has the type of the arguments, as the server resolved it for the call. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static AnyElement larger(AnyElement a, AnyElement b) {
        @SuppressWarnings("unchecked")
        Comparable<Object> x = (Comparable<Object>) a.value();
        return x.compareTo(b.value()) >= 0 ? a : b;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int countElements(@SqlType("anyarray") AnyElement array) {
        return array.value(List.class).size();
    }

    /** A value changed in place and returned is returned changed: a {@code byte[]} is not taken for the Datum it came from. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static AnyElement zeroedFirstByte(AnyElement v) {
        if (v.value() instanceof byte[] bytes && bytes.length > 0) {
            bytes[0] = 0;
        }
        return v;
    }

    /** anycompatible: the server finds a common type (integer and numeric give numeric). */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("anycompatiblearray")
    public static AnyElement appended(@SqlType("anycompatiblearray") AnyElement array, @SqlType("anycompatible") AnyElement v) {
        List<Object> out = new ArrayList<>(array.value(List.class));
        out.add(v.value());
        return AnyElement.of(out);
    }

    /** A String result goes through the resolved type's input function. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static AnyElement fromText(AnyElement like, String text) {
        return AnyElement.of(text);
    }

    /** A Java value that the resolved type cannot take is a clear error. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static AnyElement wrongResult(AnyElement v) {
        return AnyElement.of(new StringBuilder("not a String"));
    }
}

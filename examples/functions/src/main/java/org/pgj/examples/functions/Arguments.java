package org.pgj.examples.functions;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.pgj.functions.Default;
import org.pgj.functions.Nullable;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;

/** Defaults, named arguments, VARIADIC and overloading. */
public final class Arguments {
    private Arguments() {
    }

    /** greet('Ann'), greet('Ann', 'Hi'), greet('Ann', times => 3): trailing parameters may be left out. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String greet(String name, @Default("'Hello'") String greeting, @Default("1") int times) {
        return (greeting + ", " + name + "! ").repeat(times).strip();
    }

    /** A default of NULL, for a parameter that can hold it. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String tag(String name, @Default("NULL") @Nullable String suffix) {
        return suffix == null ? name : name + "-" + suffix;
    }

    /** sum_all(1, 2, 3) or sum_all(VARIADIC ARRAY[1, 2, 3]): a Java varargs parameter is VARIADIC. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static long sumAll(int... values) {
        return Arrays.stream(values).asLongStream().sum();
    }

    /** NULL arguments arrive as null elements of a reference type. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String joinAll(String separator, String... parts) {
        return Arrays.stream(parts).map(p -> p == null ? "?" : p).collect(Collectors.joining(separator));
    }

    /** Overloads: the server picks one by the argument types. */
    @PgFunction(name = "kind_of", volatility = Volatility.IMMUTABLE)
    public static String kindOf(int i) {
        return "integer";
    }

    @PgFunction(name = "kind_of", volatility = Volatility.IMMUTABLE)
    public static String kindOf(String s) {
        return "text";
    }

    @PgFunction(name = "kind_of", volatility = Volatility.IMMUTABLE)
    public static String kindOf(double d, @Default("0") double unused) {
        return "double precision";
    }
}

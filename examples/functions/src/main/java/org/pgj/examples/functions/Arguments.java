package org.pgj.examples.functions;

import org.pgj.functions.Default;
import org.pgj.functions.Nullable;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;

/** Defaults, named arguments and overloading. */
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

package org.pgj.examples.demo;

import java.util.Optional;
import org.pgj.functions.Nullable;
import org.pgj.functions.Parallel;
import org.pgj.functions.PgExtension;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Security;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;

/** Plain functions: every SQL type of the core, NULL handling and the function options. */
@PgExtension(comment = "pgj demo: Java functions running inside PostgreSQL")
public final class Basics {
    private Basics() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE, cost = 1)
    public static int addOne(int i) {
        return i + 1;
    }

    /** Overloaded: one SQL name, several argument types. */
    @PgFunction(name = "add", volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE)
    public static int add(int a, int b) {
        return Math.addExact(a, b);
    }

    @PgFunction(name = "add", volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE)
    public static long add(long a, long b) {
        return Math.addExact(a, b);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static short negate(short s) {
        return (short) -s;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static boolean isEven(long n) {
        return n % 2 == 0;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static float half(float f) {
        return f / 2;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double hypot(double a, double b) {
        return Math.hypot(a, b);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE)
    public static String shout(String s) {
        return s.toUpperCase();
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int charCount(@SqlType("varchar") String s) {
        return s.codePointCount(0, s.length());
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static byte[] reverseBytes(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    /** Boxed types carry NULL both ways, so this function is not strict. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Integer twice(Integer i) {
        return i == null ? null : i * 2;
    }

    /** Optional carries NULL too: empty in, empty out. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<String> firstWord(Optional<String> text) {
        return text.map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.split("\\s+")[0]);
    }

    /** A @Nullable String receives NULL; the int beside it may not. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String greet(@Nullable String name, Integer times) {
        String who = name == null ? "stranger" : name;
        return ("hello " + who + "! ").repeat(times == null ? 1 : times).strip();
    }

    /** Not strict because of the boxed argument: a NULL for the int is an error naming it. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int pick(int value, Integer fallback) {
        return fallback == null ? value : fallback;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int textLength(String s) {
        return s.length();
    }

    /** Options: own schema, cost, SECURITY DEFINER and a fixed search_path. */
    @PgFunction(schema = "demo_util", volatility = Volatility.STABLE, cost = 5, security = Security.DEFINER,
            searchPath = "pg_catalog, pg_temp", parallel = Parallel.RESTRICTED)
    public static String version() {
        return "demo " + Runtime.version().feature();
    }
}

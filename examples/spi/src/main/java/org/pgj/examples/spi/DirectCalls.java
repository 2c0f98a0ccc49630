package org.pgj.examples.spi;

import org.pgj.functions.PgFunction;
import org.pgj.spi.Server;
import org.pgj.spi.Spi;
import org.pgj.types.Oid;

/** Server functions called directly through fmgr (Server.call), and the same calls through SPI for comparison. */
public final class DirectCalls {
    private DirectCalls() {
    }

    @PgFunction
    public static Integer directTextLength(String s) {
        return Server.call("pg_catalog.textlen", Integer.class, s);
    }

    /** Any one-argument function by name or signature, its result as text. */
    @PgFunction
    public static String callByName(String function, String argument) {
        return Server.call(function, String.class, argument);
    }

    /** A void server function, called for its effect. */
    @PgFunction
    public static void sleepDirectly(double seconds) {
        Server.call("pg_catalog.pg_sleep(double precision)", Void.class, seconds);
    }

    @PgFunction
    public static String callByOid(long oid, String argument) {
        return Server.call(new Oid(oid), String.class, argument);
    }

    /** A function of two arguments: integers in, a primitive result type. */
    @PgFunction
    public static int greatestCommonDivisor(int a, int b) {
        return Server.call("pg_catalog.gcd(integer, integer)", int.class, a, b);
    }

    /** {@code n} direct calls of textlen; the sum of the lengths. */
    @PgFunction
    public static long directTextlen(int n, String s) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Server.call("pg_catalog.textlen", Integer.class, s);
        }
        return sum;
    }

    /** The same calls through SPI. */
    @PgFunction
    public static long spiTextlen(int n, String s) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Spi.getOne("SELECT pg_catalog.textlen($1)", Integer.class, s).orElseThrow();
        }
        return sum;
    }
}

package org.pgj.internal.boot;

import java.util.Optional;
import org.pgj.Pg;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Spi;

/**
 * Functions the AOT-cache training run calls (pgj-tooling's AotCache), so the cache holds
 * the classes and method handles a typical backend needs on its first call: integer, text
 * and bytea conversions, NULL handling, errors in both directions, logging and SPI.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static int addOne(int i) {
        return i + 1;
    }

    public static long addLong(long a, long b) {
        return a + b;
    }

    public static double scale(double d, float f) {
        return d * f;
    }

    public static String shout(String s) {
        return s.toUpperCase();
    }

    public static byte[] bytes(byte[] b) {
        return b;
    }

    public static Integer twice(Integer i) {
        return i == null ? null : i * 2;
    }

    public static Optional<String> optional(Optional<String> s) {
        return s;
    }

    public static boolean flag(boolean b, short s) {
        return b && s > 0;
    }

    public static void fail(String message) {
        throw new PgException("P0001", message);
    }

    public static String caught(String sql) {
        Pg.notice("training");
        try {
            Subtransaction.run(() -> Spi.run(sql));
            return "ok";
        } catch (PgException e) {
            return e.sqlState();
        }
    }
}

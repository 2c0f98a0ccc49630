package org.pgj.examples.spi;

import org.pgj.functions.PgFunction;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiStatement;

/** Prepared statements: planned once, run many times, kept across calls. */
public final class Prepared {
    private Prepared() {
    }

    /** Prepared on the first call and kept for the next ones, in this backend. */
    private static SpiStatement nameById;

    @PgFunction
    public static String cachedName(long id) {
        try (SpiConnection spi = Spi.connect()) {
            if (nameById == null || !nameById.isUsable()) {
                nameById = spi.prepare("SELECT name FROM people WHERE id = $1", "int8").keep();
            }
            return spi.getOne(nameById, String.class, id).orElseThrow();
        }
    }

    /** Frees the kept statement; the next cachedName prepares it again. */
    @PgFunction
    public static boolean forgetCachedName() {
        boolean had = nameById != null;
        if (had) {
            nameById.free();
            nameById = null;
        }
        return had;
    }

    /** A prepared single-row SELECT run n times; the benchmark races it against PL/pgSQL. */
    @PgFunction
    public static long lookupLoop(int n) {
        long sum = 0;
        try (SpiConnection spi = Spi.connect();
             SpiStatement byKey = spi.prepare("SELECT v FROM kv WHERE k = $1", "int4")) {
            for (int k = 1; k <= n; k++) {
                sum += spi.getOne(byKey, Integer.class, k).orElseThrow();
            }
        }
        return sum;
    }
}

package org.pgj.examples.demo;

import org.pgj.functions.PgFunction;

/** A CPU-heavy function to profile (pgj profile): nearly all its time is in {@link #trialDivision}. */
public final class Profiling {
    private Profiling() {
    }

    /** How many primes there are below {@code limit}, by trial division. */
    @PgFunction
    public static int countPrimes(int limit) {
        int count = 0;
        for (int n = 2; n < limit; n++) {
            if (trialDivision(n)) {
                count++;
            }
        }
        return count;
    }

    static boolean trialDivision(int n) {
        for (int d = 2; (long) d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}

package org.pgj.examples.demo;

import org.pgj.Pg;
import org.pgj.functions.PgFunction;

/** A long Java loop that query cancel, statement_timeout and pg_terminate_backend can stop. */
public final class Interrupts {
    private Interrupts() {
    }

    /** Spins forever; even catch (Exception) cannot swallow the cancel. */
    @PgFunction
    public static long spin() {
        long n = 0;
        while (true) {
            try {
                Pg.checkForInterrupts();
                n++;
            } catch (Exception swallowed) {
                n = -1;
            }
        }
    }
}

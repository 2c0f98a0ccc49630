package org.pgj.examples.spi;

import org.pgj.Pg;
import org.pgj.errors.Subtransaction;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgProcedure;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiCursor;

/**
 * What misuse of scopes and cursors does: a clear exception or a WARNING, never a crash. The
 * tests call these from SQL.
 */
public final class Misuse {
    private Misuse() {
    }

    private static SpiConnection stored;

    /** Returns with a scope still open: pgj closes it, with a WARNING. */
    @PgFunction
    public static String leakScope() {
        Spi.connect().run("SELECT 1");
        return "returned with an open scope";
    }

    /** Runs a statement that calls useStoredScope, which tries this scope while it is busy. */
    @PgFunction
    public static String reenterScope() {
        try (SpiConnection spi = Spi.connect()) {
            stored = spi;
            return spi.getOne("SELECT use_stored_scope()", String.class).orElseThrow();
        } finally {
            stored = null;
        }
    }

    @PgFunction
    public static String useStoredScope() {
        try {
            stored.run("SELECT 1");
            return "used the caller's scope";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** The server refuses to commit inside a subtransaction. */
    @PgProcedure
    public static void commitInSubtransaction() {
        Subtransaction.run(Spi::commit);
    }

    /** A cursor does not survive COMMIT: fetching from it afterwards is a clear exception. */
    @PgProcedure
    public static void fetchAfterCommit() {
        try (SpiConnection spi = Spi.connect()) {
            SpiCursor cursor = spi.openCursor("SELECT 1");
            spi.commit();
            try {
                cursor.fetch(1);
                Pg.notice("fetched after commit");
            } catch (IllegalStateException e) {
                Pg.notice(e.getMessage());
            }
        }
    }

    /** Only the backend's thread may run SQL: another thread gets WrongThreadException. */
    @PgFunction
    public static String connectFromOtherThread() throws InterruptedException {
        String[] outcome = new String[1];
        Thread t = new Thread(() -> {
            try {
                Spi.connect();
                outcome[0] = "connected";
            } catch (WrongThreadException e) {
                outcome[0] = "WrongThreadException";
            }
        });
        t.start();
        t.join();
        return outcome[0];
    }
}

package org.pgj.examples.demo;

import java.util.ArrayList;
import java.util.List;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.functions.PgFunction;
import org.pgj.spi.Spi;

/** Errors crossing the boundary in both directions. */
public final class Failures {
    private Failures() {
    }

    /** Java's ArithmeticException becomes division_by_zero (22012). */
    @PgFunction
    public static int divide(int a, int b) {
        return a / b;
    }

    /** A PgException keeps its SQLSTATE, message, detail and hint. */
    @PgFunction
    public static void raise(String sqlState, String message, String detail, String hint) {
        throw new PgException(sqlState, message, detail, hint);
    }

    /** Any other throwable: an ERROR naming the Java class. */
    @PgFunction
    public static void illegalState(String message) {
        throw new IllegalStateException(message);
    }

    /** A server error inside Java, not caught: re-raised unchanged. */
    @PgFunction
    public static void serverError(String sql) {
        Spi.run(sql);
    }

    /**
     * Catches the server error in a subtransaction and carries on: returns the SQLSTATE, or
     * "ok" when the statement succeeded.
     */
    @PgFunction
    public static String tryRun(String sql) {
        try {
            Subtransaction.run(() -> Spi.run(sql));
            return "ok";
        } catch (PgException e) {
            return e.sqlState();
        }
    }

    /** Catching a server error without a subtransaction does not hide it: it is re-raised. */
    @PgFunction
    public static String swallowWithoutSubtransaction(String sql) {
        try {
            Spi.run(sql);
        } catch (PgException e) {
            return "swallowed " + e.sqlState();
        }
        return "no error";
    }

    @PgFunction
    public static int exitJvm(int status) {
        System.exit(status);
        return status;
    }

    @PgFunction
    public static int recurse(int depth) {
        return depth <= 0 ? 0 : 1 + recurse(depth - 1);
    }

    /** Keeps allocating until the heap is exhausted. */
    @PgFunction
    public static int exhaustHeap() {
        List<long[]> hog = new ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }

    @PgFunction
    public static String fromOtherThread() throws InterruptedException {
        String[] outcome = new String[1];
        Thread t = new Thread(() -> {
            try {
                Spi.run("select 1");
                outcome[0] = "called the server";
            } catch (WrongThreadException e) {
                outcome[0] = e.getMessage();
            }
        });
        t.start();
        t.join();
        return outcome[0];
    }

    /** Returns the SQLSTATE that the given Java exception class maps to, by throwing it. */
    @PgFunction
    public static void throwJava(String className) throws Exception {
        throw (Exception) Class.forName(className).getConstructor(String.class).newInstance("thrown on request");
    }
}

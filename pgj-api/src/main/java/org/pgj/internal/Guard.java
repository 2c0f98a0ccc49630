package org.pgj.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import org.pgj.errors.PgException;
import org.pgj.errors.PgInterrupt;
import org.pgj.errors.SqlState;

/**
 * Calls into the server that can ereport, through the native runtime's PG_TRY trampoline
 * (guard.c). A server error comes back as a {@link PgException} (or a {@link PgInterrupt}
 * for a cancel or termination); the native side keeps the original error and re-raises it
 * unchanged at the boundary unless a {@link org.pgj.errors.Subtransaction} rolls it back.
 */
public final class Guard {
    private static MethodHandle guardCall;
    private static MethodHandle errorField;
    private static MethodHandle errorCode;
    private static long resultSlot;
    private static int ok;
    private static int pgError;
    private static int wrongThread;

    private Guard() {
    }

    static void init() {
        guardCall = Native.downcall(Facts.get("fn.pgj_guard_call"), FunctionDescriptor.of(JAVA_INT,
                JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG), false);
        errorField = Native.downcall(Facts.get("fn.pgj_error_field"), FunctionDescriptor.of(JAVA_LONG, JAVA_INT), true);
        errorCode = Native.downcall(Facts.get("fn.pgj_error_code"), FunctionDescriptor.of(JAVA_INT), true);
        // One slot is enough: a nested guarded call finishes before the outer one stores its result.
        resultSlot = Arena.global().allocate(JAVA_LONG).address();
        ok = Facts.getInt("PGJ_OK");
        pgError = Facts.getInt("PGJ_PG_ERROR");
        wrongThread = Facts.getInt("PGJ_WRONG_THREAD");
    }

    public static long call(long function) {
        return call(function, 0, 0, 0, 0, 0, 0);
    }

    public static long call(long function, long a0) {
        return call(function, a0, 0, 0, 0, 0, 0);
    }

    public static long call(long function, long a0, long a1) {
        return call(function, a0, a1, 0, 0, 0, 0);
    }

    public static long call(long function, long a0, long a1, long a2) {
        return call(function, a0, a1, a2, 0, 0, 0);
    }

    /** Calls {@code function(a0..a5)} (integer or pointer arguments only) under PG_TRY. */
    public static long call(long function, long a0, long a1, long a2, long a3, long a4, long a5) {
        int rc;
        try {
            rc = (int) guardCall.invokeExact(function, a0, a1, a2, a3, a4, a5, resultSlot);
        } catch (Throwable t) {
            throw new AssertionError("guarded downcall failed to link", t);
        }
        if (rc == ok) {
            return Native.readLong(resultSlot);
        }
        throw failure(rc);
    }

    /** Turns a guard return code into the exception Java code sees. */
    static RuntimeException failure(int rc) {
        if (rc == wrongThread) {
            throw Backend.wrongThread();
        }
        // PG_ERROR: the call failed; POISONED: an earlier error is still unhandled. Both
        // report the server's pending error, so it keeps propagating.
        String sqlState = unpackSqlState(pendingCode());
        String message = field(0);
        if (SqlState.isInterrupt(sqlState)) {
            throw new PgInterrupt(sqlState, message);
        }
        PgException e = new PgException(sqlState, message, field(1), field(2), field(3), null);
        if (rc != pgError) {
            e.addSuppressed(new IllegalStateException(
                    "this call was refused: an earlier PostgreSQL error was not handled; "
                            + "catch PostgreSQL errors inside Subtransaction.run(...) to carry on"));
        }
        return e;
    }

    private static int pendingCode() {
        try {
            return (int) errorCode.invokeExact();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static String field(int which) {
        try {
            return Native.readCString((long) errorField.invokeExact(which));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** PostgreSQL packs a SQLSTATE as five 6-bit characters, the first in the lowest bits. */
    public static String unpackSqlState(int code) {
        char[] chars = new char[5];
        for (int i = 0; i < 5; i++) {
            chars[i] = (char) (((code >> (6 * i)) & 0x3F) + '0');
        }
        return new String(chars);
    }

    public static int packSqlState(String sqlState) {
        int code = 0;
        for (int i = 0; i < 5; i++) {
            code |= ((sqlState.charAt(i) - '0') & 0x3F) << (6 * i);
        }
        return code;
    }
}

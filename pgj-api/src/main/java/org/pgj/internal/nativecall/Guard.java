package org.pgj.internal.nativecall;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import org.pgj.errors.PgException;
import org.pgj.errors.PgInterrupt;
import org.pgj.errors.SqlState;
import org.pgj.internal.encoding.ServerEncoding;

/**
 * Calls into the server that can ereport, through the native runtime's PG_TRY trampoline
 * (guard.c). A server error comes back as a {@link PgException} (or a {@link PgInterrupt}
 * for a cancel or termination); the native side keeps the original error and re-raises it
 * unchanged at the boundary unless a {@link org.pgj.errors.Subtransaction} rolls it back.
 */
public final class Guard {
    private static final long ERROR_FIELD = Facts.get("fn.pgj_error_field");
    private static final long ERROR_CODE = Facts.get("fn.pgj_error_code");
    // One slot is enough: a nested guarded call finishes before the outer one stores its result.
    private static final long RESULT_SLOT = Arena.global().allocate(JAVA_LONG).address();
    private static final int OK = Facts.getInt("PGJ_OK");
    private static final int PG_ERROR = Facts.getInt("PGJ_PG_ERROR");
    private static final int WRONG_THREAD = Facts.getInt("PGJ_WRONG_THREAD");

    private Guard() {
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

    public static long call(long function, long a0, long a1, long a2, long a3) {
        return call(function, a0, a1, a2, a3, 0, 0);
    }

    public static long call(long function, long a0, long a1, long a2, long a3, long a4) {
        return call(function, a0, a1, a2, a3, a4, 0);
    }

    /** Calls {@code function(a0..a5)} (integer or pointer arguments only) under PG_TRY. */
    public static long call(long function, long a0, long a1, long a2, long a3, long a4, long a5) {
        int rc = Native.guard(function, a0, a1, a2, a3, a4, a5, RESULT_SLOT);
        if (rc == OK) {
            return Native.readLong(RESULT_SLOT);
        }
        throw failure(rc);
    }

    /** Throws the exception for a guard return code other than OK. */
    public static void check(int rc) {
        if (rc != OK) {
            throw failure(rc);
        }
    }

    /** Turns a guard return code into the exception Java code sees. */
    public static RuntimeException failure(int rc) {
        if (rc == WRONG_THREAD) {
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
        if (rc != PG_ERROR) {
            e.addSuppressed(new IllegalStateException(
                    "this call was refused: an earlier PostgreSQL error was not handled; "
                            + "catch PostgreSQL errors inside Subtransaction.run(...) to carry on"));
        }
        return e;
    }

    /** The packed SQLSTATE of the unhandled server error; 0 when there is none. */
    @CFunction(value = "int32 pgj_error_code(void)", call = CFunction.Call.DIRECT)
    private static int pendingCode() {
        return (int) Native.direct(ERROR_CODE);
    }

    /** Whether a server error is unhandled, so that every guarded call is refused until it is. */
    public static boolean errorPending() {
        return pendingCode() != 0;
    }

    private static String field(int which) {
        return ServerEncoding.readMessage(errorField(which));
    }

    /** The unhandled error's message, detail, hint or context (0 to 3); 0 for none. */
    @CFunction(value = "const char *pgj_error_field(int32)", call = CFunction.Call.DIRECT)
    private static long errorField(int which) {
        return Native.direct(ERROR_FIELD, which);
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

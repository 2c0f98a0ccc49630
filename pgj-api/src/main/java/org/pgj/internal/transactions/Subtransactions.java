package org.pgj.internal.transactions;

import java.util.function.Supplier;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/** BeginInternalSubTransaction / Release / RollbackAndRelease, as PL/pgSQL uses them. */
public final class Subtransactions {
    private static final long BEGIN = Facts.get("fn.pgj_subxact_begin");
    private static final long COMMIT = Facts.get("fn.pgj_subxact_commit");
    private static final long ROLLBACK = Facts.get("fn.pgj_subxact_rollback");
    private static final long CURRENT_MEMORY_CONTEXT = Facts.get("addr.CurrentMemoryContext");
    private static final long CURRENT_RESOURCE_OWNER = Facts.get("addr.CurrentResourceOwner");

    private Subtransactions() {
    }

    public static <T> T call(Supplier<T> body) {
        Backend.checkThread();
        long context = Native.readLong(CURRENT_MEMORY_CONTEXT);
        long owner = Native.readLong(CURRENT_RESOURCE_OWNER);
        int level = (int) Guard.call(BEGIN, context);
        T result;
        try {
            result = body.get();
        } catch (Throwable t) {
            rollBack(context, owner, level, t);
            throw t;
        }
        Guard.call(COMMIT, context, owner);
        return result;
    }

    private static void rollBack(long context, long owner, int level, Throwable cause) {
        int rc = (int) Native.direct(ROLLBACK, context, owner, level);
        if (rc != 0) {
            RuntimeException failure = Guard.failure(rc);
            failure.addSuppressed(cause);
            throw failure;
        }
    }
}

package org.pgj.internal.transactions;

import java.util.function.Supplier;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.CFunction;
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
        if (TransactionCallbacks.inSubtransactionListener()) {
            // The server is starting or ending a subtransaction: BeginInternalSubTransaction would be FATAL.
            throw new IllegalStateException("a subtransaction listener cannot open a subtransaction:"
                    + " the server is in the middle of starting or ending one; do that work in the statement instead");
        }
        long context = Native.readLong(CURRENT_MEMORY_CONTEXT);
        long owner = Native.readLong(CURRENT_RESOURCE_OWNER);
        int level = begin(context);
        T result;
        try {
            result = body.get();
        } catch (Throwable t) {
            rollBack(context, owner, level, t);
            throw t;
        }
        commit(context, owner);
        return result;
    }

    private static void rollBack(long context, long owner, int level, Throwable cause) {
        int rc = rollback(context, owner, level);
        if (rc != 0) {
            RuntimeException failure = Guard.failure(rc);
            failure.addSuppressed(cause);
            throw failure;
        }
    }

    /** Begins a subtransaction and returns to {@code context}; its nesting level. */
    @CFunction("int32 pgj_subxact_begin(MemoryContext)")
    private static int begin(long context) {
        return (int) Guard.call(BEGIN, context);
    }

    @CFunction("void pgj_subxact_commit(MemoryContext, ResourceOwner)")
    private static void commit(long context, long owner) {
        Guard.call(COMMIT, context, owner);
    }

    /** Runs while the error that failed the body is unhandled, so not guarded; its own PG_TRY gives a guard code. */
    @CFunction(value = "int32 pgj_subxact_rollback(MemoryContext, ResourceOwner, int32)", call = CFunction.Call.DIRECT)
    private static int rollback(long context, long owner, int level) {
        return (int) Native.direct(ROLLBACK, context, owner, level);
    }
}

package org.pgj.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.util.function.Supplier;

/** BeginInternalSubTransaction / Release / RollbackAndRelease, as PL/pgSQL uses them. */
public final class Subtransactions {
    private static long begin;
    private static long commit;
    private static MethodHandle rollback;
    private static long currentMemoryContext;
    private static long currentResourceOwner;

    private Subtransactions() {
    }

    static void init() {
        begin = Facts.get("fn.pgj_subxact_begin");
        commit = Facts.get("fn.pgj_subxact_commit");
        rollback = Native.downcall(Facts.get("fn.pgj_subxact_rollback"),
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT), false);
        currentMemoryContext = Facts.get("addr.CurrentMemoryContext");
        currentResourceOwner = Facts.get("addr.CurrentResourceOwner");
    }

    public static <T> T call(Supplier<T> body) {
        Backend.checkThread();
        long context = Native.readLong(currentMemoryContext);
        long owner = Native.readLong(currentResourceOwner);
        int level = (int) Guard.call(begin, context);
        T result;
        try {
            result = body.get();
        } catch (Throwable t) {
            rollBack(context, owner, level, t);
            throw t;
        }
        Guard.call(commit, context, owner);
        return result;
    }

    private static void rollBack(long context, long owner, int level, Throwable cause) {
        int rc;
        try {
            rc = (int) rollback.invokeExact(context, owner, level);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        if (rc != 0) {
            RuntimeException failure = Guard.failure(rc);
            failure.addSuppressed(cause);
            throw failure;
        }
    }
}

package org.pgj.internal.hooks;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.util.ArrayList;
import java.util.List;
import org.pgj.Pg;
import org.pgj.hooks.PlannedQuery;
import org.pgj.hooks.Proceed;
import org.pgj.hooks.QueryExecution;
import org.pgj.hooks.QueryHooks;
import org.pgj.hooks.UtilityStatement;
import org.pgj.internal.classloading.ExtensionClassLoaders;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * Runs the declared {@link QueryHooks} for a call from hooks.c, as a chain that ends in the
 * server's own function: those of the extensions created in this database (the call's
 * {@code active} bits). The runtime reaches it through {@code Boot.hook}; extension code cannot
 * (its package is not exported), since a call is an address on the server's stack.
 */
public final class HookDispatcher {
    private static final long KIND = Facts.get("PgjHookInfo.kind");
    private static final long ACTIVE = Facts.get("PgjHookInfo.active");
    private static final long PROCEED = Facts.get("fn.pgj_hook_proceed");
    private static final long DECLARED = Facts.get("fn.pgj_hook_declared");
    private static final int START = Facts.getInt("PGJ_HOOK_EXECUTOR_START");
    private static final int RUN = Facts.getInt("PGJ_HOOK_EXECUTOR_RUN");
    private static final int FINISH = Facts.getInt("PGJ_HOOK_EXECUTOR_FINISH");
    private static final int END = Facts.getInt("PGJ_HOOK_EXECUTOR_END");
    private static final int UTILITY = Facts.getInt("PGJ_HOOK_PROCESS_UTILITY");
    private static final int PLANNER = Facts.getInt("PGJ_HOOK_PLANNER");

    /** This backend's hook objects, by hooks.c's index (null for one that could not be made). */
    private static List<QueryHooks> declared;
    private static List<QueryHooks> activeHooks;
    private static long activeMask;
    /** {@link ExtensionClassLoaders#generation()} when {@link #declared} was last brought up to date. */
    private static int loadedGeneration;

    private HookDispatcher() {
    }

    public static void dispatch(long call) {
        if (declared == null) {
            declared = load();
            loadedGeneration = ExtensionClassLoaders.generation();
        } else if (loadedGeneration != ExtensionClassLoaders.generation()) {
            remakeReplaced();
        }
        List<QueryHooks> hooks = active(Native.ALL.get(JAVA_LONG, call + ACTIVE));
        int kind = Native.ALL.get(JAVA_INT, call + KIND);
        HookCall described = kind == UTILITY ? new HookCall.Utility(call)
                : kind == PLANNER ? new HookCall.Planning(call) : new HookCall.Query(call);
        try {
            next(hooks, 0, kind, described).proceed();
        } finally {
            described.end();
        }
    }

    /** The hook objects of the bits set in {@code mask}; a backend's mask rarely changes, so the last list is kept. */
    private static List<QueryHooks> active(long mask) {
        if (mask != activeMask || activeHooks == null) {
            List<QueryHooks> hooks = new ArrayList<>();
            for (int i = 0; i < declared.size(); i++) {
                if ((mask & (1L << i)) != 0 && declared.get(i) != null) {
                    hooks.add(declared.get(i));
                }
            }
            activeHooks = List.copyOf(hooks);
            activeMask = mask;
        }
        return activeHooks;
    }

    /**
     * From hooks.c's emit_log hook: the active hooks' emitLog, each in turn; a failure is dropped
     * (a log entry cannot fail), and nothing it logs comes back here.
     */
    public static void emitLog(long edata, long mask) {
        if (declared == null) {
            declared = load();
            loadedGeneration = ExtensionClassLoaders.generation();
        }
        LogEntryCall entry = new LogEntryCall(edata);
        try {
            for (QueryHooks h : active(mask)) {
                try {
                    h.emitLog(entry);
                } catch (Throwable t) {
                    // a log entry cannot fail; the hook's own failure would be logged through itself
                }
            }
        } finally {
            entry.end();
        }
    }

    /** Hook {@code i} of the chain, then the rest; past the last, the server's own function. */
    private static Proceed next(List<QueryHooks> hooks, int i, int kind, HookCall call) {
        if (i == hooks.size()) {
            return () -> hookProceed(call.address());
        }
        return () -> {
            QueryHooks h = hooks.get(i);
            boolean[] proceeded = new boolean[1];
            Proceed rest = next(hooks, i + 1, kind, call);
            Proceed once = () -> {
                if (proceeded[0]) {
                    throw new IllegalStateException("a hook proceeded twice");
                }
                proceeded[0] = true;
                rest.proceed();
            };
            if (kind == START) {
                h.executorStart((QueryExecution) call, once);
            } else if (kind == RUN) {
                h.executorRun((QueryExecution) call, once);
            } else if (kind == FINISH) {
                h.executorFinish((QueryExecution) call, once);
            } else if (kind == END) {
                h.executorEnd((QueryExecution) call, once);
            } else if (kind == PLANNER) {
                h.planner((PlannedQuery) call, once);
            } else {
                h.processUtility((UtilityStatement) call, once);
            }
            if (!proceeded[0]) {
                once.proceed();
            }
        };
    }

    /** The hook classes hooks.c read from the manifests; one that cannot be made is left out with a WARNING. */
    private static List<QueryHooks> load() {
        List<QueryHooks> loaded = new ArrayList<>();
        for (int i = 0; hookDeclared(i, 0) != 0; i++) {
            loaded.add(make(i));
        }
        return loaded;
    }

    /**
     * After an extension's build was replaced (a transaction boundary, builds.c): its hook objects
     * are made again from the new build, and those left out are tried again. Others stay as they are.
     */
    private static void remakeReplaced() {
        List<QueryHooks> updated = new ArrayList<>(declared);
        for (int i = 0; i < updated.size(); i++) {
            if (updated.get(i) == null || !ExtensionClassLoaders.isCurrent(updated.get(i).getClass())) {
                updated.set(i, make(i));
            }
        }
        declared = updated;
        activeHooks = null;
        loadedGeneration = ExtensionClassLoaders.generation();
    }

    private static QueryHooks make(int i) {
        return make(ServerEncoding.readCString(hookDeclared(i, 0)), ServerEncoding.readCString(hookDeclared(i, 1)));
    }

    private static QueryHooks make(String extension, String className) {
        try {
            Class<?> c = Class.forName(className, true, ExtensionClassLoaders.forFolder(extension));
            return (QueryHooks) c.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Pg.warning("pgj hooks: " + className + " of extension " + extension + " is left out: " + e);
            return null;
        }
    }

    /** The next hook of the server's chain, or its own function; proceeding twice is an error. */
    @CFunction("void pgj_hook_proceed(PgjHookInfo *)")
    private static void hookProceed(long call) {
        Guard.call(PROCEED, call);
    }

    /** The extension ({@code which} 0) or class name (1) of declared hook class {@code i}; 0 past the last. */
    @CFunction("const char *pgj_hook_declared(int32, int32)")
    private static long hookDeclared(int i, int which) {
        return Guard.call(DECLARED, i, which);
    }
}

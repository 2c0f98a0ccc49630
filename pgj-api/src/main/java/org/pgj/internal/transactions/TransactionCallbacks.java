package org.pgj.internal.transactions;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pgj.Pg;
import org.pgj.hooks.SubtransactionEvent;
import org.pgj.hooks.SubtransactionListener;
import org.pgj.internal.call.ErrorBridge;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * The engine of {@link org.pgj.hooks.Transactions}: actions by subtransaction id, moved to the
 * parent when a subtransaction commits, run or dropped when one rolls back, and run or dropped
 * at the top-level transaction's end. xact.c calls {@link #event} (through {@code Boot}) while
 * {@code pgj_transaction_callbacks} is not 0.
 */
public final class TransactionCallbacks {
    /** What an action waits for. */
    public enum Kind {
        BEFORE_COMMIT, COMMIT, ROLLBACK
    }

    private record Action(Kind kind, Runnable action) {
    }

    private static final long WATCH = Facts.get("fn.pgj_watch_transactions");
    private static final long COUNT = Facts.get("addr.pgj_transaction_callbacks");
    private static final long CURRENT_SUB = Facts.get("fn.GetCurrentSubTransactionId");
    private static final int COMMIT = Facts.getInt("XACT_EVENT_COMMIT");
    private static final int PARALLEL_COMMIT = Facts.getInt("XACT_EVENT_PARALLEL_COMMIT");
    private static final int ABORT = Facts.getInt("XACT_EVENT_ABORT");
    private static final int PARALLEL_ABORT = Facts.getInt("XACT_EVENT_PARALLEL_ABORT");
    private static final int PREPARE = Facts.getInt("XACT_EVENT_PREPARE");
    private static final int PRE_COMMIT = Facts.getInt("XACT_EVENT_PRE_COMMIT");
    private static final int PARALLEL_PRE_COMMIT = Facts.getInt("XACT_EVENT_PARALLEL_PRE_COMMIT");
    private static final int PRE_PREPARE = Facts.getInt("XACT_EVENT_PRE_PREPARE");
    private static final int COMMIT_SUB = Facts.getInt("SUBXACT_EVENT_COMMIT_SUB");
    private static final int ABORT_SUB = Facts.getInt("SUBXACT_EVENT_ABORT_SUB");
    private static final int START_SUB = Facts.getInt("SUBXACT_EVENT_START_SUB");
    private static final int PRE_COMMIT_SUB = Facts.getInt("SUBXACT_EVENT_PRE_COMMIT_SUB");

    /** Waiting actions by the subtransaction they were registered in (1: the top level). */
    private static final Map<Integer, List<Action>> WAITING = new HashMap<>();
    /** Subtransaction listeners of the current top-level transaction. */
    private static final List<SubtransactionListener> LISTENERS = new ArrayList<>();
    /** True while a listener runs: the subtransactions it opens are not reported (no recursion). */
    private static boolean listening;

    private TransactionCallbacks() {
    }

    public static void register(Kind kind, Runnable action) {
        Objects.requireNonNull(action, "action");
        Backend.checkThread();
        watchTransactions();
        int sub = getCurrentSubTransactionId();
        WAITING.computeIfAbsent(sub, s -> new ArrayList<>()).add(new Action(kind, action));
        count();
    }

    public static void listen(SubtransactionListener listener) {
        Objects.requireNonNull(listener, "listener");
        Backend.checkThread();
        watchTransactions();
        LISTENERS.add(listener);
        count();
    }

    /** True while a subtransaction listener runs. */
    static boolean inSubtransactionListener() {
        return listening;
    }

    /** Registers xact.c's transaction and subtransaction callbacks, once per backend. */
    @CFunction("void pgj_watch_transactions(void)")
    private static void watchTransactions() {
        Guard.call(WATCH);
    }

    @CFunction(value = "SubTransactionId GetCurrentSubTransactionId(void)", header = "access/xact.h")
    private static int getCurrentSubTransactionId() {
        return (int) Guard.call(CURRENT_SUB);
    }

    private static void count() {
        Native.ALL.set(JAVA_INT, COUNT, WAITING.isEmpty() && LISTENERS.isEmpty() ? 0 : 1);
    }

    /**
     * A transaction event ({@code sub} 0) or a subtransaction event; returns true when an action
     * failed and, {@code report} being set, its error was recorded for the server to raise.
     */
    public static boolean event(int event, int sub, int parent, boolean report) {
        try {
            if (sub == 0) {
                return transactionEvent(event, report);
            }
            if (tell(event, sub, parent, report)) {
                return true;
            }
            if (event == COMMIT_SUB) {
                List<Action> moved = WAITING.remove(sub);
                if (moved != null) {
                    WAITING.computeIfAbsent(parent, p -> new ArrayList<>()).addAll(moved);
                }
            } else if (event == ABORT_SUB) {
                List<Action> dropped = WAITING.remove(sub);
                if (dropped != null) {
                    run(dropped, Kind.ROLLBACK);
                }
            }
            return false;
        } finally {
            count();
        }
    }

    private static boolean transactionEvent(int event, boolean report) {
        if (event == PRE_COMMIT || event == PARALLEL_PRE_COMMIT || event == PRE_PREPARE) {
            List<Action> all = all();
            for (Action a : all) {
                if (a.kind() == Kind.BEFORE_COMMIT) {
                    try {
                        a.action().run();
                    } catch (Throwable t) {
                        if (report) {
                            ErrorBridge.record(t);
                            return true;
                        }
                    }
                }
            }
            return false;
        }
        if (event == COMMIT || event == PARALLEL_COMMIT || event == PREPARE) {
            List<Action> all = all();
            WAITING.clear();
            LISTENERS.clear();
            run(all, event == PREPARE ? null : Kind.COMMIT);
        } else if (event == ABORT || event == PARALLEL_ABORT) {
            List<Action> all = all();
            WAITING.clear();
            LISTENERS.clear();
            run(all, Kind.ROLLBACK);
        }
        return false;
    }

    /**
     * Tells the listeners of a subtransaction event; true when one refused a release and, {@code
     * report} being set, its error was recorded for the server to raise.
     */
    private static boolean tell(int event, int sub, int parent, boolean report) {
        if (LISTENERS.isEmpty() || listening) {
            return false;
        }
        SubtransactionEvent.Kind kind = event == START_SUB ? SubtransactionEvent.Kind.START
                : event == PRE_COMMIT_SUB ? SubtransactionEvent.Kind.BEFORE_COMMIT
                : event == COMMIT_SUB ? SubtransactionEvent.Kind.COMMIT
                : event == ABORT_SUB ? SubtransactionEvent.Kind.ROLLBACK : null;
        if (kind == null) {
            return false;
        }
        SubtransactionEvent e = new SubtransactionEvent(kind, sub, parent);
        listening = true;
        try {
            for (SubtransactionListener listener : List.copyOf(LISTENERS)) {
                try {
                    listener.on(e);
                } catch (Throwable t) {
                    if (report) {
                        ErrorBridge.record(t);
                        return true;
                    }
                    Pg.warning("a subtransaction listener failed on " + kind + ": " + t);
                }
            }
            return false;
        } finally {
            listening = false;
        }
    }

    private static List<Action> all() {
        List<Action> all = new ArrayList<>();
        WAITING.keySet().stream().sorted().forEach(sub -> all.addAll(WAITING.get(sub)));
        return all;
    }

    /** Runs the actions of {@code kind}; the transaction is over, so a failure is only a WARNING. */
    private static void run(List<Action> actions, Kind kind) {
        for (Action a : actions) {
            if (a.kind() == kind) {
                try {
                    a.action().run();
                } catch (Throwable t) {
                    Pg.warning("a transaction callback failed: " + t);
                }
            }
        }
    }
}

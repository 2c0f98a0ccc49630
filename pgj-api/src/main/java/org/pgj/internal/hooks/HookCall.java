package org.pgj.internal.hooks;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.pgj.hooks.Operation;
import org.pgj.hooks.QueryExecution;
import org.pgj.hooks.UtilityStatement;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;

/** A hook call as hooks.c describes it (PgjHookInfo); readable only while the hook runs. */
abstract sealed class HookCall {
    private static final long OPERATION = Facts.get("PgjHookInfo.operation");
    private static final long TEXT = Facts.get("PgjHookInfo.text");
    private static final long QUERY_ID = Facts.get("PgjHookInfo.query_id");
    private static final long PROCESSED = Facts.get("PgjHookInfo.processed");
    private static final long COMMAND_TAG = Facts.get("PgjHookInfo.command_tag");
    private static final long TOP_LEVEL = Facts.get("PgjHookInfo.top_level");
    private static final int SELECT = Facts.getInt("CMD_SELECT");
    private static final int INSERT = Facts.getInt("CMD_INSERT");
    private static final int UPDATE = Facts.getInt("CMD_UPDATE");
    private static final int DELETE = Facts.getInt("CMD_DELETE");
    private static final int UTILITY = Facts.getInt("CMD_UTILITY");

    private final long call;
    private boolean over;

    private HookCall(long call) {
        this.call = call;
    }

    /** The call's memory is the server's stack: after the hook returns, reading it is refused. */
    final long address() {
        if (over) {
            throw new IllegalStateException("a hook's query or statement is valid only while the hook runs");
        }
        return call;
    }

    final void end() {
        over = true;
    }

    final String text(long offset) {
        long p = Native.ALL.get(JAVA_LONG, address() + offset);
        return p == 0 ? null : ServerEncoding.readCString(p);
    }

    /** An executor hook's query. */
    static final class Query extends HookCall implements QueryExecution {
        Query(long call) {
            super(call);
        }

        @Override
        public String sourceText() {
            return text(TEXT);
        }

        @Override
        public Operation operation() {
            int op = Native.ALL.get(JAVA_INT, address() + OPERATION);
            return op == SELECT ? Operation.SELECT : op == INSERT ? Operation.INSERT : op == UPDATE ? Operation.UPDATE
                    : op == DELETE ? Operation.DELETE : op == UTILITY ? Operation.UTILITY : Operation.OTHER;
        }

        @Override
        public long queryId() {
            return Native.ALL.get(JAVA_LONG, address() + QUERY_ID);
        }

        @Override
        public long processedRows() {
            return Native.ALL.get(JAVA_LONG, address() + PROCESSED);
        }
    }

    /** ProcessUtility's statement. */
    static final class Utility extends HookCall implements UtilityStatement {
        Utility(long call) {
            super(call);
        }

        @Override
        public String queryString() {
            return text(TEXT);
        }

        @Override
        public String commandTag() {
            return text(COMMAND_TAG);
        }

        @Override
        public boolean isTopLevel() {
            return Native.ALL.get(JAVA_BYTE, address() + TOP_LEVEL) != 0;
        }
    }
}

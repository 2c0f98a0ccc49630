package org.pgj.hooks;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.encoding.ServerEncoding;

/** A hook call as hooks.c describes it (PgjHookInfo); readable only while the hook runs. */
abstract sealed class HookCall permits QueryExecution, UtilityStatement {
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

    HookCall(long call) {
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

    final String sourceTextValue() {
        return text(TEXT);
    }

    final String commandTagText() {
        return text(COMMAND_TAG);
    }

    final long queryIdValue() {
        return Native.ALL.get(JAVA_LONG, address() + QUERY_ID);
    }

    final long processedValue() {
        return Native.ALL.get(JAVA_LONG, address() + PROCESSED);
    }

    final boolean topLevelValue() {
        return Native.ALL.get(JAVA_BYTE, address() + TOP_LEVEL) != 0;
    }

    final Operation operationValue() {
        int op = Native.ALL.get(JAVA_INT, address() + OPERATION);
        return op == SELECT ? Operation.SELECT : op == INSERT ? Operation.INSERT : op == UPDATE ? Operation.UPDATE
                : op == DELETE ? Operation.DELETE : op == UTILITY ? Operation.UTILITY : Operation.OTHER;
    }
}

package org.pgj.internal.hooks;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pgj.hooks.Operation;
import org.pgj.hooks.PlanNode;
import org.pgj.hooks.PlannedQuery;
import org.pgj.hooks.QueryExecution;
import org.pgj.hooks.QueryRelation;
import org.pgj.hooks.UtilityStatement;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/** A hook call as hooks.c describes it (PgjHookInfo); readable only while the hook runs. */
abstract sealed class HookCall {
    private static final long OPERATION = Facts.get("PgjHookInfo.operation");
    private static final long TEXT = Facts.get("PgjHookInfo.text");
    private static final long QUERY_ID = Facts.get("PgjHookInfo.query_id");
    private static final long PROCESSED = Facts.get("PgjHookInfo.processed");
    private static final long COMMAND_TAG = Facts.get("PgjHookInfo.command_tag");
    private static final long TOP_LEVEL = Facts.get("PgjHookInfo.top_level");
    private static final long PLAN_COST = Facts.get("PgjHookInfo.plan_cost");
    private static final long PLAN_ROWS = Facts.get("PgjHookInfo.plan_rows");
    private static final long PLAN_NODE = Facts.get("PgjHookInfo.plan_node");
    private static final long REPLAN = Facts.get("fn.pgj_hook_replan");
    private static final long PLAN_NODES = Facts.get("fn.pgj_hook_plan_nodes");
    private static final long RELATIONS = Facts.get("fn.pgj_hook_relations");
    private static final long GET_CONFIG_OPTION_BY_NAME = Facts.get("fn.GetConfigOptionByName");
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

    /** An executor or planner hook's query text (the statement it came from). */
    public final String sourceText() {
        return text(TEXT);
    }

    public final Operation operation() {
        int op = Native.ALL.get(JAVA_INT, address() + OPERATION);
        return op == SELECT ? Operation.SELECT : op == INSERT ? Operation.INSERT : op == UPDATE ? Operation.UPDATE
                : op == DELETE ? Operation.DELETE : op == UTILITY ? Operation.UTILITY : Operation.OTHER;
    }

    public final long queryId() {
        return Native.ALL.get(JAVA_LONG, address() + QUERY_ID);
    }

    /** An executor hook's query. */
    static final class Query extends HookCall implements QueryExecution {
        Query(long call) {
            super(call);
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

    /** The planner hook's query, and its plan once planned. */
    static final class Planning extends HookCall implements PlannedQuery {
        Planning(long call) {
            super(call);
        }

        @Override
        public double totalCost() {
            planned();
            return Native.ALL.get(JAVA_DOUBLE, address() + PLAN_COST);
        }

        @Override
        public double planRows() {
            planned();
            return Native.ALL.get(JAVA_DOUBLE, address() + PLAN_ROWS);
        }

        @Override
        public String topNode() {
            planned();
            return text(PLAN_NODE);
        }

        @Override
        public void replan(String setting, String value) {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(value, "value");
            planned();
            try (Arena arena = Arena.ofConfined()) {
                replan(address(), Native.cString(arena, setting), Native.cString(arena, value));
            }
        }

        @Override
        public List<QueryRelation> relations() {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment count = arena.allocate(JAVA_INT);
                long relations = relations(address(), count.address());
                int n = count.get(JAVA_INT, 0);
                List<QueryRelation> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(PlanTrees.relation(relations + i * PlanTrees.RELATION_SIZE).orElseThrow());
                }
                return List.copyOf(out);
            }
        }

        @Override
        public PlanNode plan() {
            return planTrees().getFirst();
        }

        @Override
        public List<PlanNode> subplans() {
            List<PlanNode> trees = planTrees();
            return trees.subList(1, trees.size());
        }

        private List<PlanNode> planTrees() {
            planned();
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment count = arena.allocate(JAVA_INT);
                long nodes = planNodes(address(), count.address());
                return PlanTrees.read(nodes, count.get(JAVA_INT, 0));
            }
        }

        @Override
        public String setting(String name) {
            Objects.requireNonNull(name, "name");
            address();
            try (Arena arena = Arena.ofConfined()) {
                return ServerEncoding.readCString(getConfigOptionByName(Native.cString(arena, name), 0, false));
            }
        }

        private void planned() {
            if (Native.ALL.get(JAVA_LONG, address() + PLAN_NODE) == 0) {
                throw new IllegalStateException("the plan is there only after next.proceed()");
            }
        }

        /** The plan's nodes, parents first, and their number at {@code count} (hooks.c). */
        @CFunction("PgjPlanNode *pgj_hook_plan_nodes(PgjHookInfo *, int32 *)")
        private static long planNodes(long call, long count) {
            return Guard.call(PLAN_NODES, call, count);
        }

        /** The relations of the query's range tables, and their number at {@code count} (hooks.c). */
        @CFunction("PgjRelationInfo *pgj_hook_relations(PgjHookInfo *, int32 *)")
        private static long relations(long call, long count) {
            return Guard.call(RELATIONS, call, count);
        }

        /** A setting's value as SHOW gives it; an unknown one, or one the user may not read, is SHOW's error. */
        @CFunction(value = "char *GetConfigOptionByName(const char *, const char **, bool)", header = "utils/guc.h")
        private static long getConfigOptionByName(long name, long varname, boolean missingOk) {
            return Guard.call(GET_CONFIG_OPTION_BY_NAME, name, varname, missingOk ? 1 : 0);
        }

        /** Plans the query again with one setting changed for that planning (hooks.c). */
        @CFunction("void pgj_hook_replan(PgjHookInfo *, const char *, const char *)")
        private static void replan(long call, long setting, long value) {
            Guard.call(REPLAN, call, setting, value);
        }
    }
}

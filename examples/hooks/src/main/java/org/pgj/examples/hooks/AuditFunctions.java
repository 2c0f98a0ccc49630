package org.pgj.examples.hooks;

import org.pgj.functions.PgFunction;
import org.pgj.hooks.Operation;

/** What the hooks saw in this backend. */
public final class AuditFunctions {
    private AuditFunctions() {
    }

    /** The utility commands sent so far, which it then forgets. */
    @PgFunction
    public static String[] auditedCommands() {
        String[] commands = StatementAudit.COMMANDS.toArray(String[]::new);
        StatementAudit.COMMANDS.clear();
        return commands;
    }

    /** Rows processed by queries of this kind (SELECT, INSERT, UPDATE, DELETE). */
    @PgFunction
    public static long rowsOf(String operation) {
        return StatementAudit.ROWS.getOrDefault(Operation.valueOf(operation), 0L);
    }

    /** What the settings' assign hooks were told so far, which it then forgets. */
    @PgFunction
    public static String[] settingAssignments() {
        String[] assigned = AuditSettings.ASSIGNED.toArray(String[]::new);
        AuditSettings.ASSIGNED.clear();
        return assigned;
    }

    @PgFunction
    public static long executorStarts() {
        return StatementAudit.starts;
    }

    /** The plans of the last query the planner hook steered. */
    @PgFunction
    public static String lastSteeredPlan() {
        return PlanSteering.lastSteered;
    }

    /** What the planner hook saw of the last query it inspected. */
    @PgFunction
    public static String lastInspectedPlan() {
        return PlanInspection.lastInspected;
    }
}

package org.pgj.examples.triggers;

import java.util.stream.Collectors;
import org.pgj.functions.ExtensionSql;
import org.pgj.spi.Spi;
import org.pgj.triggers.PgTrigger;
import org.pgj.triggers.Trigger;
import org.pgj.triggers.TriggerRow;

/** AFTER triggers, row and statement level, writing what they see to a log table through SPI. */
@ExtensionSql(name = "trigger_log", position = ExtensionSql.Position.FIRST, sql = """
        CREATE TABLE trigger_log (
            seq serial PRIMARY KEY, trigger_name text, table_schema text, table_name text, relid oid,
            fired text, event text, args text, old_row text, new_row text, old_count bigint, new_count bigint);
        """)
public final class AuditLog {
    private AuditLog() {
    }

    /**
     * Any timing, level and event: logs the trigger, its arguments, the rows, and the sizes of its
     * transition tables (REFERENCING OLD / NEW TABLE), counted through SPI by their names.
     */
    @PgTrigger
    public static void logEvent(Trigger trigger) {
        Long oldCount = trigger.oldTableName().map(AuditLog::count).orElse(null);
        Long newCount = trigger.newTableName().map(AuditLog::count).orElse(null);
        Spi.run("""
                INSERT INTO trigger_log (trigger_name, table_schema, table_name, relid, fired, event, args,
                    old_row, new_row, old_count, new_count)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""",
                trigger.name(), trigger.tableSchema(), trigger.tableName(), trigger.relationId(),
                trigger.when() + " " + trigger.level(), trigger.event().name(), String.join(",", trigger.arguments()),
                describe(trigger.oldRow()), describe(trigger.newRow()), oldCount, newCount);
    }

    private static long count(String transitionTable) {
        return Spi.getOne("SELECT count(*) FROM " + Spi.quoteIdentifier(transitionTable), Long.class).orElseThrow();
    }

    /** {@code id=1, name=Ann}; NULL columns as {@code null}. */
    private static String describe(TriggerRow row) {
        return row == null ? null : row.columnNames().stream().map(c -> c + "=" + row.get(c)).collect(Collectors.joining(", "));
    }
}

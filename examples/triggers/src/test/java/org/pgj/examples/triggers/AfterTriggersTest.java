package org.pgj.examples.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** AFTER and statement-level triggers: what they see, written to trigger_log through SPI. */
@PgjTest
class AfterTriggersTest {
    private static List<List<String>> log(Connection c, String trigger, String columns) throws SQLException {
        return Rows.of(c, "select " + columns + " from trigger_log where trigger_name = '" + trigger + "' order by seq");
    }

    @Test
    void anAfterRowTriggerSeesTheRowsNameTableAndArguments(Connection c) throws SQLException {
        exec(c, "create table audited (id int, name text)");
        exec(c, "create trigger audited_log after insert or update or delete on audited for each row "
                + "execute function log_event('a', 'b c', '')");
        exec(c, "insert into audited values (1, 'one'), (2, null)");
        exec(c, "update audited set name = 'uno' where id = 1");
        exec(c, "delete from audited where id = 2");
        assertEquals(List.of(
                Arrays.asList("AFTER ROW", "INSERT", "a,b c,", null, "id=1, name=one"),
                Arrays.asList("AFTER ROW", "INSERT", "a,b c,", null, "id=2, name=null"),
                Arrays.asList("AFTER ROW", "UPDATE", "a,b c,", "id=1, name=one", "id=1, name=uno"),
                Arrays.asList("AFTER ROW", "DELETE", "a,b c,", "id=2, name=null", null)),
                log(c, "audited_log", "fired, event, args, old_row, new_row"));
        assertEquals(List.of(List.of("public", "audited", "t")), Rows.of(c, "select distinct table_schema, table_name, "
                + "relid = 'audited'::regclass from trigger_log where trigger_name = 'audited_log'"));
    }

    /** A trigger function is VOLATILE, so its SQL writes; declared STABLE, its SQL is read-only, as PL/pgSQL's. */
    @Test
    void aTriggerFunctionDeclaredStableCannotWrite(Connection c) throws SQLException {
        exec(c, "create table steady (id int)");
        exec(c, "create trigger steady_log after insert on steady for each row execute function log_event()");
        exec(c, "alter function log_event() stable");
        try {
            org.pgj.test.Sql.contains(org.pgj.test.Sql.fails(c, "insert into steady values (1)", "0A000")
                    .getServerErrorMessage().getMessage(), "INSERT is not allowed in a non-volatile function");
        } finally {
            exec(c, "alter function log_event() volatile");
        }
        exec(c, "insert into steady values (2)");
        assertEquals(List.of(List.of("id=2")), log(c, "steady_log", "new_row"));
    }

    @Test
    void statementTriggersFireOncePerStatementWithoutRows(Connection c) throws SQLException {
        exec(c, "create table batches (id int)");
        exec(c, "create trigger batches_before before insert or update or delete on batches for each statement "
                + "execute function log_event()");
        exec(c, "create trigger batches_after after insert or update or delete on batches for each statement "
                + "execute function log_event()");
        exec(c, "insert into batches select generate_series(1, 5)");
        exec(c, "update batches set id = id + 1 where id > 100");
        exec(c, "delete from batches");
        List<List<String>> expected = List.of(Arrays.asList("INSERT", null, null), Arrays.asList("UPDATE", null, null),
                Arrays.asList("DELETE", null, null));
        assertEquals(expected, log(c, "batches_before", "event, old_row, new_row"));
        assertEquals(expected, log(c, "batches_after", "event, old_row, new_row"));
        assertEquals(List.of(List.of("BEFORE STATEMENT"), List.of("AFTER STATEMENT")),
                Rows.of(c, "select distinct fired from trigger_log where trigger_name like 'batches_%' order by 1 desc"));
    }

    @Test
    void truncateTriggers(Connection c) throws SQLException {
        exec(c, "create table scratch (id int)");
        exec(c, "create trigger scratch_truncate before truncate on scratch execute function log_event('before')");
        exec(c, "create trigger scratch_truncated after truncate on scratch execute function log_event('after')");
        exec(c, "insert into scratch values (1), (2)");
        exec(c, "truncate scratch");
        assertEquals(0L, one(c, "select count(*) from scratch"));
        assertEquals(List.of(Arrays.asList("BEFORE STATEMENT", "TRUNCATE", "before", null, null)),
                log(c, "scratch_truncate", "fired, event, args, old_row, new_row"));
        assertEquals(List.of(Arrays.asList("AFTER STATEMENT", "TRUNCATE", "after", null, null)),
                log(c, "scratch_truncated", "fired, event, args, old_row, new_row"));
    }

    @Test
    void transitionTablesAreReadableThroughSpi(Connection c) throws SQLException {
        exec(c, "create table orders (id int, qty int)");
        exec(c, "create trigger orders_inserted after insert on orders referencing new table as inserted "
                + "for each statement execute function log_event()");
        exec(c, "create trigger orders_updated after update on orders referencing old table as before_rows "
                + "new table as after_rows for each statement execute function log_event()");
        exec(c, "create trigger orders_deleted after delete on orders referencing old table as gone "
                + "for each row execute function log_event()");
        exec(c, "insert into orders select g, g * 10 from generate_series(1, 3) g");
        exec(c, "insert into orders values (4, null)");
        exec(c, "update orders set qty = 0 where id <= 2");
        exec(c, "delete from orders where id > 2");
        assertEquals(List.of(Arrays.asList(null, "3"), Arrays.asList(null, "1")), log(c, "orders_inserted", "old_count, new_count"));
        assertEquals(List.of(List.of("2", "2")), log(c, "orders_updated", "old_count, new_count"));
        assertEquals(List.of(Arrays.asList("2", null), Arrays.asList("2", null)), log(c, "orders_deleted", "old_count, new_count"),
                "a row trigger sees the whole transition table");
    }

    @Test
    void transitionTablesAreNotVisibleToOtherTriggers(Connection c) throws SQLException {
        exec(c, "create table quiet (id int)");
        exec(c, "create trigger quiet_log after insert on quiet for each statement execute function log_event()");
        exec(c, "insert into quiet values (1)");
        assertEquals(List.of(Arrays.asList(null, null)), log(c, "quiet_log", "old_count, new_count"));
        assertTrue(Rows.of(c, "select 1 from pg_class where relname = 'inserted'").isEmpty());
    }
}

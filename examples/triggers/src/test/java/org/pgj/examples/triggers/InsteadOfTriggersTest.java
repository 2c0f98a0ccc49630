package org.pgj.examples.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.exec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** INSTEAD OF triggers make a view writable. */
@PgjTest
class InsteadOfTriggersTest {
    @Test
    void aViewIsWrittenThroughTheTrigger(Connection c) throws SQLException {
        exec(c, "create temp table tags (id int primary key, name text)");
        exec(c, "create temp view tag_labels as select id, name as label from tags");
        exec(c, "create trigger tag_labels_write instead of insert or update or delete on tag_labels "
                + "for each row execute function write_through('tags')");
        assertEquals(2, Rows.update(c, "insert into tag_labels values (1, 'red'), (2, 'green')"));
        assertEquals(1, Rows.update(c, "update tag_labels set label = 'blue' where id = 2"));
        assertEquals(List.of(List.of("1", "RED"), List.of("2", "BLUE")), Rows.of(c, "select * from tags order by id"));
        assertEquals(1, Rows.update(c, "delete from tag_labels where id = 1"));
        assertEquals(0, Rows.update(c, "delete from tag_labels where id = 1"));
        assertEquals(List.of(List.of("2", "BLUE")), Rows.of(c, "select * from tag_labels"));
        assertEquals(List.of(List.of("3", "x")), Rows.of(c, "insert into tag_labels values (3, 'x') returning *"),
                "RETURNING shows the row the trigger returned");
    }

    @Test
    void aVoidInsteadOfTriggerCountsTheRowAsDone(Connection c) throws SQLException {
        exec(c, "create view numbers as select g as n from generate_series(1, 3) g");
        exec(c, "create trigger numbers_log instead of delete on numbers for each row execute function log_event()");
        assertEquals(2, Rows.update(c, "delete from numbers where n > 1"));
        assertEquals(List.of(List.of("INSTEAD_OF ROW", "DELETE", "n=2"), List.of("INSTEAD_OF ROW", "DELETE", "n=3")),
                Rows.of(c, "select fired, event, old_row from trigger_log where trigger_name = 'numbers_log' order by seq"));
    }

    @Test
    void triggersFireInsideTriggers(Connection c) throws SQLException {
        exec(c, "create table colors (id int primary key, name text)");
        exec(c, "create view color_labels as select id, name as label from colors");
        exec(c, "create trigger color_labels_write instead of insert on color_labels "
                + "for each row execute function write_through('colors')");
        exec(c, "create trigger colors_log after insert on colors referencing new table as added "
                + "for each statement execute function log_event('nested')");
        exec(c, "insert into color_labels values (1, 'red'), (2, 'blue')");
        assertEquals(List.of(List.of("nested", "1"), List.of("nested", "1")), Rows.of(c,
                "select args, new_count::text from trigger_log where trigger_name = 'colors_log' order by seq"),
                "each INSERT the INSTEAD OF trigger runs fires the AFTER trigger, which sees its own transition table");
        assertEquals(List.of(List.of("1", "RED"), List.of("2", "BLUE")), Rows.of(c, "select * from colors order by id"));
    }
}

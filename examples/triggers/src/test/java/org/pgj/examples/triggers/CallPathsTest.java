package org.pgj.examples.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.pgj.test.CallPath;
import org.pgj.test.EachCallPath;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;

/** Triggers are the same whichever path a call takes into Java (JNI or FFM stubs). */
@PgjTest
class CallPathsTest {
    @EachCallPath
    void rowsTransitionTablesAndErrors(CallPath callPath, PgServer server) throws SQLException {
        String path = callPath.name().toLowerCase(Locale.ROOT);
        try (Connection c = callPath.connect(server)) {
            exec(c, "create temp table paths (id int, name text, name_length int)");
            exec(c, "create trigger paths_skip before insert on paths for each row execute function skip_blank('name')");
            exec(c, "create trigger paths_log after insert on paths referencing new table as added "
                    + "for each statement execute function log_event('" + path + "')");
            exec(c, "insert into paths select g, case when g % 2 = 0 then 'even' end from generate_series(1, 1000) g");
            assertEquals(500L, one(c, "select count(*) from paths"));
            assertEquals(List.of(List.of("500")), Rows.of(c, "select new_count::text from trigger_log where args = '" + path + "'"));
            exec(c, "create trigger paths_bad before insert on paths for each row execute function misbehave('unknown_column')");
            fails(c, "insert into paths values (1, 'x', 1)", "42703");
            exec(c, "drop trigger paths_bad on paths");
            exec(c, "insert into paths values (1, 'x', 1)");
            assertEquals(501L, one(c, "select count(*) from paths"));
        }
    }
}

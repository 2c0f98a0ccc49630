package org.pgj.examples.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.pgj.test.CallPath;
import org.pgj.test.EachCallPath;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;

/** Sets, rows and variadic arrays are the same whichever path a call takes into Java (JNI or FFM stubs). */
@PgjTest
class CallPathsTest {
    @EachCallPath
    void setsRowsAndVariadicArrays(CallPath path, PgServer server) throws SQLException {
        try (Connection c = path.connect(server)) {
            int closed = (Integer) one(c, "select closed_streams()");
            assertEquals(500_000_500_000L, one(c, "select sum(x) from (select count_to(1000000) x) s"));
            assertEquals(List.of(1L, 2L, 3L), column(c, "select naturals() limit 3"));
            assertEquals(closed + 1, one(c, "select closed_streams()"));
            fails(c, "select fail_at(3, 2)", "38000");
            assertEquals(closed + 2, one(c, "select closed_streams()"));
            assertEquals("(home,\"(1,2)\",8)", one(c, "select weighed(pin('home', vec(1, 2), 7), 1)::text"));
            assertEquals(6L, one(c, "select sum_all(1, 2, 3)"));
        }
    }
}

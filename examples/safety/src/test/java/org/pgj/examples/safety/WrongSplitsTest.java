package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;

/**
 * A GiST picksplit written in Java that answers wrong ({@link WrongSplits}): a key on neither
 * side, on both, a position outside, null, or an exception is an ERROR of the index build, the
 * session carries on, no crash is logged, and a right split then builds an index that answers as a
 * sequential scan does. Everything on one side is GiST's own case: it splits in half itself.
 */
@PgjTest
class WrongSplitsTest {
    private static final String BUILD = "CREATE INDEX boxes_split ON split_boxes USING gist (b wrong_split_ops)";

    private static void table(Connection c) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS split_boxes", "CREATE TABLE split_boxes (id serial PRIMARY KEY, b box)",
                "INSERT INTO split_boxes (b) SELECT box(point(i % 97, i / 97), point(i % 97 + 2, i / 97 + 3))"
                        + " FROM generate_series(1, 3000) i");
    }

    @Test
    void aWrongSplitIsAnErrorNotABrokenIndex(Connection c, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        table(c);
        String[][] wrong = {{"missing", "22023", "on neither side"}, {"twice", "22023", "twice"},
                {"outside", "22023", "but it was given keys 0 to"}, {"null", "22023", "returned null"},
                {"throw", "38000", "picksplit gave up"}};
        for (String[] w : wrong) {
            one(c, "SELECT wrong_split(?)", w[0]);
            contains(fails(c, BUILD, w[1]).getServerErrorMessage().getMessage(), w[2]);
            assertEquals(1, one(c, "SELECT 1"), "the session carries on after " + w[0]);
            assertEquals(0L, one(c, "SELECT count(*) FROM pg_class WHERE relname = 'boxes_split'"));
        }
        for (String right : new String[] {"empty", "right"}) {
            one(c, "SELECT wrong_split(?)", right);
            exec(c, BUILD, "SET enable_seqscan = off", "SET enable_bitmapscan = off");
            String where = " FROM split_boxes WHERE b && box '((10,10),(20,12))' ORDER BY id";
            contains(String.join("\n", column(c, "EXPLAIN SELECT id" + where).stream().map(Object::toString).toList()),
                    "Index Scan using boxes_split");
            var byIndex = column(c, "SELECT id" + where);
            exec(c, "RESET enable_seqscan", "RESET enable_bitmapscan", "SET enable_indexscan = off");
            assertEquals(column(c, "SELECT id" + where), byIndex, right);
            exec(c, "RESET enable_indexscan", "DROP INDEX boxes_split");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }
}

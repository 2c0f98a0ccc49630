package org.pgj.examples.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.test.Sql.rows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiCursor;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;
import org.postgresql.util.PSQLException;

/** Set-returning functions in every place a query can call them. */
@PgjTest
class SetsTest {
    @Test
    void inTheFromClause(Connection c) throws SQLException {
        assertEquals(List.of(1, 2, 3), column(c, "select * from count_to(3)"));
        assertEquals(List.of(1, 2, 3), column(c, "select n from count_to(3) as t(n) order by n"));
        assertEquals(6L, one(c, "select sum(x) from count_to(3) x"));
    }

    @Test
    void inTheSelectList(Connection c) throws SQLException {
        assertEquals(List.of(1, 2, 3), column(c, "select count_to(3)"));
        assertEquals(List.of(List.of(1, 1), List.of(1, 2), List.of(2, 1), List.of(2, 2)),
                rows(c, "select g, count_to(2) from generate_series(1, 2) g"));
    }

    @Test
    void inALateralJoin(Connection c) throws SQLException {
        assertEquals(List.of(List.of(1, 1), List.of(2, 1), List.of(2, 2), List.of(3, 1), List.of(3, 2), List.of(3, 3)),
                rows(c, "select g, n from generate_series(1, 3) g, lateral count_to(g) n order by g, n"));
        int before = (Integer) one(c, "select closed_streams()");
        assertEquals(List.of(List.of(1, 1L), List.of(2, 1L), List.of(2, 2L)),
                rows(c, "select g, n from generate_series(1, 2) g, lateral (select naturals() n limit g) s order by g, n"));
        assertEquals(before + 2, one(c, "select closed_streams()"), "each rescan closed the stream of the row before");
    }

    @Test
    void emptySetsAndNullElements(Connection c) throws SQLException {
        assertEquals(List.of(), column(c, "select * from count_to(0)"));
        assertEquals(List.of(), column(c, "select count_to(-5)"));
        assertEquals(List.of(), column(c, "select * from count_to(null)"), "strict: NULL argument, no rows");
        assertEquals(List.of(), column(c, "select * from nothing()"), "a null stream");
        assertEquals(List.of(), column(c, "select nothing()"));
        assertEquals(Arrays.asList("a", null, "c"), column(c, "select * from with_gaps()"));
        assertEquals(1L, one(c, "select count(*) from with_gaps() w where w is null"));
    }

    @Test
    void iteratorsAndIterables(Connection c) throws SQLException {
        assertEquals(List.of("the", "quick", "fox"), column(c, "select words('  the quick   fox ')"));
        List<Object> chunks = column(c, "select * from chunks('\\x0102030405'::bytea, 2)");
        assertEquals(3, chunks.size());
        assertArrayEquals(new byte[] {1, 2}, (byte[]) chunks.get(0));
        assertArrayEquals(new byte[] {5}, (byte[]) chunks.get(2));
    }

    @Test
    void limitStopsAnEndlessStreamAndClosesIt(Connection c) throws SQLException {
        int before = (Integer) one(c, "select closed_streams()");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), column(c, "select naturals() limit 5"));
        assertEquals(before + 1, one(c, "select closed_streams()"), "onClose ran when the executor stopped early");
        assertEquals(List.of(1L, 2L), column(c, "select naturals() limit 2"));
        assertEquals(before + 2, one(c, "select closed_streams()"));
        assertEquals(List.of(1L, 2L, 3L), column(c, "select * from (select naturals() n) s where n <= 3 limit 3"));
        assertEquals(before + 3, one(c, "select closed_streams()"));
    }

    @Test
    void aStreamRunToItsEndIsClosedOnce(Connection c) throws SQLException {
        int before = (Integer) one(c, "select closed_streams()");
        assertEquals(List.of(1, 2), column(c, "select fail_at(2, 99)"));
        assertEquals(before + 1, one(c, "select closed_streams()"));
    }

    @Test
    void anErrorMidStreamClosesItAndLeavesTheSessionUsable(Connection c) throws SQLException {
        int before = (Integer) one(c, "select closed_streams()");
        PSQLException e = fails(c, "select fail_at(5, 3)", "38000");
        contains(e.getMessage(), "element 3 is broken");
        assertEquals(before + 1, one(c, "select closed_streams()"), "onClose ran after the error");
        fails(c, "select * from fail_at(5, 1)", "38000");
        assertEquals(before + 2, one(c, "select closed_streams()"));
        assertEquals(List.of(1, 2), column(c, "select count_to(2)"));
    }

    @Test
    void manyRowsThatPointToMemoryKeepTheirValues(Connection c) throws SQLException {
        // Rows are read ahead up to 64 at a time: each must still hold its own value when taken.
        String text = "(select string_agg('w' || g, ' ') from generate_series(1, 10000) g)";
        assertEquals(List.of(true, 10000L), rows(c, "select bool_and(w = 'w' || n), count(*)"
                + " from (select w, row_number() over () n from (select words(" + text + ") w) s) t").get(0));
        assertEquals(List.of(true, 10000L), rows(c, "select bool_and(w = 'w' || n), count(*)"
                + " from words(" + text + ") with ordinality as t(w, n)").get(0));
        assertEquals(List.of(true, 10000L), rows(c, "select bool_and(word = 'w' || n and length = length(word)), count(*)"
                + " from word_lengths(" + text + ") with ordinality as t(word, length, n)").get(0));
    }

    @Test
    void anElementPastWhereTheExecutorStopsIsNeverAnError(Connection c) throws SQLException {
        int before = (Integer) one(c, "select closed_streams()");
        // pgj reads a few rows ahead (1, 2, 4, ...): element 7 is read, but the executor stops at 5.
        assertEquals(List.of(1, 2, 3, 4, 5), column(c, "select fail_at(100, 7) limit 5"));
        assertEquals(before + 1, one(c, "select closed_streams()"));
    }

    @Test
    @InBackend
    void rowsBeforeAFailingElementReachTheExecutorFirst() {
        int before = Spi.getOne("select closed_streams()", Integer.class).orElseThrow();
        PgException e = assertThrows(PgException.class, () -> Subtransaction.run(() -> {
            try (SpiConnection spi = Spi.connect(); SpiCursor cursor = spi.openCursor("select fail_at(10, 6)")) {
                assertEquals(List.of(1, 2, 3, 4, 5), cursor.fetch(5).stream().map(r -> r.getInt(1)).toList());
                cursor.fetch(1);
            }
        }));
        assertEquals("38000", e.sqlState());
        contains(e.getMessage(), "element 6 is broken");
        assertEquals(before + 1, Spi.getOne("select closed_streams()", Integer.class).orElseThrow());
    }

    @Test
    void anotherErrorInTheQueryClosesTheStream(Connection c) throws SQLException {
        int before = (Integer) one(c, "select closed_streams()");
        fails(c, "select 1 / (n - 3) from (select naturals() n) s", "22012");
        assertEquals(before + 1, one(c, "select closed_streams()"), "closed when the statement aborted");
    }

    @Test
    void anOnCloseThatThrowsFailsTheStatement(Connection c) throws SQLException {
        contains(fails(c, "select bad_close(3)", "38000").getMessage(), "cannot close");
        contains(fails(c, "select bad_close(100) limit 2", "38000").getMessage(), "cannot close");
        contains(fails(c, "select * from bad_close(2)", "38000").getMessage(), "cannot close");
    }

    @Test
    @InBackend
    void aCursorClosedEarlyClosesTheStreamBehindIt() {
        int before = Spi.getOne("select closed_streams()", Integer.class).orElseThrow();
        try (SpiConnection spi = Spi.connect(); SpiCursor cursor = spi.openCursor("select naturals()")) {
            assertEquals(List.of(1L, 2L, 3L), cursor.fetch(3).stream().map(r -> r.getLong(1)).toList());
            assertEquals(List.of(4L), cursor.fetch(1).stream().map(r -> r.getLong(1)).toList());
        }
        assertEquals(before + 1, Spi.getOne("select closed_streams()", Integer.class).orElseThrow());
    }

    @Test
    @InBackend
    void aSetReadThroughSpiInsideASubtransactionThatFails() {
        int before = Spi.getOne("select closed_streams()", Integer.class).orElseThrow();
        PgException e = assertThrows(PgException.class, () -> Subtransaction.run(() -> Spi.run("select fail_at(5, 2)")));
        assertEquals("38000", e.sqlState());
        assertEquals(before + 1, Spi.getOne("select closed_streams()", Integer.class).orElseThrow());
        try (SpiConnection spi = Spi.connect()) {
            assertEquals(List.of(1, 2, 3), spi.select("select count_to(3)").stream().map(r -> r.getInt(1)).toList());
        }
    }

    @Test
    void eachRowMayRunSql(Connection c) throws SQLException {
        assertEquals(List.of("label 1", "label 2", "label 3"), column(c, "select labelled(3)"));
        assertEquals(List.of(List.of(2, "label 1"), List.of(2, "label 2")),
                rows(c, "select g, l from generate_series(2, 2) g, lateral labelled(g) l"));
    }

    @Test
    void anSpiScopeCannotOutliveTheCallThatOpenedIt(Connection c) throws SQLException {
        PSQLException e = fails(c, "select leaky_scope()", "38000");
        contains(e.getMessage(), "this SPI connection scope has ended");
    }

    @Test
    void anElementOfTheWrongTypeIsAClearError(Connection c) throws SQLException {
        PSQLException e = fails(c, "select mislabelled()", "42804");
        contains(e.getMessage(), "mislabelled() returned a set element of type java.lang.String where java.lang.Integer was expected");
    }

    @Test
    void recordsMakeATable(Connection c) throws SQLException {
        assertEquals(List.of(List.of("héllo", 5), List.of("wörld😀", 6)), rows(c, "select * from word_lengths('héllo wörld😀')"));
        assertEquals(List.of("wörld😀"), column(c, "select word from word_lengths('héllo wörld😀') where length > 5"));
        assertEquals(List.of("(a,1)", "(bb,2)"), column(c, "select word_lengths('a bb')::text"));
        assertEquals(List.of(List.of(1, "x"), List.of(2, "yy")),
                rows(c, "select t.i, w.word from (values (1, 'x'), (2, 'yy')) t(i, s), lateral word_lengths(t.s) w order by 1"));
    }
}

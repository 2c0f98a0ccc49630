package org.pgj.examples.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Spi;
import org.pgj.test.HeldObjects;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;

/** Java-object states live as long as their group and no longer: counted in the backend. */
@PgjTest
class StateLifetimeTest {
    private static int liveStates() {
        return HeldObjects.count();
    }

    private static long count(String sql) {
        return Spi.getOne(sql, Long.class).orElseThrow();
    }

    @Test
    @InBackend
    void statesAreReleasedAfterEveryGroupAndQuery() {
        int before = liveStates();
        assertEquals(1000L, count("SELECT count(*) FROM (SELECT java_avg(i) FROM generate_series(1, 5000) i"
                + " GROUP BY i % 1000) s"));
        assertEquals(before, liveStates(), "hashed groups: released at the end of the query");
        Spi.run("SET LOCAL enable_hashagg = off");
        assertEquals(1000L, count("SELECT count(*) FROM (SELECT java_string_agg(i::text, ',') FROM generate_series(1, 5000) i"
                + " GROUP BY i % 1000) s"));
        assertEquals(before, liveStates(), "sorted groups: each released when the next starts");
        assertEquals(5000L, count("SELECT count(a) FROM (SELECT java_avg(i) OVER (ORDER BY i ROWS 3 PRECEDING) a"
                + " FROM generate_series(1, 5000) i) w"));
        assertEquals(before, liveStates(), "window frames: released at every restart");
        assertEquals(5000L, count("SELECT count(m) FROM (SELECT java_max(CASE WHEN i % 5 = 0 THEN NULL ELSE i % 97 END)"
                + " OVER (ORDER BY i ROWS 3 PRECEDING) m FROM generate_series(1, 5000) i) w"));
        assertEquals(before, liveStates(), "moving states, given up by the inverse function now and then");
    }

    @Test
    @InBackend
    void rescansSpillsAndGroupingSetsKeepEveryStateApart() {
        int before = liveStates();
        assertEquals(0L, count("SELECT count(*) FROM generate_series(1, 50) g WHERE (SELECT java_string_agg(i::text, ',')"
                + " FROM generate_series(1, g) i) <> (SELECT string_agg(i::text, ',') FROM generate_series(1, g) i)"),
                "a subquery aggregated again for each outer row (a rescan)");
        assertEquals(before, liveStates(), "rescans release the states of the run before");
        Spi.run("SET LOCAL work_mem = '64kB'");
        Spi.run("SET LOCAL hash_mem_multiplier = 1");
        assertEquals(0L, count("SELECT count(*) FILTER (WHERE a <> b) FROM (SELECT java_avg(i) a, avg(i) b"
                + " FROM generate_series(1, 60000) i GROUP BY i % 20000) s"), "a hash table that spills to disk");
        assertEquals(before, liveStates());
        assertEquals(0L, count("SELECT count(*) FILTER (WHERE a IS DISTINCT FROM b) FROM (SELECT java_avg(i) a, avg(i) b"
                + " FROM generate_series(1, 1000) i GROUP BY ROLLUP (i % 3, i % 5)) s"), "grouping sets");
        assertEquals(before, liveStates());
    }

    @Test
    @InBackend
    void anErrorMidGroupReleasesItsStates() {
        int before = liveStates();
        PgException e = assertThrows(PgException.class, () -> Subtransaction.run(() -> Spi.getOne(
                "SELECT java_string_agg(CASE WHEN i = 700 THEN 'boom' ELSE i::text END, ',')"
                        + " FROM generate_series(1, 1000) i GROUP BY i % 10 LIMIT 1", String.class)));
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
        assertEquals(before, liveStates(), "the aborted query's states are gone");
        assertEquals(10L, count("SELECT count(*) FROM (SELECT java_string_agg(i::text, ',') FROM generate_series(1, 100) i"
                + " GROUP BY i % 10) s"));
    }
}

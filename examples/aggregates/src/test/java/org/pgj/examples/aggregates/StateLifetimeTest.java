package org.pgj.examples.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.internal.aggregates.ObjectStates;
import org.pgj.spi.Spi;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;

/** Java-object states live as long as their group and no longer: counted in the backend. */
@PgjTest
class StateLifetimeTest {
    private static long count(String sql) {
        return Spi.getOne(sql, Long.class).orElseThrow();
    }

    @Test
    @InBackend
    void statesAreReleasedAfterEveryGroupAndQuery() {
        int before = ObjectStates.live();
        assertEquals(1000L, count("SELECT count(*) FROM (SELECT java_avg(i) FROM generate_series(1, 5000) i"
                + " GROUP BY i % 1000) s"));
        assertEquals(before, ObjectStates.live(), "hashed groups: released at the end of the query");
        Spi.run("SET LOCAL enable_hashagg = off");
        assertEquals(1000L, count("SELECT count(*) FROM (SELECT java_string_agg(i::text, ',') FROM generate_series(1, 5000) i"
                + " GROUP BY i % 1000) s"));
        assertEquals(before, ObjectStates.live(), "sorted groups: each released when the next starts");
        assertEquals(5000L, count("SELECT count(a) FROM (SELECT java_avg(i) OVER (ORDER BY i ROWS 3 PRECEDING) a"
                + " FROM generate_series(1, 5000) i) w"));
        assertEquals(before, ObjectStates.live(), "window frames: released at every restart");
    }

    @Test
    @InBackend
    void anErrorMidGroupReleasesItsStates() {
        int before = ObjectStates.live();
        PgException e = assertThrows(PgException.class, () -> Subtransaction.run(() -> Spi.getOne(
                "SELECT java_string_agg(CASE WHEN i = 700 THEN 'boom' ELSE i::text END, ',')"
                        + " FROM generate_series(1, 1000) i GROUP BY i % 10 LIMIT 1", String.class)));
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
        assertEquals(before, ObjectStates.live(), "the aborted query's states are gone");
        assertEquals(10L, count("SELECT count(*) FROM (SELECT java_string_agg(i::text, ',') FROM generate_series(1, 100) i"
                + " GROUP BY i % 10) s"));
    }
}

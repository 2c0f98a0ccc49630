package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.pgj.examples.types.RoundTrips.text;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;
import org.pgj.spi.Spi;

/** Java enums as SQL enum types. */
@PgjTest
class EnumsTest {
    @Test
    void theTypeHasOneLabelPerConstantInOrder(Connection c) throws SQLException {
        assertEquals("{HAPPY,OK,SAD}", text(c, "SELECT enum_range(NULL::mood)::text"));
        assertEquals("e", text(c, "SELECT typtype::text FROM pg_type WHERE typname = 'mood'"));
        assertEquals("{HAPPY,OK,SAD}", text(c, "SELECT array_agg(m)::text FROM all_moods() m"));
    }

    @Test
    void everyLabelRoundTripsAndNullStaysNull(Connection c) throws SQLException {
        assertEquals(true, one(c, "SELECT bool_and(same_mood(m) = m) FROM unnest(enum_range(NULL::mood)) m"));
        assertNull(one(c, "SELECT same_mood(NULL)"));
        assertEquals("OK", text(c, "SELECT cheer_up('SAD')::text"));
        assertEquals("HAPPY", text(c, "SELECT cheer_up('OK')::text"));
    }

    @Test
    void javaOrderIsSqlOrder(Connection c) throws SQLException {
        assertEquals("{HAPPY,OK,SAD,NULL}", text(c, "SELECT sorted_moods('{SAD,NULL,HAPPY,OK}')::text"));
        assertEquals("{HAPPY,OK,SAD,NULL}", text(c,
                "SELECT array_agg(m ORDER BY m NULLS LAST)::text FROM unnest('{SAD,NULL,HAPPY,OK}'::mood[]) m"));
        assertEquals(true, one(c, "SELECT 'HAPPY'::mood < 'SAD'::mood"));
    }

    @Test
    void recordsWithEnumComponents(Connection c) throws SQLException {
        assertEquals("(OK,3)", text(c, "SELECT feel('OK', 3)::text"));
        assertEquals("SAD", text(c, "SELECT (feel('SAD', 1)).mood::text"));
    }

    @Test
    void anExistingTypeWithALabelJavaLacks(Connection c) throws SQLException {
        assertEquals("MON", text(c, "SELECT next_day('SUN')::text"));
        assertEquals("SAT", text(c, "SELECT next_day('FRI')::text"));
        var e = fails(c, "SELECT next_day('HOLIDAY')", "22P02");
        assertEquals(true, e.getMessage().contains("enum label \"HOLIDAY\" has no constant in Java enum "
                + Weekday.class.getName()), e.getMessage());
        assertEquals("TUE", text(c, "SELECT next_day('MON')::text"), "the session goes on");
    }

    @Test
    void aLabelSqlLacksIsTheServersError(Connection c) throws SQLException {
        var e = fails(c, "SELECT cheer_up('ANGRY')", "22P02");
        assertEquals(true, e.getMessage().contains("invalid input value for enum mood"), e.getMessage());
        assertEquals("HAPPY", text(c, "SELECT cheer_up('HAPPY')::text"));
    }

    @Test
    @InBackend
    void spiReadsAndPassesEnums() {
        assertEquals(Mood.OK, Spi.getOne("SELECT cheer_up_through_spi('SAD')", Mood.class).orElseThrow());
        assertEquals(Mood.SAD, Spi.getOne("SELECT 'SAD'::mood", Mood.class).orElseThrow());
        assertEquals("SAD", Spi.getOne("SELECT 'SAD'::mood", String.class).orElseThrow());
    }
}

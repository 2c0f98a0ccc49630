package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;

/** Server.call: server functions by name, signature or OID through fmgr, with SPI's conversions and the server's errors. */
@PgjTest
class DirectCallsTest {
    private static final Duration WIDE = Duration.ofSeconds(60);

    @Test
    void byNameSignatureAndOid(Connection c) throws SQLException {
        assertEquals(3, one(c, "SELECT direct_text_length('abc')"));
        assertEquals(0, one(c, "SELECT direct_text_length('')"));
        assertNull(one(c, "SELECT direct_text_length(NULL)"), "a strict function of NULL is NULL");
        assertEquals("ABC", one(c, "SELECT call_by_name('pg_catalog.upper(text)', 'abc')"));
        assertEquals("ABC", one(c, "SELECT call_by_name('upper(text)', 'abc')"), "on the search path");
        assertEquals("ABC", one(c, "SELECT call_by_oid('pg_catalog.upper(text)'::regprocedure::oid::bigint, 'abc')"));
        assertEquals("ff", one(c, "SELECT call_by_name('pg_catalog.to_hex(integer)', '255')"), "an integer in its text form");
        assertEquals(6, one(c, "SELECT greatest_common_divisor(12, 18)"));
        assertEquals(7L, one(c, "SELECT direct_textlen(7, 'x')"));
        assertEquals(one(c, "SELECT spi_textlen(7, 'x')"), one(c, "SELECT direct_textlen(7, 'x')"));
    }

    @Test
    void theServersErrors(Connection c) throws SQLException {
        fails(c, "SELECT call_by_name('pg_catalog.no_such_function', 'x')", "42883");
        fails(c, "SELECT call_by_name('no_such_function(text)', 'x')", "42883");
        assertTrue(fails(c, "SELECT call_by_name('pg_catalog.upper', 'x')", "42725").getMessage().contains("more than one"));
        fails(c, "SELECT call_by_name('pg_catalog.upper(', 'x')", "22P02"); // as 'upper('::regprocedure
        fails(c, "SELECT call_by_oid(0, 'x')", "42883");
        assertTrue(fails(c, "SELECT call_by_name('pg_catalog.generate_series(integer, integer)', '1')", "0A000")
                .getMessage().contains("cannot be called directly"));
        fails(c, "SELECT call_by_name('pg_catalog.sum(integer)', '1')", "0A000");
        fails(c, "SELECT call_by_name('pg_catalog.gcd(integer, integer)', '1')", "42883"); // one argument for two
        fails(c, "SELECT call_by_name('pg_catalog.to_hex(integer)', 'x')", "22P02"); // not an integer's text form
        fails(c, "SELECT call_by_name('pg_catalog.chr(integer)', '0')", "54000"); // the function's own error
        fails(c, "SELECT call_by_name('pg_catalog.int4div(integer, integer)', '1')", "42883");
        assertEquals(1, one(c, "SELECT 1"));
    }

    @Test
    void aFunctionReplacedInAnotherTransactionIsResolvedAgain(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            exec(c, "CREATE FUNCTION direct_target(t text) RETURNS text LANGUAGE sql AS $$ SELECT 'one ' || t $$");
            assertEquals("one x", one(c, "SELECT call_by_name('direct_target', 'x')"));
            exec(c, "DROP FUNCTION direct_target(text)",
                    "CREATE FUNCTION direct_target(t text) RETURNS text LANGUAGE sql AS $$ SELECT 'two ' || t $$");
            assertEquals("two x", one(c, "SELECT call_by_name('direct_target', 'x')"));
            exec(c, "DROP FUNCTION direct_target(text)");
            fails(c, "SELECT call_by_name('direct_target', 'x')", "42883");
        }
    }

    @Test
    void anOrdinaryUserNeedsExecutePermissionInALatin1Database(PgServer server) throws SQLException {
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_direct_latin1", "LATIN1", "spi")) {
            try (Connection admin = latin1.connect()) {
                exec(admin, "CREATE FUNCTION secret(t text) RETURNS text LANGUAGE sql AS $$ SELECT 'secret ' || t $$",
                        "REVOKE EXECUTE ON FUNCTION secret(text) FROM PUBLIC");
            }
            try (Connection c = latin1.connectAsOrdinaryUser()) {
                assertEquals(one(c, "SELECT upper('caf\u00e9 \u00e0')"),
                        one(c, "SELECT call_by_name('pg_catalog.upper(text)', 'caf\u00e9 \u00e0')"), "the database's collation");
                assertEquals(4, one(c, "SELECT direct_text_length('caf\u00e9')"));
                assertTrue(fails(c, "SELECT call_by_name('public.secret', 'x')", "42501").getMessage()
                        .contains("permission denied for function secret"));
            }
        }
    }

    @Test
    void aCancelStopsALongServerFunction(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            // pg_sleep is void: called with Void.class. As text it is refused before it runs.
            assertTrue(fails(c, "SELECT call_by_name('pg_catalog.pg_sleep(double precision)', '600')", "42804")
                    .getMessage().contains("call it with Void.class"));
            assertEquals("57014", RunningStatement.cancelOnceActive(server, c, "SELECT sleep_directly(600)", WIDE));
            assertEquals(3, one(c, "SELECT direct_text_length('abc')"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }
}

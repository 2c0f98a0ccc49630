package org.pgj.examples.fdw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.test.Sql.rows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;
import org.postgresql.util.PSQLException;

/**
 * The JDBC wrapper against another database of the same server through pgjdbc: joins with local
 * tables, pushdown shown by EXPLAIN VERBOSE and giving the same rows as without it, a remote
 * error as a clean ERROR, a cancel during a slow remote read, a million rows without the
 * backend's memory growing, a user who is not a superuser, and a LATIN1 database.
 */
@PgjTest
class JdbcTablesTest {
    private static final String REMOTE = "pgj_fdw_remote";
    private static boolean remoteMade;

    private static Connection connect(PgServer server, String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl().replace("/" + server.database() + "?", "/" + database + "?"));
    }

    /** The remote database, made once per run: items (1000 rows), big (1M rows), slow (a view that sleeps per row). */
    private static synchronized void remote(PgServer server) throws SQLException {
        if (remoteMade) {
            return;
        }
        try (Connection c = server.connect()) {
            // FORCE: sessions of an earlier pass may still hold the wrapper's connections to it.
            exec(c, "DROP DATABASE IF EXISTS " + REMOTE + " WITH (FORCE)", "CREATE DATABASE " + REMOTE);
        }
        try (Connection r = connect(server, REMOTE)) {
            exec(r, "CREATE TABLE items (id int PRIMARY KEY, name text, price numeric(10,2), note text)",
                    "INSERT INTO items SELECT i, 'item ' || i, i * 1.25, CASE WHEN i % 10 = 0 THEN NULL ELSE 'n' || i END"
                            + " FROM generate_series(1, 1000) i",
                    "INSERT INTO items VALUES (1001, 'café', 3.5, 'ünïcode')",
                    "CREATE TABLE big AS SELECT i AS id, md5(i::text) AS label FROM generate_series(1, 1000000) i",
                    "CREATE VIEW slow AS SELECT i AS id, pg_sleep(0.05)::text AS label FROM generate_series(1, 100000) i",
                    "ANALYZE items", "ANALYZE big");
        }
        remoteMade = true;
    }

    /** The server, user mapping and foreign tables, in {@code c}'s database. */
    private static void wrap(PgServer server, Connection c) throws SQLException {
        remote(server);
        exec(c, "DROP SERVER IF EXISTS remote CASCADE",
                "CREATE SERVER remote FOREIGN DATA WRAPPER jdbc OPTIONS (url 'jdbc:postgresql://localhost:" + server.port()
                        + "/" + REMOTE + "', fetch_size '500')",
                "CREATE USER MAPPING FOR PUBLIC SERVER remote OPTIONS (user 'postgres')",
                "CREATE FOREIGN TABLE r_items (id int, name text, price numeric(10,2), note text) SERVER remote"
                        + " OPTIONS (table 'public.items')",
                "CREATE FOREIGN TABLE r_big (id int, label text) SERVER remote OPTIONS (table 'public.big')",
                "CREATE FOREIGN TABLE r_slow (id int, label text) SERVER remote OPTIONS (table 'public.slow')",
                "CREATE FOREIGN TABLE r_missing (id int) SERVER remote OPTIONS (table 'public.no_such_table')");
    }

    private static String plan(Connection c, String query) throws SQLException {
        return rows(c, "EXPLAIN (VERBOSE) " + query).stream().map(r -> (String) r.getFirst()).collect(Collectors.joining("\n"));
    }

    @Test
    void rowsJoinsAndPushdown(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            wrap(server, c);
            assertEquals(1001L, one(c, "SELECT count(*) FROM r_items"));
            assertEquals(Arrays.asList(10, "item 10", new java.math.BigDecimal("12.50"), null),
                    rows(c, "SELECT * FROM r_items WHERE id = 10").getFirst());
            assertEquals("café", one(c, "SELECT name FROM r_items WHERE id = 1001"));

            String query = "SELECT id, name FROM r_items WHERE id < 100 AND name LIKE 'item 1%' AND note IS NOT NULL"
                    + " ORDER BY id DESC LIMIT 3";
            String p = plan(c, query);
            contains(p, "Remote SQL: SELECT \"id\", \"name\", \"note\" FROM public.items WHERE \"id\" < '100'::integer AND"
                    + " \"name\" LIKE 'item 1%'::text AND \"note\" IS NOT NULL ORDER BY \"id\" DESC NULLS FIRST LIMIT 3");
            contains(p, "Pushed Down: quals: id < '100' AND name ~~ 'item 1%' AND note IS NOT NULL; order: id DESC NULLS FIRST; limit: 3");
            assertTrue(!p.contains("Sort") && !p.contains("Filter"), "no local sort or filter:\n" + p);
            assertEquals(List.of(List.of(19, "item 19"), List.of(18, "item 18"), List.of(17, "item 17")), rows(c, query));

            // a qual that is not simple stays local; the rows are the same as the server computes them
            p = plan(c, "SELECT id FROM r_items WHERE id % 100 = 0 AND id > 500");
            contains(p, "Filter: ((r_items.id % 100) = 0)");
            contains(p, "WHERE \"id\" > '500'::integer");
            assertEquals(List.of(600, 700, 800, 900, 1000), column(c, "SELECT id FROM r_items WHERE id % 100 = 0 AND id > 500 ORDER BY id"));

            // a join with a local table: no LIMIT or order pushed, since the table is not all the query reads
            exec(c, "CREATE TEMP TABLE wanted(id int, qty int)", "INSERT INTO wanted VALUES (3, 1), (500, 2), (2000, 3)");
            String join = "SELECT w.id, i.name, w.qty FROM wanted w JOIN r_items i ON i.id = w.id ORDER BY w.id LIMIT 5";
            p = plan(c, join);
            assertTrue(!p.contains("LIMIT 5\"") && !p.contains("Remote SQL: SELECT \"id\", \"name\" FROM public.items ORDER"),
                    p);
            assertEquals(List.of(List.of(3, "item 3", 1), List.of(500, "item 500", 2)), rows(c, join));
            // a correlated subquery rescans the foreign scan once per outer row: a remote query each time
            String correlated = "SELECT w.id, (SELECT i.name FROM r_items i WHERE i.id = w.id) FROM wanted w ORDER BY 1";
            contains(rows(c, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + correlated).toString(), "loops=3");
            assertEquals(List.of(List.of(3, "item 3"), List.of(500, "item 500"), Arrays.asList(2000, null)), rows(c, correlated));
            // two foreign scans in one query, each with its own remote connection
            assertEquals(1001L, one(c, "SELECT count(*) FROM r_items a JOIN r_items b USING (id)"));
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void insertUpdateAndDeleteWithReturning(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            wrap(server, c);
            try (Connection r = connect(server, REMOTE)) {
                exec(r, "DROP TABLE IF EXISTS orders",
                        "CREATE TABLE orders (id int PRIMARY KEY, item text NOT NULL, qty int DEFAULT 1, placed date)");
            }
            exec(c, "CREATE FOREIGN TABLE r_orders (id int, item text, qty int, placed date) SERVER remote"
                    + " OPTIONS (table 'public.orders')");
            assertEquals(List.of(List.of(1, "pen", 2), List.of(2, "ink", 5)),
                    rows(c, "INSERT INTO r_orders (id, item, qty) VALUES (1, 'pen', 2), (2, 'ink', 5) RETURNING id, item, qty"));
            exec(c, "INSERT INTO r_orders VALUES (3, 'pad', NULL, '2026-01-02')");
            assertEquals(3L, one(c, "SELECT count(*) FROM r_orders"));
            assertEquals(List.of(List.of(2, 50)), rows(c, "UPDATE r_orders SET qty = qty * 10 WHERE item = 'ink' RETURNING id, qty"));
            assertEquals(List.of(List.of(3, "pad", 7)), rows(c, "UPDATE r_orders SET qty = 7 WHERE id = 3 RETURNING id, item, qty"));
            assertEquals("2026-01-02", one(c, "SELECT placed::text FROM r_orders WHERE id = 3"), "a column UPDATE did not set");
            assertEquals(List.of(List.of(1, "pen")), rows(c, "DELETE FROM r_orders WHERE qty = 2 RETURNING id, item"));
            exec(c, "DELETE FROM r_orders WHERE id = 2");
            assertEquals(List.of(3), column(c, "SELECT id FROM r_orders"));
            try (Connection r = connect(server, REMOTE)) {
                assertEquals(List.of(Arrays.asList(3, "pad", 7)), rows(r, "SELECT id, item, qty FROM orders"), "written remotely");
            }
            // a remote constraint: a clean error with the remote SQLSTATE, and the session carries on
            contains(fails(c, "INSERT INTO r_orders VALUES (3, 'again')", "23505").getServerErrorMessage().getMessage(),
                    "duplicate key value violates unique constraint");
            fails(c, "INSERT INTO r_orders (id) VALUES (9)", "23502");
            // a statement cancelled in the middle of its writes leaves no remote row behind
            exec(c, "SET statement_timeout = '500ms'");
            fails(c, "INSERT INTO r_orders SELECT i, 'bulk' FROM generate_series(100, 1000000) i", "57014");
            exec(c, "RESET statement_timeout");
            try (Connection r = connect(server, REMOTE)) {
                assertEquals(0L, one(r, "SELECT count(*) FROM orders WHERE item = 'bulk'"), "the remote transaction rolled back");
            }
            assertEquals(List.of(List.of(4, "after")), rows(c, "INSERT INTO r_orders VALUES (4, 'after') RETURNING id, item"));
            exec(c, "DELETE FROM r_orders WHERE id = 4");
            // a wrapper without writes refuses them
            Path p = Files.createTempFile("pgj-ro", ".csv");
            p.toFile().setReadable(true, false);
            exec(c, "CREATE SERVER IF NOT EXISTS csv FOREIGN DATA WRAPPER csv_files",
                    "CREATE FOREIGN TABLE read_only (id int) SERVER csv OPTIONS (filename '" + p + "')");
            contains(fails(c, "INSERT INTO read_only VALUES (1)", "0A000").getServerErrorMessage().getMessage(), "read-only");
            fails(c, "DELETE FROM read_only", "0A000");
            exec(c, "DROP FOREIGN TABLE read_only");
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void importForeignSchema(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            wrap(server, c);
            exec(c, "DROP SCHEMA IF EXISTS imported CASCADE", "CREATE SCHEMA imported",
                    "IMPORT FOREIGN SCHEMA public LIMIT TO (items, slow) FROM SERVER remote INTO imported");
            assertEquals(List.of("items", "slow"), column(c, "SELECT c.relname::text FROM pg_class c JOIN pg_foreign_table f"
                    + " ON f.ftrelid = c.oid WHERE c.relnamespace = 'imported'::regnamespace ORDER BY 1"));
            assertEquals("numeric(10,2)", one(c, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = 'imported.items'::regclass AND attname = 'price'"));
            assertEquals("{\"table=\\\"public\\\".\\\"items\\\"\",key=id}", one(c, "SELECT ftoptions::text FROM pg_foreign_table"
                    + " WHERE ftrelid = 'imported.items'::regclass"));
            assertEquals(1001L, one(c, "SELECT count(*) FROM imported.items"));
            exec(c, "IMPORT FOREIGN SCHEMA public EXCEPT (items, slow, big) FROM SERVER remote INTO imported");
            assertTrue(column(c, "SELECT c.relname::text FROM pg_class c WHERE c.relnamespace = 'imported'::regnamespace")
                    .stream().noneMatch(t -> t.equals("big")), "EXCEPT leaves big out");
            contains(fails(c, "IMPORT FOREIGN SCHEMA no_such_schema FROM SERVER remote INTO imported", "HV00B")
                    .getServerErrorMessage().getMessage(), "schema \"no_such_schema\" is not present on foreign server \"remote\"");
            exec(c, "CREATE SERVER IF NOT EXISTS csv FOREIGN DATA WRAPPER csv_files");
            contains(fails(c, "IMPORT FOREIGN SCHEMA x FROM SERVER csv INTO imported", "0A000").getServerErrorMessage()
                    .getMessage(), "does not import foreign schemas");
            exec(c, "DROP SCHEMA imported CASCADE");
            assertEquals(1, one(c, "SELECT 1"));
        }
    }

    @Test
    void remoteErrorsAndBadOptionsAreCleanErrors(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            wrap(server, c);
            PSQLException e = fails(c, "SELECT * FROM r_missing", "42P01");
            contains(e.getServerErrorMessage().getMessage(), "remote: ERROR: relation \"public.no_such_table\" does not exist");
            assertEquals(1, one(c, "SELECT 1"));
            assertEquals(1001L, one(c, "SELECT count(*) FROM r_items"), "the wrapper carries on after a remote error");
            exec(c, "CREATE SERVER nowhere FOREIGN DATA WRAPPER jdbc OPTIONS (url 'jdbc:postgresql://localhost:1/none')",
                    "CREATE FOREIGN TABLE r_nowhere (id int) SERVER nowhere OPTIONS (table 'x')");
            contains(fails(c, "SELECT * FROM r_nowhere", "HV00N").getServerErrorMessage().getMessage(), "could not connect");
            fails(c, "CREATE SERVER bad1 FOREIGN DATA WRAPPER jdbc OPTIONS (url 'postgresql://x')", "HV002");
            fails(c, "CREATE SERVER bad2 FOREIGN DATA WRAPPER jdbc OPTIONS (url 'jdbc:postgresql://x/y', fetch_size '-5')", "22023");
            contains(fails(c, "CREATE USER MAPPING FOR CURRENT_USER SERVER nowhere OPTIONS (pasword 'x')", "HV00D")
                    .getServerErrorMessage().getHint(), "Valid options in this context are: password, user.");
            fails(c, "CREATE FOREIGN TABLE r_bad (id int) SERVER nowhere", "HV002");
            exec(c, "DROP SERVER nowhere CASCADE");
            assertEquals(1, one(c, "SELECT 1"));
        }
    }

    @Test
    void aCancelStopsASlowRemoteRead(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect(); Connection observer = server.connect()) {
            wrap(server, c);
            try (RunningStatement s = RunningStatement.start(c, observer, "SELECT count(*) FROM r_slow")) {
                s.awaitActive(Duration.ofSeconds(30));
                // Cancelled while the rows are read: the remote query runs (pgjdbc is loaded and connected).
                Poll.until("the remote query to run", Duration.ofSeconds(30), Duration.ofMillis(5),
                        () -> (Long) one(observer, "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + REMOTE
                                + "' AND state = 'active' AND query LIKE '%FROM public.slow%'") == 1L);
                s.stop(RunningStatement.Stop.CANCEL, Duration.ofSeconds(30));
                SQLException e = s.outcome(Duration.ofSeconds(1));
                assertTrue(e != null && "57014".equals(e.getSQLState()), "cancelled: " + e);
            }
            assertEquals(1, one(c, "SELECT 1"));
            exec(c, "SET statement_timeout = '300ms'");
            fails(c, "SELECT count(*) FROM r_slow", "57014");
            exec(c, "RESET statement_timeout");
            assertEquals(1001L, one(c, "SELECT count(*) FROM r_items"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    /** Resident memory of a backend in kB, from /proc (the server runs on this machine). */
    private static long residentKb(int pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }

    @Test
    void aMillionRowsStreamWithoutTheBackendGrowing(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            wrap(server, c);
            int pid = (Integer) one(c, "SELECT pg_backend_pid()");
            assertEquals(10_000L, one(c, "SELECT count(label) FROM r_big WHERE id <= 10000"));
            long before = residentKb(pid);
            assertEquals(1_000_000L, one(c, "SELECT count(label) FROM r_big"));
            assertEquals(500000500000L, ((Number) one(c, "SELECT sum(id) FROM r_big")).longValue());
            long after = residentKb(pid);
            // a million 32-character labels held at once would be well over 100 MB of Java strings
            assertTrue(after - before < 40_000, "the backend grew by " + (after - before) + " kB over a million rows");
        }
    }

    @Test
    void aUserWhoIsNotASuperuserAndPasswordsInMappings(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            wrap(server, c);
            exec(c, "DROP ROLE IF EXISTS jdbc_reader", "DROP ROLE IF EXISTS jdbc_other",
                    "CREATE ROLE jdbc_reader LOGIN", "CREATE ROLE jdbc_other LOGIN",
                    "CREATE USER MAPPING FOR jdbc_reader SERVER remote OPTIONS (user 'postgres', password 'secret')",
                    "GRANT SELECT ON r_items TO jdbc_reader", "GRANT USAGE ON FOREIGN SERVER remote TO jdbc_reader");
            try (Connection r = server.connectAs("jdbc_reader")) {
                assertEquals(1001L, one(r, "SELECT count(*) FROM r_items"));
                assertEquals("{user=postgres,password=secret}", one(r, "SELECT umoptions::text FROM pg_user_mappings"
                        + " WHERE usename = 'jdbc_reader'"), "the mapping's own user, with USAGE on the server, sees its password");
                fails(r, "SELECT count(*) FROM r_big", "42501");
                assertEquals(1, one(r, "SELECT 1"));
            }
            try (Connection o = server.connectAs("jdbc_other")) {
                assertNull(one(o, "SELECT umoptions FROM pg_user_mappings WHERE usename = 'jdbc_reader'"),
                        "another user does not see the password");
            }
            exec(c, "DROP USER MAPPING FOR jdbc_reader SERVER remote", "REVOKE ALL ON r_items FROM jdbc_reader",
                    "REVOKE ALL ON FOREIGN SERVER remote FROM jdbc_reader",
                    "DROP ROLE jdbc_reader", "DROP ROLE jdbc_other");
        }
    }

    @Test
    void aLatin1DatabaseReadsRemoteText(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            remote(server);
            exec(c, "DROP DATABASE IF EXISTS pgj_jdbc_latin1 WITH (FORCE)",
                    "CREATE DATABASE pgj_jdbc_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
        try (Connection l = connect(server, "pgj_jdbc_latin1")) {
            exec(l, "CREATE EXTENSION wrappers");
            wrap(server, l);
            assertEquals(List.of("café", "ünïcode"), rows(l, "SELECT name, note FROM r_items WHERE id = 1001").getFirst());
            assertEquals(4, one(l, "SELECT octet_length(name) FROM r_items WHERE id = 1001"));
            assertEquals(1L, one(l, "SELECT count(*) FROM r_items WHERE name = 'café'"), "a pushed-down qual with a LATIN1 constant");
        }
    }

    /** INSERT, UPDATE and DELETE with RETURNING by an ordinary user, from a LATIN1 database into the UTF8 remote one. */
    @Test
    void anOrdinaryUserWritesFromALatin1Database(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        remote(server);
        try (Connection r = connect(server, REMOTE)) {
            exec(r, "DROP TABLE IF EXISTS latin_orders",
                    "CREATE TABLE latin_orders (id int PRIMARY KEY, item text NOT NULL, qty int DEFAULT 1)");
        }
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_jdbc_latin1_writes", "LATIN1", "wrappers")) {
            try (Connection admin = latin1.connect()) {
                wrap(server, admin);
                exec(admin, "CREATE FOREIGN TABLE r_latin_orders (id int, item text, qty int) SERVER remote"
                                + " OPTIONS (table 'public.latin_orders')",
                        "GRANT SELECT, INSERT, UPDATE, DELETE ON r_latin_orders TO " + OtherDatabase.ORDINARY_USER,
                        "GRANT SELECT ON r_items TO " + OtherDatabase.ORDINARY_USER,
                        "GRANT USAGE ON FOREIGN SERVER remote TO " + OtherDatabase.ORDINARY_USER);
            }
            try (Connection u = latin1.connectAsOrdinaryUser()) {
                // DEFAULT is the foreign table's default (none: NULL is sent), as with postgres_fdw
                assertEquals(List.of(List.of(1, "caf\u00e9", 2), Arrays.asList(2, "cr\u00e8me", null)),
                        rows(u, "INSERT INTO r_latin_orders (id, item, qty) VALUES (1, 'caf\u00e9', 2), (2, 'cr\u00e8me', DEFAULT)"
                                + " RETURNING id, item, qty"));
                assertEquals(List.of(List.of(2, "cr\u00e8me br\u00fbl\u00e9e")),
                        rows(u, "UPDATE r_latin_orders SET item = item || ' br\u00fbl\u00e9e' WHERE item = 'cr\u00e8me' RETURNING id, item"));
                assertEquals(4, one(u, "SELECT octet_length(item) FROM r_latin_orders WHERE id = 1"), "\u00e9 is one byte in LATIN1");
                contains(fails(u, "INSERT INTO r_latin_orders VALUES (1, '\u00e9t\u00e9')", "23505").getServerErrorMessage().getMessage(),
                        "duplicate key value violates unique constraint");
                fails(u, "INSERT INTO r_items (id, name) VALUES (5000, 'x')", "42501");
                exec(u, "SET statement_timeout = '500ms'");
                fails(u, "INSERT INTO r_latin_orders SELECT i, 'bulk \u00e9' FROM generate_series(100, 1000000) i", "57014");
                exec(u, "RESET statement_timeout");
                assertEquals(List.of(List.of(1, "caf\u00e9")), rows(u, "DELETE FROM r_latin_orders WHERE qty = 2 RETURNING id, item"));
                assertEquals(1, one(u, "SELECT 1"));
            }
        }
        try (Connection r = connect(server, REMOTE)) {
            assertEquals(List.of(List.of(2, "cr\u00e8me br\u00fbl\u00e9e")), rows(r, "SELECT id, item FROM latin_orders"),
                    "written in UTF8 remotely, nothing left of the cancelled statement");
            assertEquals(15, one(r, "SELECT octet_length(item) FROM latin_orders WHERE id = 2"), "\u00e8, \u00fb, \u00e9: two bytes each in UTF8");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    /** ANALYZE samples a foreign table through the wrapper: statistics the planner then uses. */
    @Test
    void analyzeSamplesThroughTheWrapper(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            wrap(server, c);
            exec(c, "ANALYZE r_items");
            assertEquals(1001.0f, one(c, "SELECT reltuples FROM pg_class WHERE oid = 'r_items'::regclass"));
            assertEquals(0.1f, ((Number) one(c, "SELECT null_frac FROM pg_stats WHERE tablename = 'r_items' AND attname = 'note'"))
                    .floatValue(), 0.001f, "one note in ten is NULL");
            assertEquals(-1.0f, one(c, "SELECT n_distinct FROM pg_stats WHERE tablename = 'r_items' AND attname = 'id'"),
                    "every id distinct");
            // A million rows stream through a reservoir of 30,000 (default_statistics_target 100): all counted, few kept.
            int pid = (Integer) one(c, "SELECT pg_backend_pid()");
            long before = residentKb(pid);
            exec(c, "ANALYZE r_big");
            assertTrue(residentKb(pid) - before < 60_000, "the backend grew by " + (residentKb(pid) - before) + " kB");
            assertEquals(1000000.0f, one(c, "SELECT reltuples FROM pg_class WHERE oid = 'r_big'::regclass"));
            assertEquals(true, one(c, "SELECT histogram_bounds IS NOT NULL FROM pg_stats WHERE tablename = 'r_big' AND attname = 'id'"));
            // a remote error, and a cancel during a slow remote read: clean errors, the session goes on
            fails(c, "ANALYZE r_missing", "42P01");
            assertEquals("57014", RunningStatement.cancelOnceActive(server, c, "ANALYZE r_slow", Duration.ofSeconds(60)));
            assertEquals(1, one(c, "SELECT 1"));
        }
        // an ordinary user in a LATIN1 database analyzes a foreign table it owns, with accented text
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_jdbc_latin1_analyze", "LATIN1", "wrappers")) {
            try (Connection admin = latin1.connect()) {
                wrap(server, admin);
                exec(admin, "ALTER FOREIGN TABLE r_items OWNER TO " + OtherDatabase.ORDINARY_USER,
                        "GRANT USAGE ON FOREIGN SERVER remote TO " + OtherDatabase.ORDINARY_USER);
            }
            try (Connection u = latin1.connectAsOrdinaryUser()) {
                exec(u, "ANALYZE r_items");
                assertEquals(1001.0f, one(u, "SELECT reltuples FROM pg_class WHERE oid = 'r_items'::regclass"));
                assertEquals(-1.0f, one(u, "SELECT n_distinct FROM pg_stats WHERE tablename = 'r_items' AND attname = 'name'"),
                        "the names, caf\u00e9 among them, read in LATIN1");
                assertEquals(1, one(u, "SELECT 1"));
            }
        }
        ServerLog.assertNoCrashSince(server, mark);
    }
}

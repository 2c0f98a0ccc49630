package org.pgj.examples.fdw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.test.Sql.rows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;
import org.postgresql.util.PSQLException;

/**
 * The CSV wrapper against a real server: rows with NULLs and quotes, the options its validator
 * refuses, a bad row or value named by its line, a file that cannot be read, a cancel in the
 * middle of a large file, a user who is not a superuser, and a LATIN1 database.
 */
@PgjTest
class CsvFilesTest {
    private static Path folder;

    /** A file the server's user can read. */
    private static Path file(String name, String text) throws IOException {
        Path p = folder.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        return p;
    }

    @BeforeAll
    static void files() throws IOException {
        folder = Files.createTempDirectory("pgj-csv");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void table(Connection c, String name, String columns, Path file, String options) throws SQLException {
        exec(c, "CREATE SERVER IF NOT EXISTS csv FOREIGN DATA WRAPPER csv_files",
                "DROP FOREIGN TABLE IF EXISTS " + name,
                "CREATE FOREIGN TABLE " + name + " (" + columns + ") SERVER csv OPTIONS (filename '" + file + "'" + options + ")");
    }

    private static String plan(Connection c, String explain) throws SQLException {
        return rows(c, explain).stream().map(r -> (String) r.getFirst()).collect(Collectors.joining("\n"));
    }

    @Test
    void rowsWithNullsQuotesAndAHeader(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        Path p = file("people.csv", "id,name,score\n1,Ann,1.5\n2,\"Smith, Bob\",\n3,\"say \"\"hi\"\"\",-2\n4,,0\n");
        try (Connection c = server.connect()) {
            table(c, "people", "id int, name text, score numeric", p, ", header 'true'");
            assertEquals(List.of(
                    List.of(1, "Ann", new java.math.BigDecimal("1.5")),
                    Arrays.asList(2, "Smith, Bob", null),
                    List.of(3, "say \"hi\"", new java.math.BigDecimal("-2")),
                    Arrays.asList(4, null, java.math.BigDecimal.ZERO)), rows(c, "SELECT * FROM people ORDER BY id"));
            assertEquals(4L, one(c, "SELECT count(*) FROM people"));
            assertEquals("say \"hi\"", one(c, "SELECT name FROM people WHERE id = 3"));
            assertEquals(2L, one(c, "SELECT count(*) FROM people WHERE score IS NOT NULL AND score >= 0"));
            String plan = rows(c, "EXPLAIN (VERBOSE) SELECT name FROM people WHERE id > 1").stream()
                    .map(r -> (String) r.getFirst()).collect(Collectors.joining("\n"));
            contains(plan, "Foreign Scan on public.people");
            contains(plan, "CSV File: " + p);
            contains(plan, "Filter: (people.id > 1)");
            // a join with a local table
            exec(c, "CREATE TEMP TABLE bonus(id int, extra int)", "INSERT INTO bonus VALUES (1, 10), (3, 30), (9, 90)");
            assertEquals(List.of(List.of("Ann", 10), List.of("say \"hi\"", 30)),
                    rows(c, "SELECT p.name, b.extra FROM people p JOIN bonus b USING (id) ORDER BY id"));
            // a correlated subquery rescans the foreign scan once per outer row
            String correlated = "SELECT b.id, (SELECT p.name FROM people p WHERE p.id = b.id) FROM bonus b ORDER BY b.id";
            // 18 prints the average rows per loop with two decimals (0.67), earlier majors rounded (1).
            String rescanned = plan(c, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + correlated);
            assertTrue(rescanned.matches("(?s).*Foreign Scan on people p \\(actual rows=[0-9.]+ loops=3\\).*"), rescanned);
            assertEquals(List.of(List.of(1, "Ann"), List.of(3, "say \"hi\""), Arrays.asList(9, null)), rows(c, correlated));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void aBadRowOrValueNamesItsLine(PgServer server) throws Exception {
        Path fields = file("fields.csv", "1,a\n2,b\n3\n4,d\n");
        Path values = file("values.csv", "1,a\n2,b\nthree,c\n");
        try (Connection c = server.connect()) {
            table(c, "bad_fields", "id int, name text", fields, "");
            PSQLException e = fails(c, "SELECT * FROM bad_fields", "22P04");
            contains(e.getServerErrorMessage().getMessage(), "line 3 of file " + fields + " has 1 fields, the table has 2 columns");
            table(c, "bad_values", "id int, name text", values, "");
            e = fails(c, "SELECT * FROM bad_values", "22P02");
            contains(e.getServerErrorMessage().getMessage(), "invalid input syntax for type integer: \"three\"");
            contains(e.getServerErrorMessage().getWhere(), "foreign table bad_values, column id, line 3 of file " + values);
            // only the columns read are converted: the bad value is never looked at
            assertEquals(List.of("a", "b", "c"), org.pgj.test.Sql.column(c, "SELECT name FROM bad_values"));
            // ANALYZE reads every column: the same error, named by its line, and the session carries on
            e = fails(c, "ANALYZE bad_values", "22P02");
            contains(e.getServerErrorMessage().getWhere(), "foreign table bad_values, column id, line 3 of file " + values);
            fails(c, "ANALYZE bad_fields", "22P04");
            assertEquals(1, one(c, "SELECT 1"));
        }
    }

    @Test
    void aFileThatCannotBeReadIsAClearError(PgServer server) throws Exception {
        Path locked = file("locked.csv", "1\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try (Connection c = server.connect()) {
            table(c, "missing", "id int", folder.resolve("nothing-here.csv"), "");
            contains(fails(c, "SELECT * FROM missing", "58P01").getServerErrorMessage().getMessage(),
                    "could not open file \"" + folder.resolve("nothing-here.csv") + "\" for reading: no such file");
            table(c, "locked", "id int", locked, "");
            contains(fails(c, "SELECT * FROM locked", "42501").getServerErrorMessage().getMessage(), "permission denied");
            assertEquals(1, one(c, "SELECT 1"));
        }
    }

    @Test
    void theValidatorRefusesBadOptions(PgServer server) throws Exception {
        Path p = file("v.csv", "1\n");
        try (Connection c = server.connect()) {
            exec(c, "CREATE SERVER IF NOT EXISTS csv FOREIGN DATA WRAPPER csv_files");
            PSQLException e = fails(c, "CREATE FOREIGN TABLE v1 (id int) SERVER csv OPTIONS (filename '" + p + "', colour 'red')", "HV00D");
            contains(e.getServerErrorMessage().getMessage(), "invalid option \"colour\" for a csv_files table");
            contains(e.getServerErrorMessage().getHint(), "Valid options in this context are: delimiter, encoding, filename, header.");
            fails(c, "CREATE FOREIGN TABLE v2 (id int) SERVER csv", "HV002");
            contains(fails(c, "CREATE FOREIGN TABLE v3 (id int) SERVER csv OPTIONS (filename '" + p + "', header 'maybe')", "22023")
                    .getServerErrorMessage().getMessage(), "header must be true or false");
            fails(c, "CREATE FOREIGN TABLE v4 (id int) SERVER csv OPTIONS (filename '" + p + "', delimiter ';;')", "22023");
            fails(c, "CREATE SERVER csv_bad FOREIGN DATA WRAPPER csv_files OPTIONS (filename '/etc/passwd')", "HV00D");
            fails(c, "ALTER FOREIGN DATA WRAPPER csv_files OPTIONS (ADD speed 'fast')", "HV00D");
            exec(c, "CREATE FOREIGN TABLE v5 (id int) SERVER csv OPTIONS (filename '" + p + "', delimiter ';')");
            fails(c, "ALTER FOREIGN TABLE v5 OPTIONS (SET delimiter '')", "22023");
            assertEquals(1, one(c, "SELECT id FROM v5"));
            exec(c, "DROP FOREIGN TABLE v5");
        }
    }

    @Test
    void aUserWhoIsNotASuperuserReadsButNamesNoFile(PgServer server) throws Exception {
        Path p = file("shared.csv", "1,x\n2,y\n");
        try (Connection c = server.connect()) {
            exec(c, "DROP OWNED BY csv_reader", "DROP ROLE IF EXISTS csv_reader");
        } catch (SQLException ignored) {
            // the role did not exist yet
        }
        try (Connection c = server.connect()) {
            exec(c, "DROP ROLE IF EXISTS csv_reader", "CREATE ROLE csv_reader LOGIN",
                    "CREATE SERVER IF NOT EXISTS csv FOREIGN DATA WRAPPER csv_files",
                    "GRANT USAGE ON FOREIGN SERVER csv TO csv_reader", "GRANT CREATE ON SCHEMA public TO csv_reader");
            table(c, "shared", "id int, v text", p, "");
            exec(c, "GRANT SELECT ON shared TO csv_reader");
            try (Connection r = server.connectAs("csv_reader")) {
                assertEquals(List.of("x", "y"), org.pgj.test.Sql.column(r, "SELECT v FROM shared ORDER BY id"));
                contains(fails(r, "CREATE FOREIGN TABLE mine (id int) SERVER csv OPTIONS (filename '/etc/passwd')", "42501")
                        .getServerErrorMessage().getMessage(), "pg_read_server_files");
                assertEquals(1, one(r, "SELECT 1"));
            }
            exec(c, "DROP FOREIGN TABLE shared", "REVOKE ALL ON FOREIGN SERVER csv FROM csv_reader",
                    "REVOKE CREATE ON SCHEMA public FROM csv_reader", "DROP ROLE csv_reader");
        }
    }

    @Test
    void aCancelStopsALargeScan(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        Path big = folder.resolve("big.csv");
        try (var out = Files.newBufferedWriter(big)) {
            for (int i = 0; i < 3_000_000; i++) {
                out.write(i + ",row number " + i + "\n");
            }
        }
        Files.setPosixFilePermissions(big, PosixFilePermissions.fromString("rw-r--r--"));
        try (Connection c = server.connect(); Connection observer = server.connect()) {
            table(c, "big", "id int, label text", big, "");
            // The wrapper's classes are initialized: the cancel lands in the middle of the rows.
            assertEquals("row number 0", one(c, "SELECT label FROM big LIMIT 1"));
            try (RunningStatement s = RunningStatement.start(c, observer, "SELECT count(label) FROM big")) {
                s.awaitActive(Duration.ofSeconds(30));
                s.stop(RunningStatement.Stop.CANCEL, Duration.ofSeconds(30));
                SQLException e = s.outcome(Duration.ofSeconds(1));
                assertTrue(e != null && "57014".equals(e.getSQLState()), "cancelled: " + e);
            }
            assertEquals(1, one(c, "SELECT 1"));
            exec(c, "SET statement_timeout = '200ms'");
            fails(c, "SELECT count(label) FROM big", "57014");
            exec(c, "RESET statement_timeout");
            assertEquals(3_000_000L, one(c, "SELECT count(*) FROM big"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void aLatin1DatabaseReadsTheFileInItsEncoding(PgServer server) throws Exception {
        Path p = file("accents.csv", "1,café\n2,naïve\n");
        try (Connection c = server.connect()) {
            exec(c, "DROP DATABASE IF EXISTS pgj_csv_latin1 WITH (FORCE)",
                    "CREATE DATABASE pgj_csv_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
        try (Connection l = java.sql.DriverManager.getConnection(server.jdbcUrl().replace("/" + server.database() + "?",
                "/pgj_csv_latin1?"))) {
            exec(l, "CREATE EXTENSION wrappers", "CREATE SERVER csv FOREIGN DATA WRAPPER csv_files",
                    "CREATE FOREIGN TABLE accents (id int, word text) SERVER csv OPTIONS (filename '" + p + "')");
            assertEquals(List.of("café", "naïve"), org.pgj.test.Sql.column(l, "SELECT word FROM accents ORDER BY id"));
            assertEquals(4, one(l, "SELECT octet_length(word) FROM accents WHERE id = 1"), "é is one byte in LATIN1");
            assertNull(one(l, "SELECT NULL::text"));
        }
    }
}

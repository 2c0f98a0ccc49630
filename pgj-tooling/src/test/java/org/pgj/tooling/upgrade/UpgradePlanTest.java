package org.pgj.tooling.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.server.PrivateServer;

/**
 * What pgj upgrade decides for hand-written SQL (tables, types, views, data), against a real
 * server: PostgreSQL itself says what each statement created. The decided scripts are proven as
 * pgj upgrade proves them: ALTER EXTENSION ... UPDATE must end where a new installation starts.
 */
@Tag("server") // starts PostgreSQL servers: run by Failsafe in integration-test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradePlanTest {
    private static final String OLD = """
            CREATE TABLE settings(name text PRIMARY KEY, value text NOT NULL);
            CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT i + 1';
            CREATE FUNCTION twice(i int) RETURNS int LANGUAGE sql AS 'SELECT i * 2';
            CREATE FUNCTION gone(i int) RETURNS int LANGUAGE sql AS 'SELECT i';
            CREATE TYPE mood AS ENUM ('ok', 'meh');
            CREATE VIEW old_view AS SELECT 1 AS one;
            INSERT INTO settings VALUES ('a', '1');
            """;

    private PrivateServer server;

    @BeforeAll
    void start() throws IOException {
        PgConfig pg = PgConfig.find(null);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path home = PrivateServer.usableHome(Path.of(System.getProperty("pgj.test.home", "target/pgj-home")));
        server = PrivateServer.of(pg, home, "upgrade-" + pg.major(), port);
        server.ensureStarted(Progress.silent());
    }

    @AfterAll
    void stop() {
        server.stop(Progress.silent());
    }

    private UpgradePlan plan(String oldScript, String newScript) {
        List<SqlStatements.Statement> before = SqlStatements.split(oldScript);
        List<SqlStatements.Statement> after = SqlStatements.split(newScript);
        return UpgradePlan.decide(before, SchemaProbe.run(server, "probe_old", before, Map.of(), "old script"),
                after, SchemaProbe.run(server, "probe_new", after, Map.of(), "new script"));
    }

    @Test
    void decidesAddedChangedAndRemovedObjectsAndProvesTheScript() throws IOException {
        String next = """
                CREATE TABLE settings(name text PRIMARY KEY, value text NOT NULL);
                CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql STABLE AS 'SELECT i + 1';
                CREATE   FUNCTION twice(i int)
                  RETURNS int LANGUAGE sql AS 'SELECT i * 2';
                CREATE TYPE mood AS ENUM ('ok', 'meh');
                CREATE TABLE log(at timestamptz DEFAULT now(), note text);
                INSERT INTO log(note) VALUES ('installed');
                CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql AS 'SELECT upper(t)';
                INSERT INTO settings VALUES ('a', '1');
                """;
        UpgradePlan plan = plan(OLD, next);
        assertEquals(List.of(), plan.undecided);
        List<String> reasons = plan.parts.stream().map(UpgradePlan.Part::reason).toList();
        assertEquals(List.of(
                "changed: function public.add_one(integer) (CREATE OR REPLACE keeps its privileges and dependents)",
                "added: table public.log",
                "for objects new in this version",
                "added: function public.shout(pg_catalog.text)",
                "removed: view public.old_view",
                "removed: function public.gone(integer)"), reasons);
        assertTrue(plan.parts.get(0).sql().startsWith("CREATE OR REPLACE FUNCTION add_one"), plan.parts.get(0).sql());
        assertEquals("DROP FUNCTION public.gone(integer)", plan.parts.get(5).sql());

        String script = UpgradeScript.render("uptest", "1.0", "1.1", "uptest--1.0.sql", plan.parts);
        Path extensions = server.installation().dirs().extensionDir();
        Files.writeString(extensions.resolve("uptest.control"), "default_version = '1.1'\nrelocatable = false\n");
        Files.writeString(extensions.resolve("uptest--1.1.sql"), next);
        assertEquals(List.of(), UpgradeCommand.verify(server, "uptest", "1.0", "1.1", OLD, script));
        assertEquals("installed", server.psql("pgj_upgrade_check", "SELECT note FROM log").trim(),
                "the new table's data came with it");

        // A script that misses a change is caught by the proof.
        String incomplete = UpgradeScript.render("uptest", "1.0", "1.1", "uptest--1.0.sql", plan.parts.subList(0, 4));
        List<String> differences = UpgradeCommand.verify(server, "uptest", "1.0", "1.1", OLD, incomplete);
        assertTrue(differences.contains("view public.old_view is still there after the update, but version 1.1 has no such object"),
                differences.toString());
    }

    /** A version that gives the language a validator, as pgj's languages got theirs: CREATE OR REPLACE LANGUAGE. */
    @Test
    void aLanguageThatGetsAValidatorIsReplaced() throws IOException {
        String old = """
                CREATE FUNCTION uplang_handler() RETURNS language_handler AS '$libdir/plpgsql', 'plpgsql_call_handler' LANGUAGE C;
                CREATE LANGUAGE uplang HANDLER uplang_handler;
                """;
        String next = """
                CREATE FUNCTION uplang_handler() RETURNS language_handler AS '$libdir/plpgsql', 'plpgsql_call_handler' LANGUAGE C;
                CREATE FUNCTION uplang_validator(oid) RETURNS void AS '$libdir/plpgsql', 'plpgsql_validator' LANGUAGE C STRICT;
                CREATE LANGUAGE uplang HANDLER uplang_handler VALIDATOR uplang_validator;
                """;
        UpgradePlan plan = plan(old, next);
        assertEquals(List.of(), plan.undecided);
        assertEquals(List.of("added: function public.uplang_validator(pg_catalog.oid)",
                "changed: language uplang (CREATE OR REPLACE keeps its functions)"),
                plan.parts.stream().map(UpgradePlan.Part::reason).toList());
        assertEquals("CREATE OR REPLACE LANGUAGE uplang HANDLER uplang_handler VALIDATOR uplang_validator",
                plan.parts.get(1).sql().strip());

        String script = UpgradeScript.render("uplang", "1.0", "1.1", "uplang--1.0.sql", plan.parts);
        Path extensions = server.installation().dirs().extensionDir();
        Files.writeString(extensions.resolve("uplang.control"), "default_version = '1.1'\nrelocatable = false\n");
        Files.writeString(extensions.resolve("uplang--1.1.sql"), next);
        assertEquals(List.of(), UpgradeCommand.verify(server, "uplang", "1.0", "1.1", old, script));
        // Without the replacement the proof sees the language's missing validator.
        String without = UpgradeScript.render("uplang", "1.0", "1.1", "uplang--1.0.sql", plan.parts.subList(0, 1));
        assertTrue(UpgradeCommand.verify(server, "uplang", "1.0", "1.1", old, without).stream()
                .anyMatch(d -> d.contains("language uplang")), "the proof compares languages");
    }

    /**
     * An operator class the new version no longer has is dropped, with the family CREATE OPERATOR
     * CLASS made for it, before the functions it uses; one that stays, though written differently,
     * is left alone (its definition is compared, operators and support functions included).
     */
    @Test
    void anOperatorClassRemovedBetweenVersionsIsDropped() throws IOException {
        String old = """
                CREATE FUNCTION upops_cmp(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT btint4cmp($1, $2)';
                CREATE FUNCTION upops_hash(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT hashint4($1)';
                CREATE OPERATOR CLASS upops_kept FOR TYPE int USING btree AS
                  OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 upops_cmp(int, int);
                CREATE OPERATOR CLASS upops_gone FOR TYPE int USING hash AS OPERATOR 1 =, FUNCTION 1 upops_hash(int);
                """;
        String next = """
                CREATE FUNCTION upops_cmp(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT btint4cmp($1, $2)';
                CREATE OPERATOR CLASS upops_kept FOR TYPE integer USING btree AS OPERATOR 1 < (int4, int4),
                  OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 (int4, int4) upops_cmp(integer, integer);
                """;
        UpgradePlan plan = plan(old, next);
        assertEquals(List.of(), plan.undecided);
        assertEquals(List.of("DROP OPERATOR CLASS public.upops_gone USING hash", "DROP OPERATOR FAMILY public.upops_gone USING hash",
                "DROP FUNCTION public.upops_hash(integer)"), plan.parts.stream().map(UpgradePlan.Part::sql).toList());

        String script = UpgradeScript.render("upops", "1.0", "1.1", "upops--1.0.sql", plan.parts);
        Path extensions = server.installation().dirs().extensionDir();
        Files.writeString(extensions.resolve("upops.control"), "default_version = '1.1'\nrelocatable = false\n");
        Files.writeString(extensions.resolve("upops--1.1.sql"), next);
        assertEquals(List.of(), UpgradeCommand.verify(server, "upops", "1.0", "1.1", old, script));
        // Without the drops the proof sees the class and its family still there.
        String without = UpgradeScript.render("upops", "1.0", "1.1", "upops--1.0.sql", List.of());
        List<String> differences = UpgradeCommand.verify(server, "upops", "1.0", "1.1", old, without);
        assertTrue(differences.contains("operator class public.upops_gone USING hash is still there after the update, "
                + "but version 1.1 has no such object"), differences.toString());
    }

    /**
     * A released script is probed as CREATE EXTENSION runs it, function bodies unchecked: its
     * functions may name what the current version no longer has (for pgj functions, classes whose
     * result type changed, which pgj's validator would refuse).
     */
    @Test
    void releasedFunctionsAreProbedWithoutCheckingTheirBodies() {
        String old = """
                CREATE FUNCTION counted() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM gone_since';
                """;
        String next = """
                CREATE FUNCTION counted() RETURNS bigint LANGUAGE sql AS 'SELECT 0::bigint';
                """;
        UpgradePlan plan = plan(old, next);
        assertEquals(List.of(), plan.undecided);
        assertEquals(List.of("changed: function public.counted() (CREATE OR REPLACE keeps its privileges and dependents)"),
                plan.parts.stream().map(UpgradePlan.Part::reason).toList());
    }

    @Test
    void refusesToGuessTypeChangesLostDataAndDataUpdates() {
        String next = """
                CREATE TABLE settings(name text PRIMARY KEY, value bigint NOT NULL);
                CREATE FUNCTION add_one(i int) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT i + 1';
                CREATE FUNCTION twice(i int) RETURNS int LANGUAGE sql AS 'SELECT i * 2';
                CREATE FUNCTION gone(i int) RETURNS int LANGUAGE sql AS 'SELECT i';
                CREATE TYPE mood AS ENUM ('ok', 'meh', 'great');
                CREATE VIEW old_view AS SELECT 1 AS one;
                UPDATE settings SET value = 2;
                """;
        List<String> undecided = plan(OLD, next).undecided;
        assertEquals(4, undecided.size(), undecided.toString());
        assertTrue(undecided.get(0).startsWith("table public.settings changed: `r (name text NOT NULL, value text NOT NULL)"), undecided.get(0));
        assertTrue(undecided.get(0).contains("value bigint NOT NULL"), undecided.get(0));
        assertTrue(undecided.get(0).endsWith("it holds data, so the change needs an ALTER written for it"), undecided.get(0));
        assertTrue(undecided.get(1).startsWith("function public.add_one(integer) changed from `f returns integer (i integer)` "
                + "to `f returns bigint (i integer)`: CREATE OR REPLACE cannot change"), undecided.get(1));
        assertTrue(undecided.get(2).startsWith("type public.mood changed: `enum ('ok', 'meh')` became `enum ('ok', 'meh', 'great')`"),
                undecided.get(2));
        assertTrue(undecided.get(3).contains("`UPDATE settings SET value = 2`; decide whether databases that have the old version need it"),
                undecided.get(3));

        List<String> dropped = plan(OLD, OLD.replace("CREATE TABLE settings(name text PRIMARY KEY, value text NOT NULL);", "")
                .replace("INSERT INTO settings VALUES ('a', '1');", "")).undecided;
        assertEquals(List.of("table public.settings is gone in the new version: dropping it loses its data; "
                + "if that is intended, write DROP TABLE public.settings by hand"), dropped);
    }

    @Test
    void aReleasedScriptThatFailsNamesItsStatement() {
        List<SqlStatements.Statement> broken = SqlStatements.split("CREATE TABLE a(i int);\nCREATE TABLE a(i int);\n");
        org.pgj.tooling.ToolException e = org.junit.jupiter.api.Assertions.assertThrows(org.pgj.tooling.ToolException.class,
                () -> SchemaProbe.run(server, "probe_broken", broken, Map.of(), "install script of 1.0"));
        assertTrue(e.getMessage().startsWith("the install script of 1.0 fails when run statement by statement in a scratch "
                + "database, at statement 2:\nCREATE TABLE a(i int)\n"), e.getMessage());
        assertTrue(e.getMessage().contains("relation \"a\" already exists"), e.getMessage());
    }
}

package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;
import org.postgresql.util.PSQLException;

/**
 * One build of an extension per session: after its jar is reinstalled, an open session runs
 * the old build for every function until its transaction ends, and the new one for every
 * function from the next transaction on, with fresh static state. Never one function of each.
 *
 * <p>The probe extension's functions return their build and the next value of a static counter
 * that all its classes share, e.g. {@code a2.3}: function a, build 2, third call since the build
 * was loaded.
 */
@PgjTest
class BuildSwitchTest {
    private static final String SCRIPT = """
            CREATE FUNCTION probe_a() RETURNS text LANGUAGE pgj_build_probe AS 'probe.A.a()';
            CREATE FUNCTION probe_b() RETURNS text LANGUAGE pgj_build_probe AS 'probe.B.b()';
            CREATE FUNCTION probe_c() RETURNS text LANGUAGE pgj_build_probe AS 'probe.B.c()';
            CREATE FUNCTION probe_series(int) RETURNS SETOF text LANGUAGE pgj_build_probe AS 'probe.A.series(int)';
            CREATE PROCEDURE probe_commit_and_wait() LANGUAGE pgj_build_probe AS 'probe.P.run()';
            CREATE TABLE probe_seen(n serial, value text);
            CREATE TABLE probe_go(go int);
            """;

    private final PgServer server;
    private final Connection setup;
    private final ServerLog.Mark mark;
    private ProbeExtension probe;

    BuildSwitchTest(PgServer server, Connection setup) {
        this.server = server;
        this.setup = setup;
        this.mark = ServerLog.mark(server);
    }

    /** The probe's sources, build {@code version}; {@code withB} false leaves class B out (a broken build). */
    private static Map<String, String> build(int version, boolean withB) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("probe.Counter", "package probe; public class Counter { static int n;"
                + " static String next(String what) { return what + " + version + " + \".\" + ++n; } }");
        sources.put("probe.A", "package probe; public class A {"
                + " public static String a() { return Counter.next(\"a\"); }"
                + " public static java.util.Iterator<String> series(int n) {"
                + "   return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> Counter.next(\"s\")).iterator(); } }");
        if (withB) {
            sources.put("probe.B", "package probe; public class B {"
                    + " public static String b() { return Counter.next(\"b\"); }"
                    + " public static String c() { return Counter.next(\"c\"); } }");
        }
        // A procedure that commits, then waits for the test's go and calls b in its next transaction.
        sources.put("probe.P", """
                package probe;
                import org.pgj.spi.Spi;
                public class P {
                    public static void run() {
                        Spi.run("INSERT INTO probe_seen(value) VALUES (probe_a())");
                        Spi.commit();
                        long deadline = System.nanoTime() + 30_000_000_000L;
                        while (Spi.getOne("SELECT count(*) FROM probe_go", Long.class).orElse(0L) == 0) {
                            if (System.nanoTime() > deadline) {
                                throw new IllegalStateException("no go from the test within 30 s");
                            }
                            Spi.run("SELECT pg_sleep(0.01)");
                        }
                        Spi.run("INSERT INTO probe_seen(value) VALUES (probe_b())");
                    }
                }
                """);
        return sources;
    }

    @BeforeEach
    void installBuildOne() throws Exception {
        probe = new ProbeExtension(setup, "build_probe", SCRIPT);
        probe.installJar(build(1, true));
        probe.create(setup);
    }

    @AfterEach
    void removeProbe() throws Exception {
        probe.remove(setup);
        ServerLog.assertNoCrashSince(server, mark);
    }

    private static String one(Connection c, String sql) throws Exception {
        return (String) Sql.one(c, sql);
    }

    /** Commits the session's transaction; the session then answers in autocommit. */
    private static void endsAnswering(Connection s) throws Exception {
        s.commit();
        s.setAutoCommit(true);
        assertEquals(1, Sql.one(s, "SELECT 1"));
    }

    @Test
    void everyFunctionSwitchesAtTheNextTransactionNeverOneAlone() throws Exception {
        try (Connection s = server.connect()) {
            s.setAutoCommit(false);
            assertEquals("a1.1", one(s, "SELECT probe_a()"));
            assertEquals("b1.2", one(s, "SELECT probe_b()"));
            probe.installJar(build(2, true));
            try (Connection fresh = server.connect()) {
                assertEquals("c2.1", one(fresh, "SELECT probe_c()"), "a new session loads the new build");
            }
            assertEquals("a1.3", one(s, "SELECT probe_a()"));
            assertEquals("c1.4", one(s, "SELECT probe_c()"), "first called after the reinstall: still this transaction's build");
            s.commit();
            assertEquals("c2.1", one(s, "SELECT probe_c()"), "the new build, its static state fresh");
            assertEquals("a2.2", one(s, "SELECT probe_a()"));
            assertEquals("b2.3", one(s, "SELECT probe_b()"));
            s.rollback(); // a rollback ends a transaction too
            probe.installJar(build(3, true)); // within the same second as the last look at the folder
            assertEquals("b3.1", one(s, "SELECT probe_b()"));
            assertEquals("a3.2", one(s, "SELECT probe_a()"));
            s.commit();
            assertEquals("b3.3", one(s, "SELECT probe_b()"), "no reinstall: the build and its state stay");
            endsAnswering(s);
        }
    }

    /**
     * While pgj's installer is still writing jars (its temp file is there), a session keeps its
     * build rather than take the new jars with the old; a temp file a killed installer left long
     * ago holds nothing back.
     */
    @Test
    void anInstallInProgressHoldsTheSwitchBackUntilItEnds() throws Exception {
        try (Connection s = server.connect()) {
            assertEquals("a1.1", one(s, "SELECT probe_a()"));
            Path writing = probe.installerTempFile(0);
            probe.installJar(build(2, true));
            assertEquals("a1.2", one(s, "SELECT probe_a()"), "the install is not over");
            Files.delete(writing);
            assertEquals("a2.1", one(s, "SELECT probe_a()"));
            Path left = probe.installerTempFile(3600);
            probe.installJar(build(3, true));
            assertEquals("a3.1", one(s, "SELECT probe_a()"), "an hour-old temp file is no install");
            Files.delete(left);
            assertEquals(1, Sql.one(s, "SELECT 1"));
        }
    }

    /** A WITH HOLD cursor's rows are computed at COMMIT, by the build that started them. */
    @Test
    void aHoldableCursorOverASetFinishesWithItsBuild() throws Exception {
        try (Connection s = server.connect()) {
            s.setAutoCommit(false);
            Sql.exec(s, "DECLARE held CURSOR WITH HOLD FOR SELECT probe_series(6)");
            assertEquals(List.of("s1.1", "s1.2"), Sql.column(s, "FETCH 2 FROM held"));
            probe.installJar(build(2, true));
            s.commit();
            assertEquals(List.of("s1.3", "s1.4", "s1.5", "s1.6"), Sql.column(s, "FETCH ALL FROM held"));
            Sql.exec(s, "CLOSE held");
            assertEquals("a2.1", one(s, "SELECT probe_a()"));
            endsAnswering(s);
        }
    }

    /** A Java procedure that commits keeps its build for what it calls until it returns. */
    @Test
    void aProcedureThatCommitsKeepsItsBuildUntilItReturns() throws Exception {
        try (Connection s = server.connect()) {
            CompletableFuture<Void> call = CompletableFuture.runAsync(() -> {
                try {
                    Sql.exec(s, "CALL probe_commit_and_wait()");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Poll.until("the procedure's first transaction", Duration.ofSeconds(20), Duration.ofMillis(20),
                    () -> (Long) Sql.one(setup, "SELECT count(*) FROM probe_seen") == 1);
            probe.installJar(build(2, true));
            Sql.exec(setup, "INSERT INTO probe_go VALUES (1)");
            call.get(30, TimeUnit.SECONDS);
            assertEquals(List.of("a1.1", "b1.2"), Sql.column(setup, "SELECT value FROM probe_seen ORDER BY n"));
            assertEquals("a2.1", one(s, "SELECT probe_a()"), "after the CALL, the next transaction switches");
            assertEquals(1, Sql.one(s, "SELECT 1"));
        }
    }

    /** Hostile: a non-superuser session, whose first calls after the reinstall time out; then the new build. */
    @Test
    void aSwitchCutShortByTimeoutsIsFinishedByTheNextCall() throws Exception {
        Sql.exec(setup, "DROP ROLE IF EXISTS probe_user", "CREATE ROLE probe_user");
        try (Connection s = server.connect()) {
            Sql.exec(s, "SET ROLE probe_user");
            assertEquals("a1.1", one(s, "SELECT probe_a()"));
            probe.installJar(build(2, true));
            Sql.exec(s, "SET statement_timeout = '1ms'");
            for (int i = 0; i < 5; i++) {
                try {
                    assertTrue(one(s, "SELECT probe_a()").startsWith("a2."));
                } catch (PSQLException timedOut) {
                    assertEquals("57014", timedOut.getSQLState(), timedOut.getMessage());
                }
            }
            Sql.exec(s, "RESET statement_timeout");
            assertTrue(one(s, "SELECT probe_b()").startsWith("b2."));
            assertEquals(1, Sql.one(s, "SELECT 1"));
        } finally {
            Sql.exec(setup, "DROP ROLE probe_user");
        }
    }

    /** Jars removed from under a session: a clear error from its next transaction, until they are back. */
    @Test
    void aRemovedFolderIsAClearErrorUntilTheExtensionIsInstalledAgain() throws Exception {
        try (Connection s = server.connect()) {
            assertEquals("a1.1", one(s, "SELECT probe_a()"));
            probe.removeJars();
            PSQLException e = Sql.fails(s, "SELECT probe_a()", "58P01");
            assertTrue(e.getMessage().contains("build_probe does not exist"), e.getMessage());
            probe.installJar(build(2, true));
            assertEquals("a2.1", one(s, "SELECT probe_a()"));
            assertEquals(1, Sql.one(s, "SELECT 1"));
        }
    }

    /** A broken new build fails clearly where it is broken; the session carries on and takes a fixed one. */
    @Test
    void aBrokenBuildIsAClearErrorAndAFixedOneIsTakenAtTheNextTransaction() throws Exception {
        try (Connection s = server.connect()) {
            assertEquals("b1.1", one(s, "SELECT probe_b()"));
            probe.installJar(build(2, false));
            assertEquals("a2.1", one(s, "SELECT probe_a()"));
            PSQLException e = Sql.fails(s, "SELECT probe_b()", "42883");
            assertTrue(e.getMessage().contains("probe.B"), e.getMessage());
            probe.installJar(build(3, true));
            assertEquals("b3.1", one(s, "SELECT probe_b()"));
            assertEquals(1, Sql.one(s, "SELECT 1"));
        }
    }
}

package org.pgj.examples.workerspi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;

/**
 * The scenario of PostgreSQL's own worker_spi TAP test (t/001_worker_spi.pl), with JUnit: a
 * dynamic worker folds deltas at once on SIGHUP; then, with shared_preload_libraries, the
 * static workers start in worker_spi.database and show in pg_stat_activity.
 */
@PgjTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerSpiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static void awaitTotal(Connection c, String schema, int total) throws Exception {
        Poll.until(schema + ".counted total " + total, WAIT, Duration.ofMillis(50),
                () -> Integer.valueOf(total).equals(Sql.one(c, "SELECT coalesce(max(value), -1) FROM " + schema
                        + ".counted WHERE type = 'total'")));
    }

    private static void awaitTable(Connection c, String schema) throws Exception {
        Poll.until("table " + schema + ".counted", WAIT, Duration.ofMillis(50),
                () -> (Long) Sql.one(c, "SELECT count(*) FROM pg_tables WHERE schemaname = ? AND tablename = 'counted'", schema) == 1);
    }

    @Test
    @Order(1)
    void dynamicWorkerFoldsDeltasAtOnceOnSighup(Connection c, PgServer server) throws Exception {
        server.setConfig("worker_spi.naptime", "600"); // only a SIGHUP makes it run within the test
        Sql.run(c, "DROP SCHEMA IF EXISTS schema4 CASCADE");
        Object pid = Sql.one(c, "SELECT worker_spi_launch(4)");
        assertNotNull(pid);
        Poll.until("the dynamic worker in pg_stat_activity", WAIT, Duration.ofMillis(20), () -> "worker_spi dynamic".equals(
                Sql.one(c, "SELECT coalesce(max(backend_type), '') FROM pg_stat_activity WHERE pid = ?", pid)));
        awaitTable(c, "schema4");
        Sql.run(c, "INSERT INTO schema4.counted VALUES ('total', 0), ('delta', 1)");
        Sql.one(c, "SELECT pg_reload_conf()");
        awaitTotal(c, "schema4", 1);
        Sql.run(c, "INSERT INTO schema4.counted VALUES ('delta', 2), ('delta', 3)");
        Sql.one(c, "SELECT pg_reload_conf()");
        awaitTotal(c, "schema4", 6);
        assertEquals(0L, Sql.one(c, "SELECT count(*) FROM schema4.counted WHERE type = 'delta'"));
        Sql.one(c, "SELECT pg_terminate_backend(?)", pid);
    }

    @Test
    @Order(2)
    void staticWorkersStartWithTheServer(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            for (int i = 1; i <= 3; i++) {
                Sql.run(c, "DROP SCHEMA IF EXISTS schema" + i + " CASCADE");
            }
        }
        server.setConfig("worker_spi.database", server.database());
        server.setConfig("worker_spi.total_workers", "3");
        server.setConfig("shared_preload_libraries", "pgj");
        server.restart();
        try (Connection c = server.connect()) {
            Poll.until("3 worker_spi workers in " + server.database(), WAIT, Duration.ofMillis(50),
                    () -> (Long) Sql.one(c, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'worker_spi'"
                            + " AND datname = current_database()") == 3);
            // The postmaster titles each worker process with its bgw_name.
            assertEquals(List.of("postgres: worker_spi worker 1", "postgres: worker_spi worker 2",
                    "postgres: worker_spi worker 3"), processTitles(c));
            for (int i = 1; i <= 3; i++) {
                awaitTable(c, "schema" + i);
            }
            Sql.run(c, "INSERT INTO schema2.counted VALUES ('total', 10), ('delta', 5)");
            Sql.one(c, "SELECT pg_reload_conf()");
            awaitTotal(c, "schema2", 15);
        } finally {
            server.setConfig("shared_preload_libraries", "");
            server.setConfig("worker_spi.naptime", "10");
            server.restart();
        }
        ServerLog.assertNoCrash(server, 400);
    }

    private static List<String> processTitles(Connection c) throws SQLException, IOException {
        List<String> titles = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE backend_type = 'worker_spi'")) {
            while (rs.next()) {
                String cmdline = Files.readString(Path.of("/proc", Integer.toString(rs.getInt(1)), "cmdline"));
                titles.add(cmdline.replace('\0', ' ').strip());
            }
        }
        Collections.sort(titles);
        return titles;
    }
}

package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.one;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.Poll;
import org.pgj.test.PgjTest;
import org.pgj.test.Sql;

/**
 * The Java heap of a backend has a cap (pgj.heap_max, superuser only), and what a statement grew
 * it by is given back at the end of its transaction.
 */
@PgjTest
class MemoryTest {
    private static final long MB = 1024 * 1024;

    @Test
    void theJvmRunsWithTheCaps(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            assertEquals(String.valueOf(256 * MB), one(c, "select jvm_option('MaxHeapSize')"), "the default heap cap");
            assertEquals(String.valueOf(128 * MB), one(c, "select jvm_option('MaxMetaspaceSize')"));
            assertEquals(String.valueOf(64 * MB), one(c, "select jvm_option('ReservedCodeCacheSize')"));
        }
        try (Connection c = server.connect()) {
            Sql.run(c, "set pgj.heap_max = '1GB'");
            Sql.run(c, "set pgj.metaspace_max = '96MB'");
            Sql.run(c, "set pgj.code_cache_max = '32MB'");
            assertEquals(String.valueOf(1024 * MB), one(c, "select jvm_option('MaxHeapSize')"));
            assertEquals(String.valueOf(96 * MB), one(c, "select jvm_option('MaxMetaspaceSize')"));
            assertEquals(String.valueOf(32 * MB), one(c, "select jvm_option('ReservedCodeCacheSize')"));
        }
    }

    @Test
    void onlyASuperuserSetsTheCap(PgServer server) throws SQLException {
        try (Connection c = Victim.ordinaryUser(server)) {
            assertEquals(String.valueOf(1024 * MB), one(c, "select jvm_option('MaxHeapSize')"), "the role's own cap (ALTER ROLE)");
            Sql.fails(c, "set pgj.heap_max = '4GB'", "42501");
            assertEquals(1, one(c, "select 1"));
        }
        try (Connection c = Victim.ordinaryUser(server)) {
            // Before pgj is loaded the setting is only a placeholder, which loading pgj then refuses.
            Sql.run(c, "set pgj.heap_max = '4GB'");
            assertEquals(String.valueOf(1024 * MB), one(c, "select jvm_option('MaxHeapSize')"));
        }
    }

    @Test
    void beyondTheCapIsAnError(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            SQLException e = Sql.fails(c, "select hold_megabytes(400)", "53200"); // the default cap, 256 MB
            contains(e.getMessage(), "OutOfMemoryError");
            assertEquals(100, one(c, "select hold_megabytes(100)"), "the same session, and its JVM, carry on");
        }
    }

    @Test
    void theHeapAStatementGrewIsGivenBackAtTheEndOfItsTransaction(PgServer server) throws Exception {
        try (Connection c = Victim.ordinaryUser(server)) {
            int pid = (Integer) one(c, "select pg_backend_pid()");
            assertEquals(1, one(c, "select hold_megabytes(1)"));
            long before = residentKb(pid);
            c.setAutoCommit(false);
            assertEquals(200, one(c, "select hold_megabytes(200)"));
            long grown = residentKb(pid);
            long start = System.nanoTime();
            c.commit();
            long commitMs = (System.nanoTime() - start) / 1_000_000;
            long after = residentKb(pid);
            System.out.printf("backend anonymous RSS: %d MB before, %d MB after holding 200 MB, %d MB after COMMIT (which took %d ms)%n",
                    before / 1024, grown / 1024, after / 1024, commitMs);
            assertTrue(grown > before + 150 * 1024, "the statement grew the heap: " + before + " -> " + grown + " kB");
            // The Java heap goes back at COMMIT, the C heap at the JVM's next periodic trim
            // (TrimNativeHeapInterval, 1 s): a bounded wait. What stays, 13-24 MB measured, is not
            // attributed yet (suspects: code the JIT compiled meanwhile, the collector's tables); it
            // does not grow with more such transactions (17 -> 40, 40, 40, then 24 MB over four).
            Poll.until("anonymous RSS back within 32 MB of " + before + " kB", Duration.ofSeconds(15),
                    Duration.ofMillis(100), () -> residentKb(pid) < before + 32 * 1024);
            // And it does not pile up: three more such transactions end within the same bound.
            for (int round = 2; round <= 4; round++) {
                assertEquals(200, one(c, "select hold_megabytes(200)"));
                c.commit();
                Poll.until("anonymous RSS back within 32 MB of " + before + " kB after transaction " + round,
                        Duration.ofSeconds(15), Duration.ofMillis(100), () -> residentKb(pid) < before + 32 * 1024);
                System.out.printf("backend anonymous RSS after transaction %d: %d MB%n", round, residentKb(pid) / 1024);
            }
            c.setAutoCommit(true);
            assertEquals(1, one(c, "select 1"));
        }
    }

    /**
     * The anonymous resident memory of a process (RssAnon), in kB: the heaps, without the pages of
     * mapped files (libjvm, the jars, the AOT cache) that new code paths touch, which are shared.
     */
    private static long residentKb(int pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status"))) {
            if (line.startsWith("RssAnon:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no RssAnon for " + pid);
    }
}

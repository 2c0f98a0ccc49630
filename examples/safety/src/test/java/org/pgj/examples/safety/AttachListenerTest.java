package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.one;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;

/**
 * A backend's JVM has no attach listener. With {@code -Xrs} HotSpot would start one with every
 * JVM: a thread, and a socket {@code /tmp/.java_pid<pid>} through which any process of the
 * server's user could load an agent into the backend. pgj starts its JVMs with
 * {@code -XX:+DisableAttachMechanism} (jvm_boot.c).
 */
@PgjTest
class AttachListenerTest {
    @Test
    void aBackendsJvmStartsNoAttachListener(PgServer server) throws SQLException, IOException {
        try (Connection fresh = server.connect()) {
            assertEquals(45L, one(fresh, "select sum_ints(10)"), "a new session starts its JVM");
            long pid = ((Number) one(fresh, "select pg_backend_pid()")).longValue();
            List<String> threads = threadNames(pid);
            assertTrue(threads.contains("VM Thread"), "the backend runs a JVM: " + threads);
            // The listener thread exists once the JVM is created; its socket follows on that thread.
            assertFalse(threads.contains("Attach Listener"), "the backend's threads: " + threads);
            assertFalse(Files.exists(Path.of("/tmp/.java_pid" + pid)), "an attach socket for backend " + pid);
            assertEquals(1, one(fresh, "select 1"), "the session carries on");
        }
    }

    /** The names of the threads of process {@code pid} (/proc/<pid>/task/<tid>/comm, at most 15 characters). */
    private static List<String> threadNames(long pid) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                names.add(Files.readString(task.resolve("comm")).strip());
            }
        }
        return names;
    }
}

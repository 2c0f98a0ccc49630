package org.pgj.examples.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;

/**
 * Hooks switch with the functions after a reinstall: within the transaction the old hook object
 * counts into the old class, and from the next one a new hook object of the new build counts
 * into the new class, which the function reads. A hook of one build with a function of the other
 * would read 0 or keep counting.
 */
@PgjTest
class HookBuildSwitchTest {

    /** Puts a fresh copy of each installed jar over it, as an installer does: a new file, a new build. */
    private static void reinstall(Connection c) throws Exception {
        Path folder = Path.of((String) Sql.one(c, "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'"), "pgj", "hooks");
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        assertFalse(jars.isEmpty(), "the hooks extension's jars in " + folder);
        for (Path jar : jars) {
            Path copy = jar.resolveSibling("." + jar.getFileName() + ".tmp");
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Test
    void hookObjectsSwitchWithTheFunctionsAtTheNextTransaction(PgServer server, Connection setup) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection s = server.connect()) {
            s.setAutoCommit(false);
            long before = (Long) Sql.one(s, "SELECT executor_starts()");
            reinstall(setup);
            assertEquals(before + 1, Sql.one(s, "SELECT executor_starts()"), "the same transaction: the old build");
            s.commit();
            assertEquals(1L, Sql.one(s, "SELECT executor_starts()"), "the new build's hook counted this query, and only it");
            assertEquals(2L, Sql.one(s, "SELECT executor_starts()"));
            s.commit();
            s.setAutoCommit(true);
            assertEquals(1, Sql.one(s, "SELECT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }
}

package org.pgj.tooling.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.server.PrivateServer;

/**
 * pgj run's database step when the install script changed: it names the user's objects that the
 * drop would take with it and refuses, unless forced. A plain SQL extension stands in for a pgj
 * one (the step only reads the stage's script and runs SQL); its own table's default uses its
 * function, which is its own business and must not be listed.
 */
@Tag("server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevDatabaseTest {
    private static final String EXT = "depdemo";
    private static final String SCRIPT = """
            CREATE FUNCTION depdemo_twice(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 * 2';
            CREATE TYPE depdemo_mood AS ENUM ('ok', 'sad');
            CREATE TABLE depdemo_own (n int DEFAULT depdemo_twice(1));
            """;
    private final PgConfig pg = PgConfig.find(null);
    private final Path home = PrivateServer.usableHome(Path.of("target/pgj-home-devdb"));
    private PrivateServer server;
    @TempDir
    Path tmp;

    @BeforeAll
    void start() throws IOException {
        server = PrivateServer.of(pg, home, "devdb-" + pg.major(), freePort());
        server.stop(Progress.silent());
        server.ensureStarted(Progress.silent());
    }

    @AfterAll
    void stop() {
        server.stop(Progress.silent());
    }

    @Test
    void aChangedScriptNamesWhatTheDropWouldTakeAndRefusesUnlessForced() throws IOException {
        String db = "devdb_" + System.nanoTime();
        Stage stage = stageWith(SCRIPT);
        List<String> steps = new ArrayList<>();
        Progress progress = steps::add;
        DevDatabase.prepare(server, db, stage, false, progress);
        assertEquals("1.0", server.psql(db, "SELECT extversion FROM pg_extension WHERE extname = '" + EXT + "'").trim());
        assertEquals(List.of(), ExtensionDependents.of(server, db, EXT), "the extension's own table default is its own");

        server.psql(db, """
                CREATE VIEW twice_view AS SELECT depdemo_twice(2) AS four;
                CREATE VIEW on_view AS SELECT * FROM twice_view;
                CREATE TABLE t (id int, n int DEFAULT depdemo_twice(3), mood depdemo_mood);
                CREATE VIEW on_id AS SELECT id FROM t;
                INSERT INTO t (id) VALUES (1);
                """);
        List<String> expected = List.of("column mood of table t", "default value for column n of table t",
                "view on_view", "view twice_view");
        assertEquals(expected, ExtensionDependents.of(server, db, EXT));

        stage = stageWith(SCRIPT + "-- changed\n");
        Stage changed = stage;
        ToolException refused = assertThrows(ToolException.class, () -> DevDatabase.prepare(server, db, changed, false, progress));
        String message = refused.getMessage();
        assertTrue(message.contains("dropping the extension to create it again would also drop 4 object(s) of yours"), message);
        for (String object : expected) {
            assertTrue(message.contains("\n  " + object), message);
        }
        assertTrue(message.contains("--force") && message.contains("pgj upgrade"), message);
        assertEquals("4", server.psql(db, "SELECT depdemo_twice(2) + (SELECT count(*)::int - 1 FROM on_view)"
                + " + (SELECT count(*)::int FROM t) - 1").trim(), "nothing was dropped");

        DevDatabase.prepare(server, db, changed, true, progress);
        assertEquals("0", server.psql(db, "SELECT count(*) FROM pg_views WHERE viewname IN ('twice_view', 'on_view')").trim());
        assertEquals("id,n", server.psql(db, "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
                + " WHERE attrelid = 't'::regclass AND attnum > 0 AND NOT attisdropped").trim(), "only column mood went");
        assertEquals("1", server.psql(db, "SELECT count(*) FROM on_id").trim(), "the user's data in t is kept");
        assertTrue(steps.get(steps.size() - 1).contains("dropped and created the extension again, and with it " + String.join(", ", expected)),
                steps.get(steps.size() - 1));
    }

    /** A stage holding {@code script}, installed into the server's private installation too. */
    private Stage stageWith(String script) throws IOException {
        Stage stage = Stage.create(tmp.resolve("stage"), EXT, "1.0", pg, Jdk.current());
        Files.writeString(stage.extensionDir().resolve(EXT + "--1.0.sql"), script);
        Path installed = server.installation().dirs().extensionDir();
        for (String[] file : List.of(new String[] {EXT + ".control", "default_version = '1.0'\nrelocatable = true\n"},
                new String[] {EXT + "--1.0.sql", script})) {
            Path target = installed.resolve(file[0]);
            Files.writeString(target, file[1]);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return stage;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}

package org.pgj.tooling.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.progress.ProgressStep;

/** Creates a private cluster's data folder: superuser postgres, trust on localhost, UTF-8, the C.UTF-8 locale. */
final class Initdb {
    private Initdb() {
    }

    /** Whether {@code home}'s data folder holds a cluster already. */
    static boolean done(ServerHome home) {
        return Files.isRegularFile(home.dataDir().resolve("PG_VERSION"));
    }

    /** Runs initdb as the server user; a throwaway cluster ({@code durable} false) skips the final sync. */
    static void run(PgConfig pg, ServerHome home, ServerUser user, boolean durable, Progress p) {
        Path data = home.dataDir();
        try {
            if (Files.isDirectory(data)) {
                try (var entries = Files.list(data)) {
                    if (entries.findAny().isPresent()) {
                        throw new ToolException(data + " exists but is not a PostgreSQL data folder (no PG_VERSION): "
                                + "delete it and run again");
                    }
                }
                user.own(data);
            }
        } catch (IOException e) {
            throw new ToolException("cannot inspect " + data + " (" + e.getMessage() + "): delete it and run again", e);
        }
        ProgressStep step = p.begin("creating PostgreSQL " + pg.major() + " cluster in " + data + " (initdb)");
        List<String> command = new ArrayList<>(List.of(pg.bindir().resolve("initdb").toString(), "-D", data.toString(),
                "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"));
        if (!durable) {
            command.add("--no-sync");
        }
        try (step) {
            Exec.Result r = Exec.run(user.wrap(command), home.home(), Map.of(), 300);
            if (!r.ok()) {
                throw new ToolException("initdb failed for " + data + " (exit " + r.exitCode() + "):\n" + r.tail(20)
                        + "\nfix the cause above, delete " + data + " and run again");
            }
            step.done("created cluster in " + data);
        }
    }
}

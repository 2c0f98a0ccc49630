package org.pgj.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.Exec;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.progress.Progress;

/**
 * PL/Python for the plpython3u rows: Debian's {@code postgresql-plpython3-<major>}, installed with
 * apt-get when it is missing, the PostgreSQL is Debian's and the benchmark runs as root; otherwise
 * the rows are skipped and this says why.
 */
final class PlPython {
    private PlPython() {
    }

    static void ensureInstalled(PgConfig pg, Progress p) {
        if (Files.exists(pg.pkglibdir().resolve("plpython3.so"))) {
            return;
        }
        String pkg = "postgresql-plpython3-" + pg.major();
        String skip = "WARNING: the plpython3u rows are skipped: " + pg.pkglibdir() + " has no plpython3.so";
        if (!pg.pkglibdir().startsWith(Path.of("/usr/lib/postgresql"))) {
            p.step(skip + ", and this PostgreSQL is not Debian's, so no package provides it");
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            p.step(skip + " (as root the benchmark installs it: apt-get install " + pkg + ")");
            return;
        }
        p.step("installing " + pkg + " with apt-get (for the plpython3u rows) ...");
        Map<String, String> env = Map.of("DEBIAN_FRONTEND", "noninteractive");
        Exec.Result r = Exec.run(List.of("apt-get", "install", "-y", "-q", pkg), null, env, 600);
        if (!r.ok()) {
            Exec.run(List.of("apt-get", "update", "-q"), null, env, 600);
            r = Exec.run(List.of("apt-get", "install", "-y", "-q", pkg), null, env, 600);
        }
        if (!r.ok()) {
            p.step(skip + ": apt-get install " + pkg + " failed:\n" + r.tail(5));
        }
    }
}

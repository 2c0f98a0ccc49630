package org.pgj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.packaging.PackageCommand;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.server.PrivateServer;

/**
 * The demo extension installed as a user installs a package: the archive of {@code pgj package}
 * unpacked into a second private server's installation ({@code tar -xzf <archive> -C <root>}, as
 * {@code -C /} would on a server), with no AOT cache from pgj's tools. Its first client backend
 * records the server's own cache in the data directory (jvm_boot.c); the next ones start with it.
 * The server's own cache of an earlier run is removed, so every run records it again.
 */
final class PackagedInstall implements AutoCloseable {
    static final String DATABASE = "pgj_bench_pkg";
    /** Where jvm_boot.c keeps the server's own cache, in the data directory. */
    static final String OWN_CACHE_DIR = "pgj_aot";
    private static final long CACHE_WRITE_SECONDS = 180;

    private final PrivateServer server;
    private final Progress progress;
    private final boolean keepRunning;

    private PackagedInstall(PrivateServer server, Progress progress, boolean keepRunning) {
        this.server = server;
        this.progress = progress;
        this.keepRunning = keepRunning;
    }

    static PackagedInstall setUp(BenchServer bench, Progress p) {
        Path root = bench.root();
        PgConfig pg = bench.server().pgConfig();
        PrivateServer server = PrivateServer.of(pg, PrivateServer.defaultHome(), "bench-pkg-" + pg.major(), port(bench));
        PackageCommand.Result pkg = PackageCommand.write(bench.stage(), pg, root.resolve("bench/target/package"));
        server.stop(p);
        p.step("installing " + pkg.archive().getFileName() + " into " + server.installation().root() + " with tar");
        unpack(pkg.archive(), server.installation().root());
        try {
            AtomicFiles.deleteRecursively(server.dataDir().resolve(OWN_CACHE_DIR));
        } catch (IOException e) {
            throw new ToolException("cannot remove the earlier run's AOT cache in " + server.dataDir() + ": " + e.getMessage(), e);
        }
        server.ensureStarted(p);
        server.createDatabase(DATABASE, true);
        StringBuilder sql = new StringBuilder();
        BenchServer.SESSION_SETTINGS.forEach((name, value) ->
                sql.append("ALTER DATABASE ").append(DATABASE).append(" SET ").append(name).append(" = ").append(value).append(";\n"));
        server.psql(DATABASE, sql.append("CREATE EXTENSION demo;\n").toString());
        return new PackagedInstall(server, p, bench.keepRunning());
    }

    /** PGJ_BENCH_PORT + 1 when the benchmark's port is set, else a free one. */
    private static int port(BenchServer bench) {
        String env = System.getenv("PGJ_BENCH_PORT");
        return env != null && !env.isBlank() ? bench.server().port() + 1 : BenchServer.anyFreePort();
    }

    private static void unpack(Path archive, Path root) {
        try {
            Files.createDirectories(root);
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", root.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new ToolException("tar -xzf " + archive + " -C " + root + " failed: " + output);
            }
        } catch (IOException e) {
            throw new ToolException("cannot run tar to unpack " + archive + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while unpacking " + archive, e);
        }
    }

    /** A new session: a new backend, so a new JVM on its first Java call. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(DATABASE));
    }

    /**
     * Waits until the server's own AOT cache is written (the recording backend has exited and the
     * JVM's assembly left no {@code .config} beside it); fails after {@value #CACHE_WRITE_SECONDS} s.
     */
    void awaitOwnCache() {
        Path dir = server.dataDir().resolve(OWN_CACHE_DIR);
        long deadline = System.nanoTime() + CACHE_WRITE_SECONDS * 1_000_000_000L;
        while (!cacheWritten(dir)) {
            if (System.nanoTime() > deadline) {
                throw new ToolException("the packaged install's server did not write its AOT cache into " + dir + " within "
                        + CACHE_WRITE_SECONDS + " s; see " + server.logFile() + ":\n" + String.join("\n", server.lastLogLines(20)));
            }
            BenchRun.sleep(100);
        }
    }

    private static boolean cacheWritten(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            return names.stream().anyMatch(n -> n.endsWith(".aot")) && names.stream().noneMatch(n -> n.endsWith(".aot.config"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (keepRunning) {
            progress.step("leaving the packaged install's server running: psql -h localhost -p " + server.port()
                    + " -U postgres " + DATABASE);
        } else {
            server.stop(progress);
        }
    }
}

package org.pgj.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.progress.Progress;

/**
 * The C baseline: {@code bench/src/main/c} (pgj_bench_c.c and a PGXS Makefile), built with
 * {@code make PG_CONFIG=...} in {@code bench/target/c} and copied into the benchmark server's
 * {@code pkglibdir}, next to pgj.so.
 */
final class CFunction {
    static final String MODULE = "pgj_bench_c";
    static final String CREATE_SQL = "CREATE FUNCTION add_one_c(int4) RETURNS int4 AS '$libdir/" + MODULE
            + "', 'add_one_c' LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;\n"
            + "CREATE FUNCTION series_c(int4) RETURNS SETOF int4 AS '$libdir/" + MODULE
            + "', 'series_c' LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE";

    private CFunction() {
    }

    /** Builds {@code pgj_bench_c.so} from {@code sources} in {@code buildDir} and installs it into {@code pkglibdir}. */
    static void buildAndInstall(PgConfig pg, Path pkglibdir, Path sources, Path buildDir, Progress p) {
        pg.checkCanBuild();
        Path library = buildDir.resolve(MODULE + ".so");
        Path target = pkglibdir.resolve(MODULE + ".so");
        try {
            copySources(sources, buildDir);
            p.step("building " + MODULE + ".so with PGXS in " + buildDir + " ...");
            make(pg, buildDir, MODULE + ".so");
            Path tmp = target.resolveSibling("." + MODULE + ".so.bench-tmp");
            Files.copy(library, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            // A rename, so a backend never maps a half-written library.
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ToolException("cannot build or install " + MODULE + ".so (" + e.getMessage() + "): check that "
                    + buildDir + " and " + pkglibdir + " are writable", e);
        }
        p.step("installed " + target);
    }

    private static void copySources(Path sources, Path buildDir) throws IOException {
        if (!Files.isRegularFile(sources.resolve(MODULE + ".c")) || !Files.isRegularFile(sources.resolve("Makefile"))) {
            throw new ToolException("the C benchmark sources are missing (" + sources.resolve(MODULE + ".c")
                    + " or its Makefile): run the benchmark from a complete pgj checkout");
        }
        Files.createDirectories(buildDir);
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, buildDir.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** {@code make} with PGXS in {@code buildDir}, which builds {@code what}; its output in build.log. */
    static void make(PgConfig pg, Path buildDir, String what) throws IOException {
        List<String> command = List.of("make", "-C", buildDir.toString(), "USE_PGXS=1", "with_llvm=no",
                "PG_CONFIG=" + pg.path());
        Path log = buildDir.resolve("build.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ToolException("`" + String.join(" ", command) + "` did not finish within 300s: run it by hand");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while building " + what + ": run the benchmark again", e);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new ToolException("building " + what + " failed (`" + String.join(" ", command) + "`, exit "
                    + process.exitValue() + "):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()))
                    + "\nfull log: " + log);
        }
    }
}

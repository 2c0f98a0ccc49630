package org.pgj.tooling.init;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.progress.Progress;

/**
 * Builds PostgreSQL from a source tarball into {@code <pgj home>/pg/<version>}, as
 * {@code cargo pgrx init} does: configure, make and make install of the server, its client
 * programs and the headers and PGXS that extensions build with; no documentation. Nothing needs
 * root. Each phase reports progress, compiling by files compiled; the whole output goes to
 * {@code <pgj home>/logs/postgresql-<version>-build.log}.
 */
final class PostgresBuild {
    /** The one line that installs everything the build needs on Debian and Ubuntu. */
    static final String APT_LINE = "apt-get install gcc make bison flex perl libreadline-dev zlib1g-dev";
    /** ICU is off: a server for developing extensions does not need it, and it would need libicu-dev. */
    static final List<String> CONFIGURE_OPTIONS = List.of("--without-icu");
    /** configure's messages for a missing build dependency. */
    private static final Pattern MISSING_DEPENDENCY = Pattern.compile(
            "(readline|zlib) (library|header) not found|bison not found|flex not found|no acceptable C compiler");
    private static final long POLL_MILLIS = 500;
    private static final long REPORT_NANOS = 5_000_000_000L;

    private PostgresBuild() {
    }

    /** Where {@code version} is installed under the pgj home. */
    static Path prefix(Path home, String version) {
        return home.resolve("pg").resolve(version);
    }

    /** The installed pg_config; builds first unless the same release is already installed there. */
    static PgConfig install(SourceTarball source, Path home, Progress p, Map<String, String> env) {
        Path prefix = prefix(home, source.version());
        Path pgConfig = prefix.resolve("bin/pg_config");
        if (Files.isExecutable(pgConfig) && Files.isExecutable(prefix.resolve("bin/postgres"))) {
            PgConfig installed = PgConfig.find(pgConfig);
            if (installed.version().equals(source.version())) {
                p.step("PostgreSQL " + source.version() + " is already built in " + prefix);
                return installed;
            }
        }
        checkTools(env.get("PATH"), includeDirs(env));
        Path buildRoot = home.resolve("pg").resolve("build");
        Path log = home.resolve("logs").resolve("postgresql-" + source.version() + "-build.log");
        long start = System.nanoTime();
        try {
            AtomicFiles.deleteRecursively(buildRoot);
            Files.createDirectories(buildRoot);
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new ToolException("cannot prepare " + buildRoot + " (" + e.getMessage() + "): make " + home
                    + " writable, or set PGJ_HOME to a writable folder", e);
        }
        p.step("unpacking " + source.file());
        Path src = source.extract(buildRoot);
        List<String> configure = new ArrayList<>(List.of("./configure", "--prefix=" + prefix));
        configure.addAll(CONFIGURE_OPTIONS);
        run("configuring PostgreSQL " + source.version(), configure, src, log, p, null);
        int jobs = Runtime.getRuntime().availableProcessors();
        run("compiling PostgreSQL " + source.version() + " (make -j" + jobs + ")", List.of("make", "-j" + jobs), src, log, p,
                cFiles(src.resolve("src")));
        run("installing PostgreSQL " + source.version() + " into " + prefix, List.of("make", "install"), src, log, p, null);
        try {
            AtomicFiles.deleteRecursively(buildRoot);
        } catch (IOException e) {
            p.step("warning: could not remove the build folder " + buildRoot + " (" + e.getMessage() + "); delete it by hand");
        }
        p.step(String.format(Locale.ROOT, "built PostgreSQL %s in %.0fs; log: %s", source.version(),
                (System.nanoTime() - start) / 1e9, log));
        return PgConfig.find(pgConfig);
    }

    /** Where the compiler finds headers: /usr/include, and the folders of CPATH and C_INCLUDE_PATH. */
    static List<Path> includeDirs(Map<String, String> env) {
        List<Path> dirs = new ArrayList<>(List.of(Path.of("/usr/include")));
        for (String variable : List.of("CPATH", "C_INCLUDE_PATH")) {
            String value = env.get(variable);
            if (value != null) {
                Arrays.stream(value.split(File.pathSeparator)).filter(d -> !d.isBlank()).map(Path::of).forEach(dirs::add);
            }
        }
        return dirs;
    }

    /** The programs and headers the build needs, checked up front so that one apt-get line fixes them all. */
    static void checkTools(String pathValue, List<Path> includeDirs) {
        List<String> missing = new ArrayList<>();
        if (Exec.onPath("gcc", pathValue).isEmpty() && Exec.onPath("cc", pathValue).isEmpty()) {
            missing.add("a C compiler (gcc)");
        }
        for (String program : List.of("make", "bison", "flex", "perl")) {
            if (Exec.onPath(program, pathValue).isEmpty()) {
                missing.add(program);
            }
        }
        for (String[] library : new String[][] {{"readline", "readline/readline.h"}, {"zlib", "zlib.h"}}) {
            if (includeDirs.stream().noneMatch(d -> Files.isRegularFile(d.resolve(library[1])))) {
                missing.add(library[0] + " headers (" + library[1] + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new ToolException("building PostgreSQL needs " + String.join(", ", missing) + ", which this machine lacks: "
                    + APT_LINE);
        }
    }

    /**
     * Runs one phase with its output appended to {@code log}, reporting every few seconds: how
     * many of about {@code expectedFiles} C files are compiled, or how long it has run.
     */
    private static void run(String what, List<String> command, Path dir, Path log, Progress p, Integer expectedFiles) {
        p.step(what + " ...");
        long start = System.nanoTime();
        Process process;
        long logStart;
        try {
            logStart = Files.exists(log) ? Files.size(log) : 0;
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new ToolException("cannot run `" + command.get(0) + "` in " + dir + " (" + e.getMessage() + "): " + APT_LINE, e);
        }
        CompileCounter counter = new CompileCounter(log, logStart);
        long reported = System.nanoTime();
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - reported >= REPORT_NANOS) {
                    reported = System.nanoTime();
                    String elapsed = String.format(Locale.ROOT, "%.0fs", (reported - start) / 1e9);
                    if (expectedFiles != null) {
                        int done = counter.count();
                        p.step(String.format(Locale.ROOT, "compiled %d of about %d C files (%d%%), %s", done, expectedFiles,
                                Math.min(99, done * 100 / Math.max(1, expectedFiles)), elapsed));
                    } else {
                        p.step("still " + what + " (" + elapsed + ")");
                    }
                }
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while " + what + ": run pgj init again", e);
        }
        String output = tail(log, logStart);
        if (process.exitValue() != 0) {
            throw new ToolException(what + " failed (`" + String.join(" ", command) + "`, exit " + process.exitValue()
                    + "); its last lines:\n" + output + "\nfull log: " + log + "\n" + hint(output));
        }
        p.step(String.format(Locale.ROOT, "done %s in %.0fs", what.replaceFirst(" PostgreSQL.*", ""), (System.nanoTime() - start) / 1e9));
    }

    /** What to do about a failed phase, from what configure or make said. */
    static String hint(String output) {
        if (MISSING_DEPENDENCY.matcher(output).find()) {
            return "install what the build needs: " + APT_LINE;
        }
        return "fix what the log names, then run pgj init again";
    }

    /**
     * About as many compilations as make runs under {@code src}: each C file once (tests and
     * tools aside), those of src/common three times (for the server, client programs and libpq).
     */
    private static int cFiles(Path src) {
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(f -> f.toString().endsWith(".c"))
                    .map(f -> src.relativize(f).toString())
                    .filter(f -> !f.matches("(test|tools|tutorial)/.*|.*win32.*|.*/ecpg/test/.*"))
                    .mapToInt(f -> f.startsWith("common/") ? 3 : 1)
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The last lines a phase wrote to the log. */
    private static String tail(Path log, long from) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(from, file.length() - 4000);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}

package org.pgj.tooling.regress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.build.AotCache;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.Prerequisites;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.ProjectBuilder;
import org.pgj.tooling.server.PrivateServer;

/**
 * {@code pgj regress [pgNN] [--inputdir DIR] [--create-extension] [--set NAME=VALUE]... [--accept] [--accept-changed] [TEST...]}:
 * pg_regress-style tests. Each {@code sql/NAME.sql} of the input folder ({@code src/test/regress}
 * unless {@code --inputdir} names another, such as a C original's {@code test} folder) runs through
 * psql exactly as pg_regress runs it ({@code psql -X -a -q} reading the file on standard input,
 * errors included in the output, the project folder as its working folder, so that {@code \i}
 * paths resolve as under PGXS, with the input folder's files too when it is another: see
 * {@link #psqlFolder}), in order, in one fresh database of the private test server. As
 * with pg_regress, nothing is created in it: a suite creates its extension itself ({@code CREATE
 * EXTENSION} in its first test); {@code --create-extension} creates it first, for suites written
 * to expect it. The output goes to {@code target/pgj/regress/results/NAME.out} and must equal
 * {@code expected/NAME.out} (or an alternative {@code NAME_1.out} ... {@code NAME_9.out});
 * differences are shown as a diff and collected in {@code target/pgj/regress/regression.diffs}.
 *
 * <p>A test without expected output fails, unless {@code --accept} makes its result the expected
 * output; {@code --accept-changed} does the same for tests whose output changed.
 */
public final class RegressCommand {
    /** What pg_regress gives psql, so outputs match theirs: fixed time zone and date style. */
    static final Map<String, String> PSQL_ENV = Map.of("PGTZ", "PST8PDT", "PGDATESTYLE", "Postgres, MDY",
            "PGAPPNAME", "pgj_regress", "LC_MESSAGES", "C", "PGOPTIONS", "");

    /**
     * @param inputDir the folder of {@code sql/} and {@code expected/}; null for the project's {@code src/test/regress}
     * @param createExtension whether to {@code CREATE EXTENSION} before the tests, which otherwise create it themselves
     * @param tests test names to run (no {@code .sql}); empty runs all
     * @param settings {@code NAME=VALUE} settings of the test database, besides pg_regress's own: what a
     *     suite was written under (an original's {@code extra_float_digits = 0}, a library loaded at
     *     session start)
     */
    public record Options(ExtensionProject project, String pg, Path inputDir, boolean createExtension, boolean accept,
            boolean acceptChanged, List<String> tests, List<String> settings) {
        public Options {
            settings = List.copyOf(settings);
            settings.forEach(RegressCommand::settingName);
        }

        /** The project's own tests, which create the extension themselves. */
        public Options(ExtensionProject project, String pg, boolean accept, boolean acceptChanged, List<String> tests) {
            this(project, pg, null, false, accept, acceptChanged, tests);
        }

        /** Without settings of the suite's own. */
        public Options(ExtensionProject project, String pg, Path inputDir, boolean createExtension, boolean accept,
                       boolean acceptChanged, List<String> tests) {
            this(project, pg, inputDir, createExtension, accept, acceptChanged, tests, List.of());
        }

        Path regressDir() {
            return inputDir == null ? project.regressDir() : project.dir().resolve(inputDir).toAbsolutePath().normalize();
        }
    }

    private RegressCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        if (o.inputDir() != null && !Files.isDirectory(o.regressDir())) {
            throw new ToolException("the regress input folder " + o.regressDir() + " does not exist: --inputdir names a"
                    + " folder holding sql/NAME.sql and expected/NAME.out");
        }
        if ((o.accept() || o.acceptChanged()) && !o.regressDir().startsWith(o.project().dir())) {
            // A suite kept elsewhere is someone else's (a C original's): its expected output is the reference.
            throw new ToolException("--accept and --accept-changed write expected files only inside the project, and "
                    + o.regressDir() + " is outside " + o.project().dir() + ": compare with the diff instead");
        }
        PgConfig pg = ctx.versions().select(o.pg());
        Prerequisites.forBuild(Jdk.current(), pg);
        Prerequisites.forServer(pg);
        Progress p = ctx.progress();
        Path sqlDir = o.regressDir().resolve("sql");
        List<Path> tests = tests(sqlDir, o.tests());
        if (tests.isEmpty()) {
            ctx.out().println("no regress tests: add NAME.sql files to " + sqlDir + " (and run with --accept to keep their output)");
            return 0;
        }
        PrivateServer server = PrivateServer.forTests(pg, ctx.home());
        server.checkHome();
        ctx.builder().build(o.project(), ProjectBuilder.Phase.STAGE, pg, p);
        Stage stage = o.project().stage(pg);
        server.ensureStarted(p);
        server.install(stage, false, p);
        AotCache.ensure(server, p);
        String database = "pgj_regress_" + stage.extension();
        server.createDatabase(database, true);
        // pg_regress's database settings; C messages so outputs do not depend on the machine's language.
        server.psql(database, "ALTER DATABASE " + database + " SET lc_messages TO 'C';\n"
                + "ALTER DATABASE " + database + " SET lc_monetary TO 'C';\n"
                + "ALTER DATABASE " + database + " SET lc_numeric TO 'C';\n"
                + "ALTER DATABASE " + database + " SET lc_time TO 'C';\n"
                + "ALTER DATABASE " + database + " SET bytea_output TO 'hex';\n"
                + "ALTER DATABASE " + database + " SET timezone_abbreviations TO 'Default';\n"
                + suiteSettings(database, o.settings())
                + (o.createExtension() ? "CREATE EXTENSION " + stage.extension() + ";" : ""));
        p.step("running " + tests.size() + " regress test(s) of " + stage.extension() + " in database " + database
                + " on port " + server.port());

        Path out = o.project().target().resolve("pgj/regress");
        Path results = out.resolve("results");
        Path expectedDir = o.regressDir().resolve("expected");
        Path diffs = out.resolve("regression.diffs");
        StringBuilder allDiffs = new StringBuilder();
        int failed = 0;
        try {
            AtomicFiles.deleteRecursively(results);
            Files.createDirectories(results);
            Files.deleteIfExists(diffs);
            Path workDir = psqlFolder(o, out.resolve("work"));
            for (Path test : tests) {
                String name = test.getFileName().toString().replaceFirst("\\.sql$", "");
                long start = System.nanoTime();
                String output = runTest(server, database, workDir, test);
                Path result = results.resolve(name + ".out");
                Files.writeString(result, output, StandardCharsets.UTF_8);
                String time = String.format(Locale.ROOT, "%.2fs", (System.nanoTime() - start) / 1e9);
                List<Path> expected = expectedFiles(expectedDir, name);
                String verdict;
                if (expected.isEmpty()) {
                    if (o.accept()) {
                        accept(result, expectedDir.resolve(name + ".out"));
                        verdict = "ok (new: accepted " + relative(o.project(), expectedDir.resolve(name + ".out")) + ")";
                    } else {
                        failed++;
                        verdict = "FAILED (no expected output: check " + relative(o.project(), result)
                                + ", then run with --accept to keep it as " + relative(o.project(), expectedDir.resolve(name + ".out")) + ")";
                    }
                } else {
                    String diff = bestDiff(o.project(), expected, output, result);
                    if (diff.isEmpty()) {
                        verdict = "ok";
                    } else if (o.acceptChanged()) {
                        accept(result, expected.get(0));
                        verdict = "ok (changed: accepted " + relative(o.project(), expected.get(0)) + ")";
                    } else {
                        failed++;
                        verdict = "FAILED";
                        allDiffs.append(diff);
                    }
                }
                ctx.out().println("test " + name + " ... " + verdict + " (" + time + ")");
            }
            if (!allDiffs.isEmpty()) {
                Files.writeString(diffs, allDiffs, StandardCharsets.UTF_8);
                ctx.out().print(allDiffs);
            }
        } catch (IOException e) {
            throw new ToolException("cannot write the regress results in " + out + " (" + e.getMessage()
                    + "): check that the build folder is writable", e);
        }
        if (failed == 0) {
            ctx.out().println("all " + tests.size() + " regress test(s) passed");
            return 0;
        }
        ctx.out().println(failed + " of " + tests.size() + " regress test(s) failed"
                + (allDiffs.isEmpty() ? "" : "; the differences are in " + diffs
                + " (if the new output is right: pgj regress --accept-changed)"));
        return 1;
    }

    /**
     * psql as pg_regress runs it: the file on standard input, echoed, errors in the same stream,
     * in the folder pg_regress is run from under PGXS (the project's), where {@code \i} paths start.
     */
    private static String runTest(PrivateServer server, String database, Path workDir, Path test) {
        List<String> command = List.of(server.pgConfig().bindir().resolve("psql").toString(), "-X", "-a", "-q",
                "-h", "localhost", "-p", Integer.toString(server.port()), "-U", "postgres", "-d", database,
                "-v", "HIDE_TABLEAM=on", "-v", "HIDE_TOAST_COMPRESSION=on");
        Exec.Result r = Exec.run(command, workDir, PSQL_ENV, 600, test);
        // psql exits 0 after SQL errors (no ON_ERROR_STOP); 2 means it lost the connection, which the output shows.
        return r.output();
    }

    /**
     * Where psql runs: the project's folder, where {@code \i} paths start as under PGXS. For a
     * suite of another folder (an original's, by {@code --inputdir}), {@code work}, a folder of links
     * to the project's entries and then to those of the input folder that the project lacks: under
     * PGXS, pg_regress runs where both the built install script and the suite's data files are, so
     * a suite's {@code \copy t FROM 'data/x.data'} finds the original's file and its
     * {@code \i sql/ext.sql} the project's.
     */
    static Path psqlFolder(Options o, Path work) throws IOException {
        Path project = o.project().dir().toAbsolutePath().normalize();
        if (o.inputDir() == null || o.regressDir().equals(project)) {
            return project;
        }
        AtomicFiles.deleteRecursively(work); // walks without following the links: their targets stay
        Files.createDirectories(work);
        for (Path folder : List.of(project, o.regressDir())) {
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                    Path link = work.resolve(entry.getFileName().toString());
                    if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, entry.toAbsolutePath());
                    }
                }
            }
        }
        return work;
    }

    /** ALTER DATABASE statements for the suite's own {@code NAME=VALUE} settings. */
    static String suiteSettings(String database, List<String> settings) {
        StringBuilder sql = new StringBuilder();
        for (String setting : settings) {
            sql.append("ALTER DATABASE ").append(database).append(" SET ").append(settingName(setting)).append(" TO '")
                    .append(setting.substring(setting.indexOf('=') + 1).trim().replace("'", "''")).append("';\n");
        }
        return sql.toString();
    }

    private static String settingName(String setting) {
        int eq = setting.indexOf('=');
        String name = eq > 0 ? setting.substring(0, eq).trim() : "";
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new ToolException("--set " + setting + " is not NAME=VALUE with a setting's name, e.g. --set extra_float_digits=0");
        }
        return name;
    }

    /** The diff against the closest expected file; empty if one matches. */
    private static String bestDiff(ExtensionProject project, List<Path> expected, String output, Path result) throws IOException {
        String best = null;
        for (Path file : expected) {
            String diff = UnifiedDiff.of(relative(project, file), Files.readString(file, StandardCharsets.UTF_8),
                    relative(project, result), output);
            if (diff.isEmpty()) {
                return "";
            }
            if (best == null || diff.length() < best.length()) {
                best = diff;
            }
        }
        return best;
    }

    private static List<Path> expectedFiles(Path dir, String name) {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve(name + ".out"))) {
            files.add(dir.resolve(name + ".out"));
        }
        for (int i = 1; i <= 9; i++) {
            if (Files.isRegularFile(dir.resolve(name + "_" + i + ".out"))) {
                files.add(dir.resolve(name + "_" + i + ".out"));
            }
        }
        return files;
    }

    private static void accept(Path result, Path expected) throws IOException {
        Files.createDirectories(expected.getParent());
        Files.copy(result, expected, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<Path> tests(Path sqlDir, List<String> names) {
        if (!names.isEmpty()) {
            List<Path> tests = new ArrayList<>();
            for (String name : names) {
                Path test = sqlDir.resolve(name.endsWith(".sql") ? name : name + ".sql");
                if (!Files.isRegularFile(test)) {
                    throw new ToolException("no regress test " + test + ": the tests are the .sql files in " + sqlDir);
                }
                tests.add(test);
            }
            return tests;
        }
        if (!Files.isDirectory(sqlDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(sqlDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new ToolException("cannot list " + sqlDir + " (" + e.getMessage() + ")", e);
        }
    }

    private static String relative(ExtensionProject project, Path file) {
        return project.dir().relativize(file.toAbsolutePath()).toString();
    }
}

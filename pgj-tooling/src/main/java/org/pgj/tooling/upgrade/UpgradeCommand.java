package org.pgj.tooling.upgrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.Prerequisites;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.progress.ProgressStep;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.ProjectBuilder;
import org.pgj.tooling.server.PrivateServer;

/**
 * {@code pgj upgrade [--from VERSION] [pgNN]}: writes {@code src/main/pgj/upgrade/<ext>--<from>--<to>.sql},
 * the update from a released version (its schema kept by {@code pgj schema --save}) to the
 * current one. Both install scripts run in scratch databases of the dev server, PostgreSQL tells
 * what each statement created ({@link SchemaProbe}), {@link UpgradePlan} decides the statements,
 * and the result is proven before it is written: a database created at the old version and
 * updated with {@code ALTER EXTENSION ... UPDATE} must end with exactly the objects of one created
 * at the new version. What it cannot decide is printed, and then nothing is written.
 */
public final class UpgradeCommand {
    private static final List<String> SCRATCH = List.of("pgj_upgrade_old", "pgj_upgrade_new", "pgj_upgrade_check",
            "pgj_upgrade_fresh");
    private static final Pattern MODULE_PATHNAME = Pattern.compile("(?m)^\\s*module_pathname\\s*=\\s*'([^']*)'");

    /** @param from the released version to upgrade from; null for the latest kept one */
    public record Options(ExtensionProject project, String pg, String from) {
    }

    private UpgradeCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        PgConfig pg = ctx.versions().select(o.pg());
        Prerequisites.forBuild(Jdk.current(), pg);
        Prerequisites.forServer(pg);
        Progress p = ctx.progress();
        ExtensionProject project = o.project();
        PrivateServer server = PrivateServer.forDev(pg, ctx.home());
        server.checkHome();
        ctx.builder().build(project, ProjectBuilder.Phase.STAGE, pg, p);
        ExtensionProject.Built built = project.built();
        String to = built.version();
        String from = o.from() != null ? o.from() : previousRelease(project, built.name(), to);
        if (from.equals(to)) {
            throw new ToolException("the project's version is " + to + ", the same as the released schema it would upgrade from: "
                    + "raise the version in pom.xml for the changes of the next release first");
        }
        Path released = project.releasedDir().resolve(built.name() + "--" + from + ".sql");
        if (!Files.isRegularFile(released)) {
            throw new ToolException("no released schema " + released + ": keep each release's schema with `pgj schema --save` "
                    + "when you release it (from its tag: check it out, run pgj schema --save, copy the file)");
        }
        Path target = project.upgradeDir().resolve(built.name() + "--" + from + "--" + to + ".sql");
        Stage stage = project.stage(pg);
        server.ensureStarted(p);
        server.install(stage, false, p);
        Map<String, String> substitutions = Map.of("MODULE_PATHNAME", modulePathname(stage), "@extschema@", "public",
                "@extowner@", "postgres");
        try {
            String candidate;
            boolean handWritten = Files.isRegularFile(target) && !UpgradeScript.isUntouched(read(target));
            if (handWritten) {
                p.step(project.dir().relativize(target) + " was edited by hand: pgj upgrade leaves it as it is and only checks it");
                candidate = read(target);
            } else {
                UpgradePlan plan;
                try (ProgressStep step = p.begin("comparing the schemas of " + built.name() + " " + from + " and " + to)) {
                    List<SqlStatements.Statement> oldStatements = SqlStatements.split(read(released));
                    List<SqlStatements.Statement> newStatements = SqlStatements.split(read(built.installScript()));
                    List<ProbedObject> before = SchemaProbe.run(server, SCRATCH.get(0), oldStatements, substitutions,
                            "install script of " + from + " (" + released + ")");
                    List<ProbedObject> after = SchemaProbe.run(server, SCRATCH.get(1), newStatements, substitutions,
                            "install script of " + to + " (" + built.installScript() + ")");
                    plan = UpgradePlan.decide(oldStatements, before, newStatements, after);
                    step.done("compared " + distinct(before) + " object(s) of " + from + " with " + distinct(after) + " of " + to);
                }
                if (!plan.undecided.isEmpty()) {
                    ctx.out().println("pgj upgrade cannot decide " + plan.undecided.size() + " change(s) from " + from + " to " + to
                            + ", so it wrote nothing:");
                    plan.undecided.forEach(u -> ctx.out().println("  - " + u));
                    ctx.out().println("write " + project.dir().relativize(target) + " by hand (pgj upgrade then checks it and "
                            + "leaves it alone); what it could decide is:");
                    ctx.out().print(UpgradeScript.render(built.name(), from, to, released.getFileName().toString(), plan.parts));
                    return 1;
                }
                candidate = UpgradeScript.render(built.name(), from, to, released.getFileName().toString(), plan.parts);
            }
            List<String> differences;
            try (ProgressStep step = p.begin("checking it: CREATE EXTENSION " + built.name() + " VERSION '" + from
                    + "', then ALTER EXTENSION " + built.name() + " UPDATE TO '" + to + "'")) {
                differences = verify(server, stage.extension(), from, to, read(released), candidate);
                if (differences.isEmpty()) {
                    step.done("the updated database has exactly the objects of a new " + to + " installation");
                }
            }
            if (!differences.isEmpty()) {
                ctx.out().println("the upgrade script " + (handWritten ? project.dir().relativize(target) : "pgj upgrade made")
                        + " does not take " + from + " to " + to + ":");
                differences.forEach(d -> ctx.out().println("  - " + d));
                if (!handWritten) {
                    ctx.out().println("so it wrote nothing; the script was:");
                    ctx.out().print(candidate);
                }
                return 1;
            }
            if (handWritten) {
                ctx.out().println(project.dir().relativize(target) + " takes " + from + " to " + to + " (checked with ALTER EXTENSION UPDATE)");
            } else if (Files.isRegularFile(target) && read(target).equals(candidate)) {
                ctx.out().println(project.dir().relativize(target) + " is up to date (checked with ALTER EXTENSION UPDATE)");
            } else {
                AtomicFiles.createReadableDirectories(target.getParent());
                AtomicFiles.write(target, candidate);
                ctx.out().println("wrote " + project.dir().relativize(target) + " (checked with ALTER EXTENSION UPDATE): review and "
                        + "commit it; the next build installs it, and `pgj run` updates databases that have " + from);
            }
            return 0;
        } catch (IOException e) {
            throw new ToolException("cannot write " + target + " (" + e.getMessage() + ")", e);
        } finally {
            for (String db : SCRATCH) {
                try {
                    server.psql("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                } catch (ToolException ignored) {
                    // scratch databases are dropped again next time
                }
            }
        }
    }

    /**
     * Installs the released script and the candidate into the dev server's private installation,
     * updates a database from {@code from} to {@code to}, and compares its extension's objects with
     * a fresh installation of {@code to}. Returns the differences (none: proven).
     */
    static List<String> verify(PrivateServer server, String ext, String from, String to, String releasedText,
                               String candidate) throws IOException {
        Path dir = server.installation().dirs().extensionDir();
        Path oldScript = dir.resolve(ext + "--" + from + ".sql");
        Path upgrade = dir.resolve(ext + "--" + from + "--" + to + ".sql");
        if (!Files.isRegularFile(oldScript) || !read(oldScript).equals(releasedText)) {
            AtomicFiles.write(oldScript, releasedText);
        }
        AtomicFiles.write(upgrade, candidate);
        List<String> differences = new ArrayList<>();
        Map<String, String> updated = null;
        try {
            server.createDatabase(SCRATCH.get(2), true);
            SchemaProbe.prepare(server, SCRATCH.get(2));
            server.psql(SCRATCH.get(2), "CREATE EXTENSION " + ext + " VERSION '" + from + "';");
            server.psql(SCRATCH.get(2), "ALTER EXTENSION " + ext + " UPDATE TO '" + to + "';");
            updated = SchemaProbe.members(server, SCRATCH.get(2), ext);
        } catch (ToolException e) {
            differences.add("ALTER EXTENSION " + ext + " UPDATE TO '" + to + "' fails: " + e.getMessage());
        }
        if (updated != null) {
            server.createDatabase(SCRATCH.get(3), true);
            SchemaProbe.prepare(server, SCRATCH.get(3));
            server.psql(SCRATCH.get(3), "CREATE EXTENSION " + ext + " VERSION '" + to + "';");
            Map<String, String> fresh = SchemaProbe.members(server, SCRATCH.get(3), ext);
            for (String key : new TreeSet<>(fresh.keySet())) {
                if (!updated.containsKey(key)) {
                    differences.add(key + " is missing after the update");
                } else if (!Objects.equals(updated.get(key), fresh.get(key))) {
                    differences.add(key + " differs after the update: `" + updated.get(key) + "` instead of `" + fresh.get(key) + "`");
                }
            }
            for (String key : new TreeSet<>(updated.keySet())) {
                if (!fresh.containsKey(key)) {
                    differences.add(key + " is still there after the update, but version " + to + " has no such object");
                }
            }
        }
        if (!differences.isEmpty()) {
            Files.deleteIfExists(upgrade);
        }
        return differences;
    }

    /** The highest kept release below {@code current} (or any other, if none is below). */
    static String previousRelease(ExtensionProject project, String extension, String current) {
        Path dir = project.releasedDir();
        List<String> versions = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            Pattern name = Pattern.compile(Pattern.quote(extension) + "--(.+)\\.sql");
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> name.matcher(f.getFileName().toString())).filter(Matcher::matches).map(m -> m.group(1))
                        .filter(v -> !v.contains("--")).forEach(versions::add);
            } catch (IOException e) {
                throw new ToolException("cannot list " + dir + " (" + e.getMessage() + ")", e);
            }
        }
        versions.remove(current);
        if (versions.isEmpty()) {
            throw new ToolException("no released schema of " + extension + " in " + dir + ": when you release a version, keep "
                    + "its schema with `pgj schema --save` (it writes " + extension + "--<version>.sql there), then raise the "
                    + "version and run pgj upgrade");
        }
        // Maven's order is how people number versions: 0.9 < 0.10 < 1.0-rc1 < 1.0 < 1.0.1.
        Comparator<String> order = Comparator.comparing(ComparableVersion::new);
        List<String> below = versions.stream().filter(v -> order.compare(v, current) < 0).toList();
        return (below.isEmpty() ? versions : below).stream().max(order).orElseThrow();
    }

    private static String modulePathname(Stage stage) {
        Matcher m = MODULE_PATHNAME.matcher(read(stage.controlFile()));
        return m.find() ? m.group(1) : "$libdir/pgj";
    }

    private static long distinct(List<ProbedObject> objects) {
        return objects.stream().map(ProbedObject::key).distinct().count();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }
}

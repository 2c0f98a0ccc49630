package org.pgj.tooling.installation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.PosixUser;
import org.pgj.tooling.progress.Progress;

/**
 * Copies a {@link Stage} into a PostgreSQL installation (docs/internals.md, "Installed layout").
 * Every file is written through a temp file and a rename, so a running backend never loads a
 * half-written pgj.so or jar.
 */
public final class Installer {
    private Installer() {
    }

    /** One file to put in place. */
    record Copy(Path source, Path target) {
    }

    /** A symbolic link to put in place: {@code $pkglibdir/pgj.so} → {@code pgj-<version>.so} (relative). */
    record Link(Path link, Path target) {
    }

    /** What an install does: folders to create, files to copy, the latest-runtime link to set, old jars to remove. */
    record Plan(Set<Path> dirs, List<Copy> copies, Optional<Link> latest, List<Path> stale) {
        boolean isEmpty() {
            return copies.isEmpty() && latest.isEmpty() && stale.isEmpty() && dirs.stream().allMatch(Files::isDirectory);
        }
    }

    /** Where a symbolic link points, or null when {@code link} is none. */
    private static Path readLink(Path link) {
        try {
            return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Installs into pg_config's folders as the current user; fails up front, naming the folder, if it cannot write there. */
    public static void install(Stage stage, PgConfig pg, boolean withTests, Progress p) {
        install(stage, pg, InstallDirs.of(pg), withTests, p, pg.toString());
    }

    /** Installs into a private server's installation, which the current user owns. */
    public static void install(Stage stage, PgConfig pg, PrivateInstallation target, boolean withTests, Progress p) {
        install(stage, pg, target.dirs(), withTests, p, target.toString());
    }

    private static void install(Stage stage, PgConfig pg, InstallDirs dirs, boolean withTests, Progress p, String where) {
        Plan plan = plan(stage, pg, dirs, withTests);
        // Nothing to write needs no write access: a second install after `--sudo` succeeds.
        if (plan.isEmpty()) {
            p.step(stage.extension() + " " + stage.version() + " is already installed in " + where);
            return;
        }
        for (Path dir : plan.dirs()) {
            checkWritable(dir);
        }
        p.step("installing " + stage.extension() + " " + stage.version() + (withTests ? " with tests" : "")
                + " into " + where);
        Path current = null;
        try {
            for (Path dir : plan.dirs()) {
                current = dir;
                AtomicFiles.createReadableDirectories(dir);
            }
            for (Copy copy : plan.copies()) {
                current = copy.target();
                AtomicFiles.copy(copy.source(), copy.target());
            }
            if (plan.latest().isPresent()) {
                Link latest = plan.latest().get();
                current = latest.link();
                Path tmp = latest.link().resolveSibling("." + latest.link().getFileName() + ".pgj-tmp");
                Files.deleteIfExists(tmp);
                Files.createSymbolicLink(tmp, latest.target());
                Files.move(tmp, latest.link(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            for (Path old : plan.stale()) {
                current = old;
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new ToolException("cannot write " + current + " (" + e.getMessage()
                    + "): run `pgj install --sudo` (Maven: -Dpgj.sudo=true), or run as a user who can write there", e);
        }
        p.step("installed " + plan.copies().size() + " files" + removed(plan));
    }

    /**
     * The same install, done by {@code sudo sh -c} in one go so the password is asked at most once.
     * As root it is simply {@link #install}.
     */
    public static void installWithSudo(Stage stage, PgConfig pg, boolean withTests, Progress p) {
        if (PosixUser.isRoot()) {
            install(stage, pg, withTests, p);
            return;
        }
        Plan plan = plan(stage, pg, InstallDirs.of(pg), withTests);
        if (plan.isEmpty()) {
            p.step(stage.extension() + " " + stage.version() + " is already installed in " + pg);
            return;
        }
        if (Exec.onPath("sudo").isEmpty()) {
            throw new ToolException("sudo is not installed: run the install as root, or apt-get install sudo");
        }
        StringBuilder script = new StringBuilder("set -e\numask 022\n");
        for (Path dir : plan.dirs()) {
            script.append("mkdir -p ").append(quote(dir)).append('\n');
        }
        for (Copy copy : plan.copies()) {
            Path tmp = copy.target().resolveSibling("." + copy.target().getFileName() + ".pgj-tmp");
            script.append("install -m 0644 ").append(quote(copy.source())).append(' ').append(quote(tmp))
                    .append(" && mv -f ").append(quote(tmp)).append(' ').append(quote(copy.target())).append('\n');
        }
        plan.latest().ifPresent(latest -> script.append("ln -sfn ").append(quote(latest.target())).append(' ')
                .append(quote(latest.link())).append('\n'));
        for (Path old : plan.stale()) {
            script.append("rm -f ").append(quote(old)).append('\n');
        }
        p.step("installing " + stage.extension() + " " + stage.version() + (withTests ? " with tests" : "")
                + " into " + pg + " with sudo");
        int exit = Exec.interactive(List.of("sudo", "sh", "-c", script.toString()), null);
        if (exit != 0) {
            throw new ToolException("`sudo sh -c <install script>` failed (exit " + exit
                    + "): check that you may use sudo, or install as root");
        }
        p.step("installed " + plan.copies().size() + " files" + removed(plan));
    }

    static Plan plan(Stage stage, PgConfig pg, boolean withTests) {
        return plan(stage, pg, InstallDirs.of(pg), withTests);
    }

    static Plan plan(Stage stage, PgConfig pg, InstallDirs target, boolean withTests) {
        checkSameServer(stage, pg);
        Set<Path> dirs = new LinkedHashSet<>();
        List<Copy> copies = new ArrayList<>();
        List<Path> stale = new ArrayList<>();

        Path extensionDir = target.extensionDir();
        Path pgjDir = target.pgjDir();
        PgjRuntime runtime = stage.runtime();
        dirs.add(target.pkglibdir());
        dirs.add(extensionDir);
        dirs.add(target.runtimeDir(runtime));
        // Only this pgj version's runtime is written: another version's files stay as they are.
        copies.add(new Copy(stage.library(), target.library(runtime)));
        for (Path file : files(stage.extensionDir())) {
            copies.add(new Copy(file, extensionDir.resolve(file.getFileName().toString())));
        }
        copies.add(new Copy(stage.apiJar(), target.runtimeDir(runtime).resolve("pgj-api.jar")));
        replaceJars(stage.extensionJars(), pgjDir.resolve(stage.extension()), dirs, copies, stale);
        if (withTests) {
            if (!stage.hasTests()) {
                throw new ToolException("the stage in " + stage.dir() + " has no tests (" + stage.testJars()
                        + " is empty): build the project with its test classes (without -Dmaven.test.skip)");
            }
            replaceJars(stage.testJars(), pgjDir.resolve(stage.extension() + Stage.TEST_SUFFIX), dirs, copies, stale);
        }
        // Identical files are left alone: their mtimes stay, so the JVM's AOT cache, which
        // checks the class path's jars, stays valid across reinstalls of the same build.
        copies.removeIf(Installer::alreadyInstalled);
        Path linkTarget = Path.of(runtime.libraryFile());
        Optional<Link> latest = linkTarget.equals(readLink(target.latestLink())) ? Optional.empty()
                : Optional.of(new Link(target.latestLink(), linkTarget));
        return new Plan(dirs, copies, latest, stale);
    }

    private static boolean alreadyInstalled(Copy copy) {
        try {
            return Files.isRegularFile(copy.target()) && Files.mismatch(copy.source(), copy.target()) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The jar folder is replaced wholesale: its class path is "every jar in the folder", so a jar
     * left from an older build (a dropped or upgraded dependency) would still be loaded. New jars
     * are renamed in before the old ones are removed, so the folder is never empty meanwhile.
     */
    private static void replaceJars(Path from, Path to, Set<Path> dirs, List<Copy> copies, List<Path> stale) {
        dirs.add(to);
        Set<String> fresh = new LinkedHashSet<>();
        for (Path jar : Stage.jars(from)) {
            fresh.add(jar.getFileName().toString());
            copies.add(new Copy(jar, to.resolve(jar.getFileName().toString())));
        }
        for (Path old : Stage.jars(to)) {
            if (!fresh.contains(old.getFileName().toString())) {
                stale.add(old);
            }
        }
    }

    /** pgj.so is built against one server's headers; another major would refuse to load it. */
    private static void checkSameServer(Stage stage, PgConfig pg) {
        if (stage.pgConfig().equals(pg.path()) || !Files.isExecutable(stage.pgConfig())) {
            return;
        }
        PgConfig built = PgConfig.find(stage.pgConfig());
        if (built.major() != pg.major()) {
            throw new ToolException("the stage in " + stage.dir() + " was built for PostgreSQL " + built.major()
                    + " (" + built.path() + "), not for " + pg.major() + " (" + pg.path()
                    + "): rebuild it with -Dpgj.pgConfig=" + pg.path());
        }
    }

    private static void checkWritable(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new ToolException(notWritable(existing));
        }
    }

    static String notWritable(Path dir) {
        String owner;
        try {
            owner = Files.getOwner(dir).getName();
        } catch (IOException | UnsupportedOperationException e) {
            owner = "unknown";
        }
        return "cannot write to " + dir + " (owned by " + owner + "): run `pgj install --sudo` (Maven: -Dpgj.sudo=true), "
                + "or run as a user who can write there";
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new ToolException("cannot list " + dir + " (" + e.getMessage() + "): rebuild the extension project", e);
        }
    }

    private static String removed(Plan plan) {
        return plan.stale().isEmpty() ? "" : ", removed " + plan.stale().size() + " old jar(s)";
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}

package org.pgj.tooling.installation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.progress.Progress;

/**
 * A private copy of a PostgreSQL installation whose extension folders the current user can
 * write, so private servers load extensions without root (PostgreSQL 15 has no
 * {@code extension_control_path}).
 *
 * <p>PostgreSQL finds its share and library folders relative to the real path of the running
 * {@code postgres} binary: it replaces the compiled-in bindir by the binary's folder
 * ({@code make_relative_path} in src/port/path.c), and resolves symlinks first. So under a root
 * folder this class mirrors the absolute paths of {@code pg_config}:
 * <pre>
 * &lt;root&gt;/usr/lib/postgresql/15/bin/postgres   a copy of the binary (a symlink would resolve back)
 * &lt;root&gt;/usr/lib/postgresql/15/lib/           symlinks to the system's modules (not its pgj runtimes), plus ours
 * &lt;root&gt;/usr/share/postgresql/15/              symlinks to the system's share entries, except:
 *     extension/                                a real folder: symlinks to the system's files, plus ours
 *     pgj/                                      a real folder: only what was installed here
 * </pre>
 * A server started from that binary ({@code pg_ctl start -p}) reports these folders as its
 * {@code $libdir} and share folder. pgj extensions installed into the system are hidden, so a
 * private server sees exactly what was installed into it.
 */
public final class PrivateInstallation {
    private final PgConfig pg;
    private final Path root;

    public PrivateInstallation(PgConfig pg, Path root) {
        this.pg = pg;
        this.root = root.toAbsolutePath().normalize();
    }

    /** The folder that stands for {@code /}: {@code tar -xzf package.tar.gz -C <root>} installs a package here. */
    public Path root() {
        return root;
    }

    public Path postgres() {
        return mirror(pg.bindir()).resolve("postgres");
    }

    public InstallDirs dirs() {
        return new InstallDirs(mirror(pg.pkglibdir()), mirror(pg.sharedir()));
    }

    private Path mirror(Path systemPath) {
        return root.resolve(systemPath.toAbsolutePath().normalize().toString().substring(1));
    }

    /**
     * Creates or refreshes the copy: the binary if the system's changed (a minor upgrade), a
     * symlink for every system file that appeared, none for those that went away. Files
     * installed here are never touched. Cheap when nothing changed.
     */
    public void sync(Progress p) {
        try {
            copyBinary(p);
            InstallDirs dirs = dirs();
            AtomicFiles.createReadableDirectories(dirs.pkglibdir());
            AtomicFiles.createReadableDirectories(dirs.extensionDir());
            AtomicFiles.createReadableDirectories(dirs.pgjDir());
            linkEntries(pg.pkglibdir(), dirs.pkglibdir(), PrivateInstallation::isPgjRuntime);
            linkEntries(pg.sharedir(), dirs.sharedir(), List.of("extension", "pgj")::contains);
            linkEntries(pg.sharedir().resolve("extension"), dirs.extensionDir(), pgjExtensionFiles()::contains);
        } catch (IOException e) {
            throw new ToolException("cannot prepare the private PostgreSQL installation in " + root + " ("
                    + e.getMessage() + "): make it writable, or delete it and run again", e);
        }
    }

    private void copyBinary(Progress p) throws IOException {
        Path system = pg.bindir().resolve("postgres");
        if (!Files.isRegularFile(system)) {
            throw new ToolException("PostgreSQL " + pg.major() + " has no server binary " + system
                    + ": apt-get install postgresql-" + pg.major());
        }
        Path copy = postgres();
        if (Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS) && Files.size(copy) == Files.size(system)
                && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(system))) {
            return;
        }
        p.step("copying " + system + " into the private installation " + root);
        AtomicFiles.createReadableDirectories(copy.getParent());
        Path tmp = copy.resolveSibling(".postgres.pgj-tmp");
        Files.copy(system, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Mirrors every entry of {@code from} as a symlink in {@code to}, except {@code skip}; drops dangling links. */
    private static void linkEntries(Path from, Path to, Predicate<String> skip) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> entries = Files.list(from)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    String name = entry.getFileName().toString();
                    Path link = to.resolve(name);
                    if (!skip.test(name) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, entry);
                    }
                }
            }
        }
        try (Stream<Path> entries = Files.list(to)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                boolean link = Files.isSymbolicLink(entry);
                // A skipped name's link into the system's folder goes; ours (pgj.so → pgj-VERSION.so, relative) stays.
                if (link && (!Files.exists(entry)
                        || skip.test(entry.getFileName().toString()) && Files.readSymbolicLink(entry).startsWith(from))) {
                    Files.delete(entry);
                }
            }
        }
    }

    /**
     * The system's files of pgj extensions (control files naming {@code $libdir/pgj}, and their
     * scripts): their jars live in the system's pgj folder, which is not mirrored.
     */
    private List<String> pgjExtensionFiles() throws IOException {
        Path dir = pg.sharedir().resolve("extension");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> extensions;
        try (Stream<Path> controls = Files.list(dir)) {
            extensions = controls.filter(f -> f.getFileName().toString().endsWith(".control"))
                    .filter(PrivateInstallation::isPgjControlFile)
                    .map(f -> f.getFileName().toString().replaceFirst("\\.control$", ""))
                    .toList();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> extensions.stream().anyMatch(ext -> name.equals(ext + ".control")
                            || name.startsWith(ext + "--") && name.endsWith(".sql")))
                    .toList();
        }
    }

    /** The system's pgj runtimes, of any version, and their pgj.so link: a private server sees only its own. */
    private static boolean isPgjRuntime(String name) {
        return name.equals(PgjRuntime.LATEST_LINK) || name.startsWith("pgj-") && name.endsWith(".so");
    }

    private static boolean isPgjControlFile(Path control) {
        try {
            return PgjRuntime.isPgjControl(new String(Files.readAllBytes(control), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "private installation of PostgreSQL " + pg.major() + " in " + root;
    }
}

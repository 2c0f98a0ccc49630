package org.pgj.tooling.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.installation.InstallDirs;
import org.pgj.tooling.installation.PgjRuntime;

/**
 * The Debian packages of a package tree ({@code pgj package --deb}), built with dpkg-deb. pgj's
 * shared runtime, pgj-VERSION.so and the pgj/lib/VERSION folder (the same for every extension of
 * one pgj version), goes into {@code postgresql-NN-pgj-VERSION}; the extension's own files into
 * {@code postgresql-NN-EXT}, which depends on that runtime at exactly this pgj version. dpkg
 * refuses a file that two packages hold, so this split is what lets two pgj extensions' packages
 * install side by side; the version in the runtime's name and files is what lets the runtimes of
 * two pgj versions do so too (Debian installs one version of a package name at a time).
 * The runtime depends on the Debian package of the JDK that built pgj.so, which is the default
 * {@code pgj.java_home}.
 */
public final class DebPackage {
    private static final Pattern DEBIAN_VERSION = Pattern.compile("[0-9][A-Za-z0-9.+~]*");

    /** What a package holds and says about itself. */
    public record Control(String name, String version, String depends, String summary) {
    }

    /** The runtime's and the extension's .deb files; the JDK's package the runtime depends on, or null. */
    public record Debs(Path runtime, Path extension, String jdkPackage) {
    }

    private DebPackage() {
    }

    /**
     * Writes both .deb files into {@code out} from {@code tree} (paths relative to it, as
     * {@link PackageCommand#write} lists them) for PostgreSQL {@code major} installed at {@code target}.
     */
    public static Debs write(Path tree, List<Path> files, InstallDirs target, int major, String extension, String extensionVersion,
            String pgjVersion, Path javaHome, Path out) {
        PgjRuntime pgj = new PgjRuntime(pgjVersion);
        Path library = relative(target.library(pgj));
        Path runtimeDir = relative(target.runtimeDir(pgj));
        List<Path> runtimeFiles = new ArrayList<>();
        List<Path> extensionFiles = new ArrayList<>();
        for (Path file : files) {
            (file.equals(library) || file.startsWith(runtimeDir) ? runtimeFiles : extensionFiles).add(file);
        }
        String postgresql = "postgresql-" + major;
        String runtimeVersion = debianVersion(pgjVersion, "pgj's version");
        String jdk = jdkPackage(javaHome);
        Control runtime = new Control(postgresql + "-pgj-" + packageNamePart(pgjVersion), runtimeVersion, postgresql + (jdk == null ? "" : ", " + jdk),
                "pgj " + pgjVersion + " runtime for PostgreSQL " + major + " (extensions in Java)");
        Control ext = new Control(postgresql + "-" + extension.replace('_', '-'), debianVersion(extensionVersion, "the extension's version"),
                postgresql + ", " + runtime.name() + " (= " + runtimeVersion + ")",
                extension + " " + extensionVersion + ", a PostgreSQL " + major + " extension in Java (pgj)");
        String architecture = run(List.of("dpkg", "--print-architecture")).output().strip();
        try {
            Files.createDirectories(out);
            return new Debs(build(tree, runtimeFiles, runtime, architecture, out), build(tree, extensionFiles, ext, architecture, out), jdk);
        } catch (IOException e) {
            throw new ToolException("cannot write the Debian packages into " + out + " (" + e.getMessage()
                    + "): check that the build folder is writable", e);
        }
    }

    /** A version inside a package name, which holds only lowercase letters, digits, '.', '+' and '-': 0.1.0-snapshot. */
    static String packageNamePart(String version) {
        return version.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.+-]", "-");
    }

    /** Maven's 0.1.0-SNAPSHOT as Debian's 0.1.0~SNAPSHOT, which sorts before 0.1.0 as it should. */
    static String debianVersion(String version, String what) {
        String debian = version.replace('-', '~');
        if (!DEBIAN_VERSION.matcher(debian).matches()) {
            throw new ToolException(what + " " + version + " cannot be a Debian package version (it must start with a digit and hold "
                    + "only letters, digits, '.', '+', '-' and '~'): change it in pom.xml, or package with pgj package (a .tar.gz)");
        }
        return debian;
    }

    /** The Debian package that holds {@code javaHome}'s libjvm.so, or null (a JDK unpacked by hand). */
    private static String jdkPackage(Path javaHome) {
        Exec.Result owner = Exec.run(List.of("dpkg-query", "-S", javaHome.resolve("lib/server/libjvm.so").toString()), 60);
        if (!owner.ok()) {
            return null;
        }
        String line = owner.output().lines().findFirst().orElse("");
        int colon = line.indexOf(':');
        // "temurin-25-jdk: /usr/lib/jvm/...", or with an architecture: "openjdk-25-jre-headless:amd64: ..."
        return colon > 0 ? line.substring(0, colon) : null;
    }

    private static Path build(Path tree, List<Path> files, Control control, String architecture, Path out) throws IOException {
        String base = control.name() + "_" + control.version() + "_" + architecture;
        Path root = out.resolve(base);
        AtomicFiles.deleteRecursively(root);
        Files.createDirectories(root.resolve("DEBIAN"));
        for (Path file : files) {
            Path into = root.resolve(file);
            Files.createDirectories(into.getParent());
            Files.copy(tree.resolve(file), into, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(into, PosixFilePermissions.fromString(Files.isExecutable(tree.resolve(file)) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        Files.writeString(root.resolve("DEBIAN/control"), String.join("\n",
                "Package: " + control.name(),
                "Version: " + control.version(),
                "Architecture: " + architecture,
                "Maintainer: " + System.getProperty("user.name") + " <" + System.getProperty("user.name") + "@localhost>",
                "Depends: " + control.depends(),
                "Section: database",
                "Priority: optional",
                "Description: " + control.summary(),
                " Built with pgj package --deb.",
                ""));
        // Folders as a package's are: 0755, whatever the umask made them.
        try (var dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Path deb = out.resolve(base + ".deb");
        run(List.of("dpkg-deb", "--root-owner-group", "--build", root.toString(), deb.toString()));
        AtomicFiles.deleteRecursively(root);
        return deb;
    }

    private static Path relative(Path absolute) {
        return Path.of(absolute.toAbsolutePath().normalize().toString().substring(1));
    }

    private static Exec.Result run(List<String> command) {
        Exec.Result r;
        try {
            r = Exec.run(command, null, Map.of(), 300);
        } catch (ToolException e) {
            throw new ToolException("pgj package --deb needs " + command.get(0) + ", from Debian's dpkg package (a Debian or Ubuntu "
                    + "machine): " + e.getMessage(), e);
        }
        if (!r.ok()) {
            throw new ToolException("`" + String.join(" ", command) + "` failed (exit " + r.exitCode() + "):\n" + r.tail(20));
        }
        return r;
    }
}

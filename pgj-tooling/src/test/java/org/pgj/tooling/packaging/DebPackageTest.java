package org.pgj.tooling.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.installation.InstallDirs;

/** pgj package --deb's two packages, read back with dpkg-deb (the end-to-end test installs them with apt). */
class DebPackageTest {
    private static final InstallDirs DEBIAN_15 = new InstallDirs(Path.of("/usr/lib/postgresql/15/lib"), Path.of("/usr/share/postgresql/15"));

    @TempDir
    Path tmp;

    @Test
    void theRuntimeAndTheExtensionGoIntoTwoPackagesThatDependOnPostgresqlAndEachOther() throws IOException {
        assumeTrue(Exec.run(List.of("sh", "-c", "command -v dpkg-deb"), 30).ok(), "dpkg-deb is Debian's");
        Path tree = tmp.resolve("tree");
        List<Path> files = new ArrayList<>();
        file(tree, files, "usr/lib/postgresql/15/lib/pgj-0.2.0-SNAPSHOT.so", true);
        file(tree, files, "usr/share/postgresql/15/extension/hello_world--0.1.0.sql", false);
        file(tree, files, "usr/share/postgresql/15/extension/hello_world.control", false);
        file(tree, files, "usr/share/postgresql/15/pgj/lib/0.2.0-SNAPSHOT/pgj-api.jar", false);
        file(tree, files, "usr/share/postgresql/15/pgj/hello_world/hello_world.jar", false);

        DebPackage.Debs debs = DebPackage.write(tree, files, DEBIAN_15, 15, "hello_world", "0.1.0", "0.2.0-SNAPSHOT",
                Path.of(System.getProperty("java.home")), tmp.resolve("deb"));

        String arch = Exec.run(List.of("dpkg", "--print-architecture"), 30).output().strip();
        assertEquals(tmp.resolve("deb/postgresql-15-pgj-0.2.0-snapshot_0.2.0~SNAPSHOT_" + arch + ".deb"), debs.runtime());
        assertEquals(tmp.resolve("deb/postgresql-15-hello-world_0.1.0_" + arch + ".deb"), debs.extension());
        assertEquals("postgresql-15, postgresql-15-pgj-0.2.0-snapshot (= 0.2.0~SNAPSHOT)", field(debs.extension(), "Depends"));
        String runtimeDepends = field(debs.runtime(), "Depends");
        assertTrue(runtimeDepends.startsWith("postgresql-15"), runtimeDepends);
        Exec.Result jdk = Exec.run(List.of("dpkg-query", "-S", System.getProperty("java.home") + "/lib/server/libjvm.so"), 30);
        if (jdk.ok()) {
            String owner = jdk.output().substring(0, jdk.output().indexOf(':'));
            assertEquals("postgresql-15, " + owner, runtimeDepends, "the runtime depends on the package of the JDK that pgj.so defaults to");
            assertEquals(owner, debs.jdkPackage());
        } else {
            assertEquals("postgresql-15", runtimeDepends, "a JDK unpacked by hand adds no dependency");
            assertEquals(null, debs.jdkPackage());
        }
        assertEquals(List.of("-rwxr-xr-x root/root ./usr/lib/postgresql/15/lib/pgj-0.2.0-SNAPSHOT.so",
                "-rw-r--r-- root/root ./usr/share/postgresql/15/pgj/lib/0.2.0-SNAPSHOT/pgj-api.jar"), contents(debs.runtime()),
                "the runtime's files name its version, so another version's runtime package installs beside it");
        assertEquals(List.of("-rw-r--r-- root/root ./usr/share/postgresql/15/extension/hello_world--0.1.0.sql",
                "-rw-r--r-- root/root ./usr/share/postgresql/15/extension/hello_world.control",
                "-rw-r--r-- root/root ./usr/share/postgresql/15/pgj/hello_world/hello_world.jar"), contents(debs.extension()));
    }

    @Test
    void versionsBecomeDebianVersionsOrAreRefused() {
        assertEquals("1.2.3", DebPackage.debianVersion("1.2.3", "v"));
        assertEquals("1.0~beta~2", DebPackage.debianVersion("1.0-beta-2", "v"));
        ToolException e = assertThrows(ToolException.class, () -> DebPackage.debianVersion("v1.0", "the extension's version"));
        assertTrue(e.getMessage().startsWith("the extension's version v1.0 cannot be a Debian package version"), e.getMessage());
    }

    private static void file(Path tree, List<Path> files, String path, boolean executable) throws IOException {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxrwxr-x" : "rw-rw-r--"));
        files.add(Path.of(path));
    }

    private static String field(Path deb, String name) {
        return Exec.run(List.of("dpkg-deb", "-f", deb.toString(), name), 30).output().strip();
    }

    /** Regular files as "mode owner path", by path. */
    private static List<String> contents(Path deb) {
        return Exec.run(List.of("dpkg-deb", "-c", deb.toString()), 30).output().lines().filter(l -> l.startsWith("-"))
                .map(l -> l.split("\\s+")).sorted(java.util.Comparator.comparing(f -> f[5])).map(f -> f[0] + " " + f[1] + " " + f[5])
                .toList();
    }
}

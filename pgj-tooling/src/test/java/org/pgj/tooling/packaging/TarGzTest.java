package org.pgj.tooling.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.Exec;

/** The archive as GNU tar reads it: root-owned files with their modes, long paths, no folder entries. */
class TarGzTest {
    @TempDir
    Path tmp;

    @Test
    void tarListsAndExtractsExactlyTheFiles() throws IOException {
        Path tree = tmp.resolve("tree");
        Path lib = Files.createDirectories(tree.resolve("usr/lib/postgresql/15/lib"));
        Files.write(lib.resolve("pgj.so"), new byte[1234]);
        Files.setPosixFilePermissions(lib.resolve("pgj.so"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String deep = "usr/share/postgresql/15/pgj/an_extension_with_a_rather_long_name/"
                + "some-dependency-with-a-long-artifact-name-and-classifier-1.2.3-linux-x86_64.jar";
        Files.createDirectories(tree.resolve(deep).getParent());
        Files.writeString(tree.resolve(deep), "jar");
        Path archive = tmp.resolve("x.tar.gz");

        TarGz.write(tree, List.of(Path.of("usr/lib/postgresql/15/lib/pgj.so"), Path.of(deep)), archive);

        Exec.Result list = Exec.run(List.of("tar", "-tvzf", archive.toString()), 30);
        assertTrue(list.ok(), list.output());
        List<String> lines = list.output().lines().toList();
        assertEquals(2, lines.size(), list.output());
        assertTrue(lines.get(0).startsWith("-rwxr-xr-x root/root      1234 "), lines.get(0));
        assertTrue(lines.get(0).endsWith(" usr/lib/postgresql/15/lib/pgj.so"), lines.get(0));
        assertTrue(lines.get(1).startsWith("-rw-r--r-- root/root         3 "), lines.get(1));
        assertTrue(lines.get(1).endsWith(" " + deep), lines.get(1));

        Path root = Files.createDirectories(tmp.resolve("root"));
        assertTrue(Exec.run(List.of("tar", "-xzf", archive.toString(), "-C", root.toString()), 30).ok());
        assertEquals(1234, Files.size(root.resolve("usr/lib/postgresql/15/lib/pgj.so")));
        assertEquals("jar", Files.readString(root.resolve(deep)));
    }

    @Test
    void aFileNameLongerThanUstarHoldsIsKept() throws IOException {
        String name = "x".repeat(120) + ".jar";
        Files.writeString(Files.createDirectories(tmp.resolve("t")).resolve(name), "j");
        Path archive = tmp.resolve("a.tar.gz");
        TarGz.write(tmp.resolve("t"), List.of(Path.of(name)), archive);
        Path root = Files.createDirectories(tmp.resolve("root"));
        assertTrue(Exec.run(List.of("tar", "-xzf", archive.toString(), "-C", root.toString()), 30).ok());
        assertEquals("j", Files.readString(root.resolve(name)));
    }
}

package org.pgj.tooling.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.pgj.tooling.Exec;

/** A .tar.bz2 laid out like PostgreSQL's source (postgresql-X.Y/configure), big enough to pass the size check. */
final class FakeSourceTarball {
    private FakeSourceTarball() {
    }

    /** {@code <dir>/<name>} holding {@code <top>/configure} (unless {@code withConfigure} is false) and filler. */
    static Path create(Path dir, String name, String top, boolean withConfigure) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree-" + name).resolve(top));
        if (withConfigure) {
            // Fails as configure does on a machine without readline's headers.
            Path configure = Files.writeString(tree.resolve("configure"),
                    "#!/bin/sh\necho 'checking for readline... no'\necho 'configure: error: readline library not found' >&2\nexit 1\n");
            configure.toFile().setExecutable(true);
        }
        byte[] filler = new byte[(int) SourceTarball.MINIMUM_SIZE + 4096];
        new Random(42).nextBytes(filler); // incompressible, so the tarball stays above the minimum size
        Files.write(tree.resolve("filler.bin"), filler);
        Path tarball = dir.resolve(name);
        Exec.Result r = Exec.run(List.of("tar", "-cjf", tarball.toString(), "-C", tree.getParent().toString(), top), 120);
        if (!r.ok()) {
            throw new IOException("tar failed: " + r.output());
        }
        return tarball;
    }
}

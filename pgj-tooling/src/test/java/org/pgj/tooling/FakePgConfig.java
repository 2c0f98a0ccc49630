package org.pgj.tooling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A shell-script pg_config answering with folders under a temp dir, for tests that must not touch the real install. */
public final class FakePgConfig {
    private FakePgConfig() {
    }

    /** Writes {@code <root>/bin/pg_config} reporting the given version, with share/lib/include under root. */
    public static Path create(Path root, String version) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("share"));
        Files.createDirectories(root.resolve("lib"));
        Files.createDirectories(root.resolve("include/server"));
        Path script = bin.resolve("pg_config");
        Files.writeString(script, """
                #!/bin/sh
                for a in "$@"; do
                  case "$a" in
                    --version) echo "PostgreSQL %s (fake)";;
                    --bindir) echo "%s/bin";;
                    --pkglibdir) echo "%s/lib";;
                    --sharedir) echo "%s/share";;
                    --includedir-server) echo "%s/include/server";;
                    --pgxs) echo "%s/lib/pgxs/src/makefiles/pgxs.mk";;
                    *) echo "unknown option $a" >&2; exit 1;;
                  esac
                done
                """.formatted(version, root, root, root, root, root));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}

package org.pgj.tooling.installation;

import java.nio.file.Path;
import org.pgj.tooling.build.NativeBuild;
import org.pgj.tooling.env.PgConfig;

/**
 * Where an extension's files go (docs/internals.md, "Installed layout"): the system folders of a
 * {@code pg_config}, or those of a private server's {@link PrivateInstallation}.
 */
public record InstallDirs(Path pkglibdir, Path sharedir) {
    /** The folders {@code pg_config} reports: what {@code pgj install} writes to. */
    public static InstallDirs of(PgConfig pg) {
        return new InstallDirs(pg.pkglibdir(), pg.sharedir());
    }

    /** {@code $sharedir/extension}: control files and SQL scripts. */
    public Path extensionDir() {
        return sharedir.resolve("extension");
    }

    /** {@code $sharedir/pgj}: the runtime jar ({@code lib/}) and one jar folder per extension. */
    public Path pgjDir() {
        return sharedir.resolve("pgj");
    }

    /** {@code $pkglibdir/pgj.so}. */
    public Path library() {
        return pkglibdir.resolve(NativeBuild.LIBRARY);
    }
}

package org.pgj.tooling.installation;

import java.nio.file.Path;
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

    /** {@code $sharedir/pgj}: the runtimes' jars ({@code lib/<version>/}) and one jar folder per extension. */
    public Path pgjDir() {
        return sharedir.resolve("pgj");
    }

    /** {@code $pkglibdir/pgj-<version>.so}. */
    public Path library(PgjRuntime runtime) {
        return pkglibdir.resolve(runtime.libraryFile());
    }

    /** {@code $sharedir/pgj/lib/<version>/}: the runtime's pgj-api.jar and AOT cache. */
    public Path runtimeDir(PgjRuntime runtime) {
        return runtime.dir(pgjDir());
    }

    /** {@code $pkglibdir/pgj.so}, the link to the runtime installed last ({@link PgjRuntime#LATEST_LINK}). */
    public Path latestLink() {
        return pkglibdir.resolve(PgjRuntime.LATEST_LINK);
    }
}

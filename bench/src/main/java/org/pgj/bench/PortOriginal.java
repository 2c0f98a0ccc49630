package org.pgj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.InstallDirs;
import org.pgj.tooling.progress.Progress;

/**
 * A C extension as its authors released it in {@code ../shared/ports} (the original of a port under
 * {@code examples/ports}), built with PGXS in {@code bench/target/ports} and installed into the
 * benchmark server's installation as {@code <extension>_c}: its library, control file and install
 * script renamed, so that it sits next to the port, which has the original's name.
 *
 * @param folder the release's folder under the ports folder
 * @param extension the extension's name
 * @param library the library PGXS builds, relative to the folder
 * @param script the install script of the default version, relative to the folder, once built
 */
record PortOriginal(String folder, String extension, String library, String script) {
    static final PortOriginal PG_SIMILARITY = new PortOriginal("pg_similarity-1.0", "pg_similarity", "pg_similarity.so",
            "pg_similarity--1.0.sql");
    static final PortOriginal FIRST_LAST_AGG = new PortOriginal("first_last_agg-0.1.4", "first_last_agg",
            "src/first_last_agg.so", "sql/first_last_agg--0.1.4.sql");
    static final PortOriginal NUMERAL = new PortOriginal("numeral-1.3", "numeral", "numeral.so", "numeral--1.sql");

    /** {@code <extension>_c}, what the benchmark creates it as. */
    String installedName() {
        return extension + "_c";
    }

    /** The originals' folder: beside the checkout, as CI clones it, or {@code PGJ_PORTS}. */
    static Path portsFolder(Path root) {
        String env = System.getenv("PGJ_PORTS");
        Path folder = env != null ? Path.of(env) : root.resolveSibling("shared").resolve("ports");
        if (!Files.isDirectory(folder)) {
            throw new ToolException("the C originals are not in " + folder + ": clone shared/ beside the pgj checkout,"
                    + " or set PGJ_PORTS to the folder that holds pg_similarity-1.0 and first_last_agg-0.1.4");
        }
        return folder;
    }

    void buildAndInstall(PgConfig pg, InstallDirs dirs, Path ports, Path buildRoot, Progress p) {
        pg.checkCanBuild();
        Path build = buildRoot.resolve(folder);
        try {
            copy(ports.resolve(folder), build);
            p.step("building the C original " + folder + " with PGXS in " + build + " ...");
            CFunction.make(pg, build, folder);
            // The library and every mention of it under the new name, so the original and the port never share a file.
            String module = library.substring(library.lastIndexOf('/') + 1).replaceFirst("\\.so$", "");
            Path so = dirs.pkglibdir().resolve(installedName() + ".so");
            Path tmp = so.resolveSibling("." + installedName() + ".so.bench-tmp");
            Files.copy(build.resolve(library), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, so, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            String control = Files.readString(build.resolve(extension + ".control"))
                    .replace("$libdir/" + module, "$libdir/" + installedName());
            Files.writeString(dirs.extensionDir().resolve(installedName() + ".control"), control);
            String sql = Files.readString(build.resolve(script)).replace("$libdir/" + module, "$libdir/" + installedName());
            String version = script.substring(script.lastIndexOf("--") + 2);
            Files.writeString(dirs.extensionDir().resolve(installedName() + "--" + version), sql);
        } catch (IOException e) {
            throw new ToolException("cannot build or install the C original " + folder + " (" + e.getMessage()
                    + "): check that " + build + " and " + dirs.pkglibdir() + " are writable", e);
        }
        p.step("installed the C original " + folder + " as extension " + installedName());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

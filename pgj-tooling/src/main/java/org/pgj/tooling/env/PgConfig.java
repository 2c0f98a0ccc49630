package org.pgj.tooling.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;

/**
 * One PostgreSQL installation, as its {@code pg_config} describes it. Everything pgj builds or
 * installs is relative to one pg_config, so a machine with several majors stays unambiguous.
 */
public final class PgConfig {
    private static final String INSTALL_HINT_ANY = installHint(15);
    private static final Pattern VERSION = Pattern.compile("PostgreSQL (\\d+)(?:\\.(\\d+))?");

    private final Path path;
    private final String versionLine;
    private final String version;
    private final int major;
    private final Path bindir;
    private final Path pkglibdir;
    private final Path sharedir;
    private final Path includedirServer;
    private final Path pgxs;

    private PgConfig(Path path, String versionLine, String version, int major, Path bindir, Path pkglibdir, Path sharedir,
                     Path includedirServer, Path pgxs) {
        this.path = path;
        this.versionLine = versionLine;
        this.version = version;
        this.major = major;
        this.bindir = bindir;
        this.pkglibdir = pkglibdir;
        this.sharedir = sharedir;
        this.includedirServer = includedirServer;
        this.pgxs = pgxs;
    }

    /**
     * The explicit path if given, else $PG_CONFIG, else pg_config on PATH, else the highest
     * /usr/lib/postgresql/NN/bin/pg_config (Debian does not put every major on PATH).
     */
    public static PgConfig find(Path explicitOrNull) {
        return find(explicitOrNull, System.getenv(), Path.of("/usr/lib/postgresql"));
    }

    /**
     * The pg_config at {@code path}, given for PostgreSQL {@code major} (as {@code pgj init --pg16}):
     * if it is missing or broken, the hint names that major's packages.
     */
    public static PgConfig forMajor(Path path, int major) {
        return load(path, "--pg" + major, installHint(major));
    }

    static PgConfig find(Path explicitOrNull, Map<String, String> env, Path debianRoot) {
        if (explicitOrNull != null) {
            return load(explicitOrNull, "the given path");
        }
        String fromEnv = env.get("PG_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return load(Path.of(fromEnv), "PG_CONFIG");
        }
        Optional<Path> onPath = Exec.onPath("pg_config", env.get("PATH"));
        if (onPath.isPresent()) {
            return load(onPath.get(), "PATH");
        }
        Optional<Path> debian = highestDebian(debianRoot);
        if (debian.isPresent()) {
            return load(debian.get(), debianRoot.toString());
        }
        throw new ToolException("no pg_config found (looked at PG_CONFIG, PATH and " + debianRoot
                + "/*/bin): install PostgreSQL with `" + INSTALL_HINT_ANY
                + "`, or point -Dpgj.pgConfig / PG_CONFIG at your pg_config");
    }

    private static Optional<Path> highestDebian(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .map(d -> d.resolve("bin/pg_config"))
                    .filter(Files::isExecutable)
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getParent().getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String installHint(int major) {
        return "apt-get install postgresql-" + major + " postgresql-server-dev-" + major;
    }

    private static PgConfig load(Path path, String source) {
        return load(path, source, INSTALL_HINT_ANY);
    }

    private static PgConfig load(Path path, String source, String installHint) {
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new ToolException("pg_config " + path + " (from " + source + ") does not exist or is not executable: "
                    + "install PostgreSQL with `" + installHint + "`, or fix the path");
        }
        List<String> options = List.of("--version", "--bindir", "--pkglibdir", "--sharedir", "--includedir-server", "--pgxs");
        List<String> command = new ArrayList<>();
        command.add(path.toString());
        command.addAll(options);
        Exec.Result r = Exec.run(command, 30);
        List<String> lines = r.output().lines().toList();
        Matcher m = VERSION.matcher(lines.isEmpty() ? "" : lines.get(0));
        boolean printsAVersion = m.find();
        // A program that succeeds without naming a PostgreSQL version (PG_CONFIG=/usr/bin/true) is no pg_config at all.
        if (r.ok() && !printsAVersion) {
            throw new ToolException(path + " (from " + source + ") is not a pg_config: asked for --version, it printed "
                    + (lines.isEmpty() ? "nothing" : "'" + lines.get(0).strip() + "'")
                    + "; point -Dpgj.pgConfig / PG_CONFIG at PostgreSQL's own pg_config (e.g. "
                    + "/usr/lib/postgresql/15/bin/pg_config), or unset PG_CONFIG to let pgj find one");
        }
        if (!r.ok() || lines.size() < options.size()) {
            throw new ToolException("`" + path + " " + String.join(" ", options) + "` failed (exit " + r.exitCode() + "): "
                    + r.tail(5) + "\nreinstall PostgreSQL's development files (`" + installHint + "`)");
        }
        String version = m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
        return new PgConfig(path.toAbsolutePath(), lines.get(0).strip(), version, Integer.parseInt(m.group(1)),
                Path.of(lines.get(1)), Path.of(lines.get(2)), Path.of(lines.get(3)), Path.of(lines.get(4)),
                Path.of(lines.get(5)));
    }

    /**
     * Fails unless an extension can be compiled against this installation: server headers,
     * a C compiler and make. Checked up front because PGXS's own errors do not name the package.
     */
    public void checkCanBuild() {
        checkCanBuild(System.getenv("PATH"));
    }

    void checkCanBuild(String pathValue) {
        PgVersions.requireSupported(major, path.toString());
        if (!Files.isRegularFile(includedirServer.resolve("postgres.h"))) {
            throw new ToolException("PostgreSQL " + major + " server headers are missing (no postgres.h in "
                    + includedirServer + "): apt-get install postgresql-server-dev-" + major);
        }
        if (!Files.isRegularFile(pgxs)) {
            throw new ToolException("PGXS is missing (" + pgxs + " does not exist): apt-get install postgresql-server-dev-" + major);
        }
        boolean compiler = Exec.onPath("cc", pathValue).isPresent() || Exec.onPath("gcc", pathValue).isPresent();
        if (!compiler || Exec.onPath("make", pathValue).isEmpty()) {
            throw new ToolException("no C compiler or make on PATH (" + (compiler ? "make" : "cc/gcc")
                    + " missing), needed to build pgj.so: apt-get install gcc make");
        }
    }

    public Path path() {
        return path;
    }

    /** "15.20": major and minor, without the distribution suffix. */
    public String version() {
        return version;
    }

    /**
     * What {@code pg_config --version} says, e.g. {@code PostgreSQL 15.20 (Debian 15.20-0+deb12u1)}:
     * it tells two builds of one minor apart.
     */
    public String versionLine() {
        return versionLine;
    }

    public int major() {
        return major;
    }

    public Path bindir() {
        return bindir;
    }

    public Path pkglibdir() {
        return pkglibdir;
    }

    public Path sharedir() {
        return sharedir;
    }

    public Path includedirServer() {
        return includedirServer;
    }

    public Path pgxs() {
        return pgxs;
    }

    @Override
    public String toString() {
        return "PostgreSQL " + version + " (" + path + ")";
    }
}

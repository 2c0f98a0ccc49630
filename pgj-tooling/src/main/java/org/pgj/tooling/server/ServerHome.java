package org.pgj.tooling.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PosixUser;

/**
 * Where a private server lives under the pgj home: {@code <name>/} the data folder, {@code
 * conf/<name>.conf} pgj's settings, {@code logs/<name>.log} the log, {@code install/<name>/} the
 * private installation, {@code .<name>.lock} the start/stop lock. The server user must be able to
 * enter all of it.
 */
final class ServerHome {
    private final Path home;
    private final String name;
    private final ServerUser user;

    ServerHome(Path home, String name, ServerUser user) {
        this.home = home.toAbsolutePath().normalize();
        this.name = name;
        this.user = user;
    }

    /**
     * $PGJ_HOME, else ~/.pgj; as root /var/tmp/pgj-root, because the unprivileged server user
     * cannot enter /root. {@code ~} is $HOME, as for any Unix tool (Java's user.home comes from
     * the password file instead), so the launcher, Maven and the test JVMs it starts agree.
     */
    static Path defaultHome() {
        String env = System.getenv("PGJ_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        if (PosixUser.isRoot()) {
            return Path.of("/var/tmp/pgj-root");
        }
        String home = System.getenv("HOME");
        if (home != null && home.startsWith("/")) {
            return Path.of(home, ".pgj");
        }
        return Path.of(System.getProperty("user.home"), ".pgj");
    }

    /** {@code preferred} if the server user can enter it, else a folder under /var/tmp named after it. */
    static Path usable(Path preferred, ServerUser user) {
        Path abs = preferred.toAbsolutePath().normalize();
        if (user.canReach(abs)) {
            return abs;
        }
        String tag = HexFormat.of().toHexDigits(abs.toString().hashCode());
        return Path.of("/var/tmp", "pgj-" + abs.getFileName() + "-" + tag);
    }

    Path home() {
        return home;
    }

    String name() {
        return name;
    }

    Path dataDir() {
        return home.resolve(name);
    }

    Path configFile() {
        return home.resolve("conf").resolve(name + ".conf");
    }

    ServerLog log() {
        return new ServerLog(home.resolve("logs").resolve(name + ".log"));
    }

    Path installDir() {
        return home.resolve("install").resolve(name);
    }

    Path lockFile() {
        return home.resolve("." + name + ".lock");
    }

    /** Fails unless the server user can enter the home and the server's socket path fits. */
    void check(int port) {
        if (!user.canReach(home)) {
            throw new ToolException("the server runs as user " + ServerUser.NAME + ", which cannot enter " + home
                    + " (a parent folder is not world-searchable, like /root): set PGJ_HOME to a folder under /var/tmp");
        }
        // Unix socket paths are limited to 107 bytes; the socket lives in the data folder.
        String socket = dataDir() + "/.s.PGSQL." + port;
        if (socket.getBytes(StandardCharsets.UTF_8).length > 107) {
            throw new ToolException("the server socket path " + socket + " is longer than Unix allows (107 bytes): "
                    + "set PGJ_HOME to a shorter folder");
        }
    }

    /** Creates the home, logs/ and conf/ for the server user, and rotates a grown log. */
    void prepare() {
        try {
            user.ensureExists();
            for (Path dir : List.of(home, home.resolve("logs"), home.resolve("conf"))) {
                AtomicFiles.createReadableDirectories(dir);
                user.own(dir);
            }
            log().rotate();
        } catch (IOException e) {
            throw new ToolException("cannot prepare " + home + " (" + e.getMessage()
                    + "): make it writable, or set PGJ_HOME to a writable folder", e);
        }
    }

    /** PostgreSQL reports real paths (it resolves symlinks in its own location); the pgj home may contain links. */
    static boolean samePath(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return a.equals(b);
        }
    }
}

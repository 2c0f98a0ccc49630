package org.pgj.tooling.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.pgj.tooling.ToolException;

/**
 * Which port a private server listens on, and whether it is free: every kind of server has a
 * base the major is added to, so majors run side by side; the environment may move either.
 */
final class ServerPorts {
    /** Base of the test cluster's port. */
    static final int TEST_BASE = 32200;
    /** Base of the development cluster's port. */
    static final int DEV_BASE = 28800;

    private ServerPorts() {
    }

    /** PGJ_PORT if set, else {@code $baseVariable + major}, else {@code defaultBase + major}. */
    static int choose(String baseVariable, int defaultBase, int major) {
        String exact = System.getenv("PGJ_PORT");
        if (exact != null && !exact.isBlank()) {
            return check("PGJ_PORT", exact, 0);
        }
        String base = System.getenv(baseVariable);
        if (base != null && !base.isBlank()) {
            return check(baseVariable, base, major);
        }
        return defaultBase + major;
    }

    private static int check(String variable, String value, int add) {
        try {
            int port = Integer.parseInt(value.trim()) + add;
            // Below 1024 only root may listen, and the server never runs as root.
            if (port >= 1024 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ToolException(variable + "='" + value + "' does not give a port number" + (add == 0 ? "" : " (plus the major " + add + ")")
                + ": set it so the port is between 1024 and 65535");
    }

    /** Fails, quoting the end of {@code log}, unless {@code port} on localhost is free for PostgreSQL {@code major}. */
    static void checkFree(int port, int major, ServerLog log) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            List<String> lines = log.lastLines(10);
            throw new ToolException("port " + port + " on localhost is already in use (" + e.getMessage()
                    + "), so PostgreSQL " + major + " cannot start there: stop whatever listens on it (`ss -ltnp | grep " + port
                    + "`), or set PGJ_PORT to a free port"
                    + (lines.isEmpty() ? "" : "\nlast " + lines.size() + " lines of " + log.file() + ":\n" + String.join("\n", lines)));
        }
    }
}

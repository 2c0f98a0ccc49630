package org.pgj.tooling.dev;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.server.PrivateServer;

/**
 * {@code pgj debug [pgNN] [db] [--port N]}: psql on the dev server in a session whose JVM listens
 * for a Java debugger (JDWP) on localhost:N from its first Java call ({@code pgj.debug_port}, set
 * for this session only through PGOPTIONS). The dev server allows it ({@code pgj.debug_allowed});
 * other servers do not unless their configuration says so.
 */
public final class DebugCommand {
    public static final int DEFAULT_PORT = 5005;

    /**
     * @param port the debugger's port on localhost
     * @param sql  {@code -c}/{@code -f} pairs for {@link Psql}; empty for an interactive psql
     */
    public record Options(String pg, String database, int port, List<String> sql) {
    }

    private DebugCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        checkPort(o.port());
        return session(ctx, ConnectCommand.devServer(ctx, o.pg()), o);
    }

    /** psql on {@code server} (started), which is made to allow debugging, with the session's port set. */
    static int session(ToolContext ctx, PrivateServer server, Options o) {
        checkPort(o.port());
        server.setConfig("pgj.debug_allowed", "on");
        ctx.progress().step("this session's JVM listens for a Java debugger on localhost:" + o.port()
                + " from its first Java call: attach with `jdb -attach localhost:" + o.port()
                + "` or your IDE's remote JVM debug, set breakpoints, then call your function");
        String options = System.getenv().getOrDefault("PGOPTIONS", "");
        return ConnectCommand.session(ctx, server, o.database(), o.sql(),
                Map.of("PGOPTIONS", (options + " -c pgj.debug_port=" + o.port()).trim()));
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new ToolException("--port " + port + " is not a TCP port: give one from 1024 to 65535, e.g. --port " + DEFAULT_PORT);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new ToolException("port " + port + " on localhost is in use (" + e.getMessage()
                    + "), so the session's JVM could not listen there for a debugger: choose another with --port,"
                    + " or end the session that holds it");
        }
    }
}

package org.pgj.tooling.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.dev.ConnectCommand;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.server.PrivateServer;

/**
 * {@code pgj profile [pgNN] [db] [-c SQL | -f FILE]... [--output FILE]}: psql on the dev server in a
 * session whose JVM records a Java Flight Recorder profile ({@code pgj.profile}, set for this
 * session only through PGOPTIONS); when psql ends, the recording becomes an HTML flame graph. With
 * SQL it profiles those statements; without, the interactive session.
 */
public final class ProfileCommand {
    /**
     * @param sql    {@code -c}/{@code -f} pairs for psql; empty for an interactive psql
     * @param output the flame graph (null: target/pgj/profile.html in a project, else pgj-profile.html)
     */
    public record Options(String pg, String database, List<String> sql, Path output) {
    }

    private ProfileCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        return session(ctx, ConnectCommand.devServer(ctx, o.pg()), o);
    }

    /** The profiled psql session on {@code server} (started), then the flame graph; returns psql's exit code. */
    public static int session(ToolContext ctx, PrivateServer server, Options o) {
        Path recording = server.dataDir().resolve("pgj_profiles").resolve("profile-" + ProcessHandle.current().pid()
                + "-" + System.currentTimeMillis() + ".jfr");
        ctx.progress().step("recording a Java Flight Recorder profile of this session's JVM (from its first Java call)");
        String options = System.getenv().getOrDefault("PGOPTIONS", "");
        int exit = ConnectCommand.session(ctx, server, o.database(), o.sql(),
                Map.of("PGOPTIONS", (options + " -c pgj.profile=" + recording.toString().replace("\\", "\\\\").replace(" ", "\\ ")).trim()));
        if (!Files.isRegularFile(recording)) {
            throw new ToolException("no profile was recorded: the session ran no Java (its JVM starts at the first call of a"
                    + " pgj function). Call your function in the session, e.g. pgj profile -c 'select my_function()'");
        }
        Path html = o.output() != null ? ctx.workDir().resolve(o.output())
                : ExtensionProject.find(ctx.workDir()).map(p -> p.target().resolve("pgj").resolve("profile.html"))
                        .orElse(ctx.workDir().resolve("pgj-profile.html"));
        Path jfr = html.resolveSibling(html.getFileName().toString().replaceFirst("\\.html?$", "") + ".jfr");
        try {
            Files.createDirectories(html.toAbsolutePath().getParent());
            Files.copy(recording, jfr, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(recording);
        } catch (IOException e) {
            throw new ToolException("cannot copy the recording " + recording + " to " + jfr + " (" + e.getMessage()
                    + "): choose a writable --output", e);
        }
        FlameGraph.render(jfr, html, "pgj profile" + (o.sql().isEmpty() ? " of a session" : ": " + String.join(" ", o.sql())));
        ctx.progress().step("flame graph of the session's Java: " + html + " (open it in a browser); the recording: " + jfr);
        ctx.out().println(html);
        return exit;
    }
}

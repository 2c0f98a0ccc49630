package org.pgj.tooling.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.Prerequisites;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.MavenBuild;
import org.pgj.tooling.server.PrivateServer;

/**
 * {@code pgj test [pgNN|all]}: the project's tests (JUnit in the test JVM and, through pgj-test,
 * inside the backend) against the private test server of one major, or of every configured one in
 * turn. Each major is a Maven run ({@code mvn test -Dpgj.pgConfig=...}) whose output is the report.
 */
public final class TestCommand {
    /** @param mavenArgs extra Maven arguments, e.g. {@code -Dtest=HelloTest} */
    public record Options(ExtensionProject project, String pg, List<String> mavenArgs) {
    }

    private TestCommand() {
    }

    public static int run(ToolContext ctx, Options o, MavenBuild maven) {
        List<PgConfig> majors = ctx.versions().selectMany(o.pg(), false);
        for (PgConfig pg : majors) {
            Prerequisites.forBuild(Jdk.current(), pg);
            Prerequisites.forServer(pg);
            PrivateServer.forTests(pg, ctx.home()).checkHome();
        }
        Map<PgConfig, String> results = new LinkedHashMap<>();
        boolean failed = false;
        for (PgConfig pg : majors) {
            // pgj.home reaches pgj-test in the test JVM too: Surefire passes Maven's user properties on.
            List<String> args = new ArrayList<>(List.of("test", "-Dpgj.pgConfig=" + pg.path(), "-Dpgj.home=" + ctx.home()));
            args.addAll(o.mavenArgs());
            // No heartbeat: Maven's own output shows the progress here.
            long start = System.nanoTime();
            ctx.progress().step("testing " + o.project().dir().getFileName() + " on PostgreSQL " + pg.version()
                    + " (test server on port " + PrivateServer.forTests(pg, ctx.home()).port() + "): mvn " + String.join(" ", args));
            int exit = maven.stream(o.project(), args);
            String time = String.format(java.util.Locale.ROOT, "%.1fs", (System.nanoTime() - start) / 1e9);
            failed |= exit != 0;
            results.put(pg, (exit == 0 ? "passed" : "FAILED (mvn exit " + exit + ", see the report above)") + " in " + time);
        }
        results.forEach((pg, result) -> ctx.out().println("PostgreSQL " + pg.version() + ": tests " + result));
        return failed ? 1 : 0;
    }
}

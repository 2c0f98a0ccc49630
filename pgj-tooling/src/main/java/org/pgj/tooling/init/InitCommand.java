package org.pgj.tooling.init;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.PgConfig;
import org.pgj.tooling.ToolContext;

/**
 * {@code pgj init [--pgNN PG_CONFIG]...}: records the PostgreSQL majors pgj works with in
 * {@code <pgj home>/config.properties}: every one found on this machine, plus those given (for
 * PostgreSQL built elsewhere). Without it pgj finds them each time. Running it again changes nothing.
 */
public final class InitCommand {
    /** @param given major → its pg_config */
    public record Options(Map<Integer, Path> given) {
    }

    private InitCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        List<PgConfig> recorded = ctx.versions().record(o.given());
        ctx.out().println("PostgreSQL majors recorded in " + ctx.versions().configFile() + ":");
        for (PgConfig pg : recorded) {
            ctx.out().println("  pg" + pg.major() + " = " + pg.path() + " (" + pg.version() + ")");
        }
        ctx.out().println("the default is pg" + recorded.get(recorded.size() - 1).major()
                + "; pgj run pgNN, pgj test all ... choose others");
        return 0;
    }
}

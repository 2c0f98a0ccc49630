package org.pgj.tooling.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;

/**
 * {@code pgj init [--pgNN PG_CONFIG]... [--download VERSION | --source TARBALL]}: records the
 * PostgreSQL majors pgj works with in {@code <pgj home>/config.properties}: every one found on
 * this machine, plus those given (for PostgreSQL built elsewhere), plus one built from source
 * into the pgj home ({@code --download 18}, from {@code PGJ_PG_SOURCE} or postgresql.org, or
 * {@code --source} a tarball). Without it pgj finds them each time. Running it again changes
 * nothing.
 *
 * @see PostgresBuild
 */
public final class InitCommand {
    /**
     * @param given    major → its pg_config
     * @param download a major ({@code 18}) or release ({@code 18.6}) to build from source, or null
     * @param source   a source tarball to build, or null
     */
    public record Options(Map<Integer, Path> given, String download, Path source) {
        public Options(Map<Integer, Path> given) {
            this(given, null, null);
        }
    }

    private InitCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        return run(ctx, o, System.getenv());
    }

    static int run(ToolContext ctx, Options o, Map<String, String> env) {
        Map<Integer, Path> given = new TreeMap<>(o.given());
        SourceTarball tarball = tarball(ctx, o, env);
        if (tarball != null) {
            PgConfig built = PostgresBuild.install(tarball, ctx.home(), ctx.progress(), env);
            if (given.containsKey(built.major())) {
                throw new ToolException("both --pg" + built.major() + " and a source build of PostgreSQL " + built.major()
                        + " were given: keep one");
            }
            given.put(built.major(), built.path());
        }
        List<PgConfig> recorded = ctx.versions().record(given);
        ctx.out().println("PostgreSQL majors recorded in " + ctx.versions().configFile() + ":");
        for (PgConfig pg : recorded) {
            ctx.out().println("  pg" + pg.major() + " = " + pg.path() + " (" + pg.version() + ")");
        }
        ctx.out().println("the default is pg" + recorded.get(recorded.size() - 1).major()
                + "; pgj run pgNN, pgj test all ... choose others");
        return 0;
    }

    /** The tarball to build, if any: --source, else --download from the source setting. */
    private static SourceTarball tarball(ToolContext ctx, Options o, Map<String, String> env) {
        if (o.download() != null && o.source() != null) {
            throw new ToolException("give --download or --source, not both: --source builds a tarball you have, "
                    + "--download fetches one (from " + PostgresSource.SETTING + " or postgresql.org)");
        }
        if (o.source() != null) {
            return SourceTarball.open(o.source());
        }
        if (o.download() == null) {
            return null;
        }
        String version = PostgresReleases.version(o.download());
        PostgresSource source = PostgresSource.of(env);
        if (source.singleTarball().isPresent()) {
            SourceTarball local = SourceTarball.open(source.singleTarball().get());
            int major = Integer.parseInt(version.substring(0, version.indexOf('.')));
            boolean exact = o.download().contains(".");
            if (local.major() != major || exact && !local.version().equals(version)) {
                throw new ToolException(PostgresSource.SETTING + " names " + local.file() + ", which is PostgreSQL "
                        + local.version() + ", not " + o.download() + ": point it at a tarball of " + o.download()
                        + " or at a mirror");
            }
            return local;
        }
        Path downloads = ctx.home().resolve("pg").resolve("downloads");
        try {
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new ToolException("cannot create " + downloads + " (" + e.getMessage() + "): make " + ctx.home()
                    + " writable, or set PGJ_HOME to a writable folder", e);
        }
        ctx.progress().step("PostgreSQL " + version + " from " + source);
        return source.fetch(version, downloads, ctx.progress());
    }
}

package org.pgj.tooling.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.InstallDirs;
import org.pgj.tooling.installation.PgjRuntime;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.progress.ProgressStep;
import org.pgj.tooling.server.PrivateServer;
import org.pgj.tooling.server.ServerUser;

/**
 * The JDK AOT cache that halves the JVM's start in each backend ({@code $sharedir/pgj/lib/<pgj version>/pgj.aot},
 * which the native runtime uses when present). It is trained inside a backend of a running
 * private server: a session whose JVM records with {@code -XX:AOTCacheOutput} calls typical
 * functions, pgj's own and those of a generated extension ({@link AotTrainingExtension}), and
 * exits, and the JVM writes the cache as the backend ends. A stamp of the
 * runtime files and the JDK decides when to train again.
 */
public final class AotCache {
    static final String FILE = "pgj.aot";
    private static final Duration WRITE_TIMEOUT = Duration.ofMinutes(3);
    private static final String TRAINING_DB = "pgj_aot_training";

    private AotCache() {
    }

    /** Trains and installs the cache unless an up-to-date one is installed. */
    public static void ensure(PrivateServer server, Progress p) {
        PgConfig pg = server.pgConfig();
        InstallDirs dirs = server.installation().dirs();
        PgjRuntime runtime = PgjRuntime.current();
        Path lib = dirs.runtimeDir(runtime);
        Path installed = lib.resolve(FILE);
        Path stampFile = lib.resolve(FILE + ".stamp");
        String stamp = stamp(pg, dirs, runtime);
        try {
            if (Files.isRegularFile(installed) && Files.isRegularFile(stampFile)
                    && Files.readString(stampFile).equals(stamp)) {
                return;
            }
            if (!Files.isWritable(lib)) {
                p.step("skipping the JVM AOT cache: " + lib + " is not writable (first calls will be slower)");
                return;
            }
            try (ProgressStep step = p.begin("training the JVM AOT cache (once per pgj build and JDK)")) {
                Path trained = train(server, runtime, p);
                AtomicFiles.copy(trained, installed);
                AtomicFiles.write(stampFile, stamp);
                step.done("installed the AOT cache " + installed + " (" + Files.size(installed) / (1024 * 1024) + " MB)");
            }
        } catch (IOException e) {
            throw new ToolException("cannot install the JVM AOT cache into " + lib + ": " + e.getMessage()
                    + "; check the folder's permissions, or remove " + installed + " to run without it", e);
        }
    }

    /** What the cache depends on: the runtime jar and library, and the JDK they run on. */
    private static String stamp(PgConfig pg, InstallDirs dirs, PgjRuntime runtime) {
        StringBuilder sb = new StringBuilder();
        for (Path file : new Path[] {dirs.runtimeDir(runtime).resolve("pgj-api.jar"), dirs.library(runtime)}) {
            try {
                sb.append(file).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            } catch (IOException e) {
                throw new ToolException("pgj is not installed for PostgreSQL " + pg.major() + " (" + file
                        + " is missing): install the extension first", e);
            }
        }
        return sb.append("java.home ").append(Jdk.current().home()).append('\n').toString();
    }

    private static Path train(PrivateServer server, PgjRuntime runtime, Progress p) throws IOException {
        Path dir = server.home().resolve("aot");
        AtomicFiles.createReadableDirectories(dir);
        ServerUser.current().own(dir);
        Path output = dir.resolve(FILE);
        Files.deleteIfExists(output);
        Path extension = AotTrainingExtension.prepareFolder(server.installation().dirs().pgjDir());
        server.createDatabase(TRAINING_DB, true);
        // The validators start JVMs: without a cache of their own, which they would otherwise record (jvm_boot.c).
        server.psql(TRAINING_DB, "ALTER DATABASE " + TRAINING_DB + " SET pgj.aot_cache = 'off';");
        server.psql(TRAINING_DB, """
                CREATE FUNCTION pgj_lib_call_handler() RETURNS language_handler
                  AS '%1$s', 'pgj_call_handler' LANGUAGE C;
                CREATE FUNCTION pgj_lib_validator(oid) RETURNS void
                  AS '%1$s', 'pgj_validator' LANGUAGE C STRICT;
                CREATE LANGUAGE pgj_lib HANDLER pgj_lib_call_handler VALIDATOR pgj_lib_validator;
                CREATE FUNCTION add_one(int) RETURNS int LANGUAGE pgj_lib IMMUTABLE STRICT AS 'org.pgj.internal.boot.AotTraining.addOne(int)';
                CREATE FUNCTION add_long(bigint, bigint) RETURNS bigint LANGUAGE pgj_lib STRICT AS 'org.pgj.internal.boot.AotTraining.addLong(long,long)';
                CREATE FUNCTION scale(float8, float4) RETURNS float8 LANGUAGE pgj_lib STRICT AS 'org.pgj.internal.boot.AotTraining.scale(double,float)';
                CREATE FUNCTION shout(text) RETURNS text LANGUAGE pgj_lib STRICT AS 'org.pgj.internal.boot.AotTraining.shout(java.lang.String)';
                CREATE FUNCTION bytes(bytea) RETURNS bytea LANGUAGE pgj_lib STRICT AS 'org.pgj.internal.boot.AotTraining.bytes(byte[])';
                CREATE FUNCTION twice(int) RETURNS int LANGUAGE pgj_lib AS 'org.pgj.internal.boot.AotTraining.twice(java.lang.Integer)';
                CREATE FUNCTION optional(text) RETURNS text LANGUAGE pgj_lib AS 'org.pgj.internal.boot.AotTraining.optional(java.util.Optional)';
                CREATE FUNCTION flag(bool, int2) RETURNS bool LANGUAGE pgj_lib STRICT AS 'org.pgj.internal.boot.AotTraining.flag(boolean,short)';
                CREATE FUNCTION fail(text) RETURNS void LANGUAGE pgj_lib STRICT AS 'org.pgj.internal.boot.AotTraining.fail(java.lang.String)';
                CREATE FUNCTION caught(text) RETURNS text LANGUAGE pgj_lib STRICT AS 'org.pgj.internal.boot.AotTraining.caught(java.lang.String)';
                """.formatted(runtime.modulePathname()));
        server.psql(TRAINING_DB, AotTrainingExtension.sql(runtime) + "SELECT write_extension_jar('" + extension + "');\n"
                + AotTrainingExtension.FUNCTIONS);
        server.psql(TRAINING_DB, "LOAD '" + runtime.modulePathname() + "';\n"
                + "SET pgj.jvm_options = '-XX:AOTCacheOutput=" + output + "';\n"
                + AotTrainingExtension.CALLS
                + """
                SELECT sum(add_one(i)), sum(add_long(i, i)), sum(scale(i, 0.5)), count(twice(nullif(i % 3, 0)))
                  FROM generate_series(1, 20000) i;
                SELECT count(shout(md5(i::text))), count(bytes(decode(md5(i::text), 'hex'))), count(optional(nullif(md5(i::text), '')))
                  FROM generate_series(1, 20000) i;
                SELECT flag(true, 1::int2), caught('SELECT 1/0'), caught('SELECT 1');
                DO $$ BEGIN PERFORM fail('training'); EXCEPTION WHEN OTHERS THEN NULL; END $$;
                """);
        // The cache is written as that backend exits; the JVM assembles it in a child process.
        long deadline = System.nanoTime() + WRITE_TIMEOUT.toNanos();
        Path config = dir.resolve(FILE + ".config");
        while (!(Files.isRegularFile(output) && !Files.exists(config))) {
            if (System.nanoTime() > deadline) {
                throw new ToolException("the JVM did not write its AOT cache to " + output + " within "
                        + WRITE_TIMEOUT.toMinutes() + " minutes; see the server log " + server.logFile()
                        + ":\n" + String.join("\n", server.lastLogLines(20)));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ToolException("interrupted while waiting for the AOT cache", e);
            }
        }
        return output;
    }
}

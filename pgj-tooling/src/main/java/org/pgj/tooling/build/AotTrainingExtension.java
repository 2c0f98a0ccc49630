package org.pgj.tooling.build;

import java.io.IOException;
import java.nio.file.Path;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.installation.PgjRuntime;
import org.pgj.tooling.server.ServerUser;

/**
 * The extension the AOT cache's training calls besides pgj's own training functions: one jar with
 * one class, in an extension folder of its own, so that the cache also holds what a backend's
 * first call of a real extension function runs through (its class loader opening the jars, the
 * class read and rewritten for interrupts, its invoker). pgj's own functions load from the
 * runtime's module and skip all of that. The class is generated in the server (no source to
 * build): two public static methods, each with a handler, as the rewriter's work needs one.
 */
final class AotTrainingExtension {
    /** The extension folder, {@code $sharedir/pgj/<FOLDER>}, and so the language {@code pgj_<FOLDER>}. */
    static final String FOLDER = "pgj_aot_training";
    /** The language, and the function of pgj's own training class that writes the jar. */
    private static final String SQL = """
            CREATE FUNCTION write_extension_jar(text) RETURNS text LANGUAGE pgj_lib STRICT
              AS 'org.pgj.internal.boot.AotTraining.writeExtensionJar(java.lang.String)';
            CREATE FUNCTION pgj_pgj_aot_training_call_handler() RETURNS language_handler
              AS '%1$s', 'pgj_call_handler' LANGUAGE C;
            CREATE FUNCTION pgj_pgj_aot_training_validator(oid) RETURNS void
              AS '%1$s', 'pgj_validator' LANGUAGE C STRICT;
            CREATE LANGUAGE pgj_pgj_aot_training HANDLER pgj_pgj_aot_training_call_handler
              VALIDATOR pgj_pgj_aot_training_validator;
            """;
    /** Created once the jar is written: the validator resolves each function. */
    static final String FUNCTIONS = """
            CREATE FUNCTION extension_add_one(int) RETURNS int LANGUAGE pgj_pgj_aot_training STRICT
              AS 'pgj.aot.training.ExtensionFunctions.addOne(int)';
            CREATE FUNCTION extension_shout(text) RETURNS text LANGUAGE pgj_pgj_aot_training STRICT
              AS 'pgj.aot.training.ExtensionFunctions.shout(java.lang.String)';
            """;
    /** The first calls of the training session: as a new connection's first call runs them. */
    static final String CALLS = "SELECT extension_add_one(1), extension_shout('training');\n";

    private AotTrainingExtension() {
    }

    /** {@link #SQL} with the handler and validator in {@code runtime}'s library. */
    static String sql(PgjRuntime runtime) {
        return SQL.formatted(runtime.modulePathname());
    }

    /**
     * Makes the extension's folder, owned by the server's user, into which a backend writes the
     * jar ({@code AotTraining.writeExtensionJar}: the class is generated with the JDK 25 class-file
     * API, which the tools, built for older JDKs, cannot use).
     */
    static Path prepareFolder(Path pgjDir) throws IOException {
        Path folder = pgjDir.resolve(FOLDER);
        AtomicFiles.createReadableDirectories(folder);
        ServerUser.current().own(folder);
        return folder;
    }
}

package org.pgj.tooling.project;

import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.progress.Progress;

/**
 * Builds an extension project far enough for a command: the launcher runs Maven for it
 * ({@link MavenBuild}); a Maven goal has had Maven build it already (a forked lifecycle).
 */
@FunctionalInterface
public interface ProjectBuilder {
    /** How far a command needs the build to go. */
    enum Phase {
        /** The generated SQL (annotation processor output in target/classes). */
        COMPILE("compile"),
        /** The stage: classes, test classes and pgj.so for one pg_config (docs/internals.md, "Stage"). */
        STAGE("process-test-classes");

        private final String mavenPhase;

        Phase(String mavenPhase) {
            this.mavenPhase = mavenPhase;
        }

        public String mavenPhase() {
            return mavenPhase;
        }
    }

    /** @param pg the pg_config to stage for; null when the phase needs none ({@link Phase#COMPILE}) */
    void build(ExtensionProject project, Phase phase, PgConfig pg, Progress progress);

    /** For Maven goals, whose lifecycle fork has built the project already. */
    static ProjectBuilder alreadyBuilt() {
        return (project, phase, pg, progress) -> { };
    }
}

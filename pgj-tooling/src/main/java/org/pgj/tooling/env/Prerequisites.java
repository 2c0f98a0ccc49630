package org.pgj.tooling.env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pgj.tooling.PgjRelease;
import org.pgj.tooling.ToolException;

/**
 * What a command needs from the machine, checked before any work starts, each with the exact
 * package to install. A build that fails half-way with a compiler's or PGXS's own message would
 * name the symptom, not the fix.
 */
public final class Prerequisites {
    private Prerequisites() {
    }

    /**
     * Building an extension: a JDK that reads pgj's class files (and runs pgj in PostgreSQL),
     * server headers, PGXS, a C compiler and make.
     */
    public static void forBuild(Jdk jdk, PgConfig pg) {
        forJdk(jdk);
        pg.checkCanBuild();
    }

    /** A JDK for pgj: it runs pgj in PostgreSQL, and extensions compile against pgj-api's classes. */
    public static void forJdk(Jdk jdk) {
        int needed = Math.max(Jdk.MINIMUM_FEATURE, PgjRelease.javaRelease());
        if (jdk.feature() < needed) {
            throw new ToolException("the JDK at " + jdk.home() + " is Java " + jdk.feature() + ", too old for pgj "
                    + PgjRelease.version() + ": it needs JDK " + needed + " (pgj's classes are Java " + PgjRelease.javaRelease()
                    + "): install Temurin JDK " + needed
                    + " (apt-get install temurin-" + needed + "-jdk) and set JAVA_HOME to it");
        }
        jdk.requireSupported();
    }

    /** Running a private server: initdb, pg_ctl, the server binary and psql of that major. */
    public static void forServer(PgConfig pg) {
        for (String program : List.of("initdb", "pg_ctl", "postgres")) {
            Path path = pg.bindir().resolve(program);
            if (!Files.isExecutable(path)) {
                throw new ToolException("PostgreSQL " + pg.major() + " has no " + program + " (" + path
                        + " is missing), needed to run a private server: apt-get install postgresql-" + pg.major());
            }
        }
        forClient(pg);
    }

    /** psql of that major, for run, connect and regress. */
    public static void forClient(PgConfig pg) {
        Path psql = pg.bindir().resolve("psql");
        if (!Files.isExecutable(psql)) {
            throw new ToolException("PostgreSQL " + pg.major() + " has no psql (" + psql + " is missing): "
                    + "apt-get install postgresql-client-" + pg.major());
        }
    }
}

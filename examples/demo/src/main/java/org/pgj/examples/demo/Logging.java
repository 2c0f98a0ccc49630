package org.pgj.examples.demo;

import java.util.logging.Logger;
import org.pgj.LogLevel;
import org.pgj.Pg;
import org.pgj.functions.PgFunction;

/** Logging: elog levels, java.util.logging, System.Logger and stdout/stderr all reach the server. */
public final class Logging {
    private static final Logger JUL = Logger.getLogger("demo.jul");
    private static final System.Logger SYSTEM = System.getLogger("demo.system");

    private Logging() {
    }

    @PgFunction
    public static void logAt(String level, String message) {
        Pg.log(LogLevel.valueOf(level.toUpperCase()), message);
    }

    @PgFunction
    public static void logEverywhere(String message) {
        JUL.warning("jul " + message);
        SYSTEM.log(System.Logger.Level.WARNING, "system " + message);
        System.out.println("out " + message);
        System.err.println("err " + message);
    }
}

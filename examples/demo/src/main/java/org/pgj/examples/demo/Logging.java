package org.pgj.examples.demo;

import java.util.logging.Logger;
import org.pgj.LogLevel;
import org.pgj.Pg;
import org.pgj.functions.PgFunction;

/** Logging: elog levels, java.util.logging, System.Logger, SLF4J and stdout/stderr all reach the server. */
public final class Logging {
    private static final Logger JUL = Logger.getLogger("demo.jul");
    private static final System.Logger SYSTEM = System.getLogger("demo.system");
    private static final org.slf4j.Logger SLF4J = org.slf4j.LoggerFactory.getLogger("demo.slf4j");

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
        SLF4J.warn("slf4j {}", message);
        System.out.println("out " + message);
        System.err.println("err " + message);
    }

    /** Logs at a level of one API ('jul', 'system' or 'slf4j'); answers whether the API said the level was enabled. */
    @PgFunction
    public static boolean logWith(String api, String level, String message) {
        return switch (api) {
            case "jul" -> {
                java.util.logging.Level julLevel = java.util.logging.Level.parse(level.toUpperCase());
                JUL.log(julLevel, message);
                yield JUL.isLoggable(julLevel);
            }
            case "system" -> {
                System.Logger.Level systemLevel = System.Logger.Level.valueOf(level.toUpperCase());
                SYSTEM.log(systemLevel, message);
                yield SYSTEM.isLoggable(systemLevel);
            }
            case "slf4j" -> {
                org.slf4j.event.Level slf4jLevel = org.slf4j.event.Level.valueOf(level.toUpperCase());
                SLF4J.atLevel(slf4jLevel).log(message);
                yield SLF4J.isEnabledForLevel(slf4jLevel);
            }
            default -> throw new IllegalArgumentException("no logging API " + api + ": use jul, system or slf4j");
        };
    }

    /**
     * Logs {@code lines} warnings through SLF4J from a thread of its own, and waits for it: the
     * lines reach the server log when the backend thread logs next or the transaction ends.
     */
    @PgFunction
    public static void logFromThread(String message, int lines) throws InterruptedException {
        Thread worker = new Thread(() -> {
            for (int i = 1; i <= lines; i++) {
                SLF4J.warn("{} {}", message, i);
            }
        }, "demo-logger");
        worker.start();
        worker.join();
    }

    /** Logs through SLF4J at DEBUG until stopped (a cancel, statement_timeout, a termination). */
    @PgFunction
    public static long logForever(String message) {
        long n = 0;
        while (true) {
            SLF4J.debug("{} {}", message, ++n);
        }
    }
}

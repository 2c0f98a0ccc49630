package org.pgj.internal.logging;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import org.pgj.LogLevel;
import org.pgj.Pg;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;

/**
 * Bridges Java's logging into the server log: java.util.logging, {@code System.Logger}
 * ({@link ServerLoggerFinder}), SLF4J through {@code System.Logger} (pgj-slf4j), and
 * {@code System.out}/{@code err}. A level is enabled when the server would write it somewhere,
 * to its log or to the client, as elog.c decides with {@code log_min_messages} and
 * {@code client_min_messages}. Records from other threads wait in {@link PendingLines} until the
 * backend thread logs next or its transaction ends: only the backend thread may call ereport.
 */
public final class ServerLogging {
    private ServerLogging() {
    }

    public static void install() {
        // JUL is configured on first use (JulConfig), so backends that never log don't pay for it.
        System.setProperty("java.util.logging.config.class", JulConfig.class.getName());
        System.setOut(new PrintStream(new LineStream("stdout", LogLevel.LOG), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new LineStream("stderr", LogLevel.LOG), true, StandardCharsets.UTF_8));
    }

    /** Sends a line to the server log now when on the backend thread, else later. */
    static void emit(LogLevel level, String line) {
        if (!Backend.isBackendThread()) {
            PendingLines.add(level, line);
            return;
        }
        PendingLines.drain();
        Pg.log(level, line);
    }

    /** A WARNING that must not be raised where it happened (a transaction's end): written at the next drain. */
    public static void warnLater(String line) {
        PendingLines.add(LogLevel.WARNING, line);
    }

    /** At the end of each transaction (Boot): the lines other threads logged meanwhile. */
    public static void drainPending() {
        PendingLines.drain();
    }

    /**
     * Whether the server would write a message at {@code level} to its log or to the client
     * (elog.c's is_log_level_output and should_output_to_client). Any thread may ask: it reads
     * two ints. Before the runtime has booted, WARNING and above are.
     */
    static boolean wanted(LogLevel level) {
        if (!Backend.isRunning()) {
            return level == LogLevel.WARNING;
        }
        int elevel = Thresholds.LEVELS[level.ordinal()];
        int logMin = Native.ALL.get(JAVA_INT, Thresholds.LOG_MIN_MESSAGES);
        int clientMin = Native.ALL.get(JAVA_INT, Thresholds.CLIENT_MIN_MESSAGES);
        boolean toLog;
        if (elevel == Thresholds.LOG) {
            toLog = logMin == Thresholds.LOG || logMin <= Thresholds.ERROR;
        } else if (logMin == Thresholds.LOG) {
            toLog = elevel >= Thresholds.FATAL;
        } else {
            toLog = elevel >= logMin;
        }
        return toLog || elevel >= clientMin || elevel == Thresholds.INFO;
    }

    /** java.util.logging's levels: SEVERE and WARNING as WARNING, INFO as LOG, finer as DEBUG1 to DEBUG5. */
    static LogLevel levelOf(Level level) {
        int v = level.intValue();
        if (v >= Level.WARNING.intValue()) {
            return LogLevel.WARNING;
        }
        if (v >= Level.INFO.intValue()) {
            return LogLevel.LOG;
        }
        if (v >= Level.CONFIG.intValue()) {
            return LogLevel.DEBUG1;
        }
        if (v >= Level.FINE.intValue()) {
            return LogLevel.DEBUG2;
        }
        return v >= Level.FINER.intValue() ? LogLevel.DEBUG3 : LogLevel.DEBUG5;
    }

    /** The server's thresholds, read where the server writes them, so SET shows at once. */
    private static final class Thresholds {
        static final long LOG_MIN_MESSAGES = Facts.get("addr.log_min_messages");
        static final long CLIENT_MIN_MESSAGES = Facts.get("addr.client_min_messages");
        static final int LOG = Facts.getInt("LOG");
        static final int INFO = Facts.getInt("INFO");
        static final int ERROR = Facts.getInt("ERROR");
        static final int FATAL = Facts.getInt("FATAL");
        /** Each LogLevel's server level, by ordinal (literal names, which the build checks against facts.c). */
        static final int[] LEVELS = {Facts.getInt("DEBUG5"), Facts.getInt("DEBUG4"), Facts.getInt("DEBUG3"),
            Facts.getInt("DEBUG2"), Facts.getInt("DEBUG1"), LOG, INFO, Facts.getInt("NOTICE"), Facts.getInt("WARNING")};
    }
}

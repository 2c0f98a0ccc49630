package org.pgj.internal.call;

import java.lang.foreign.Arena;
import org.pgj.errors.PgException;
import org.pgj.errors.PgInterrupt;
import org.pgj.errors.SqlState;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * Hands a throwable that escaped Java code to the native runtime, which raises it as an
 * ERROR once the Java frames have returned. Nothing may escape an upcall: an exception
 * leaving an FFM upcall terminates the process.
 */
public final class ErrorBridge {
    private static final int CONTEXT_FRAMES = 8;
    private static final long SET_JAVA_ERROR = Facts.get("fn.pgj_set_java_error");
    private static final long SET_INTERRUPT = Facts.get("fn.pgj_set_interrupt");
    private static final int OUT_OF_MEMORY = Guard.packSqlState(SqlState.OUT_OF_MEMORY);
    private static final long FALLBACK_MESSAGE = Arena.global()
            .allocateFrom("Java error (details lost: out of memory while reporting it)").address();

    private ErrorBridge() {
    }

    /** Records {@code t} for the native side; never throws. */
    public static void record(Throwable t) {
        try {
            if (t instanceof PgInterrupt) {
                // The server raises the real cancel or termination; the report below is the fallback.
                setInterrupt();
            }
            Report r = report(t);
            try (Arena arena = Arena.ofConfined()) {
                setJavaError(Guard.packSqlState(r.sqlState),
                        ServerEncoding.messageCString(arena, r.message), ServerEncoding.messageCString(arena, r.detail),
                        ServerEncoding.messageCString(arena, r.hint), ServerEncoding.messageCString(arena, r.context));
            }
        } catch (Throwable failure) {
            try {
                setJavaError(OUT_OF_MEMORY, FALLBACK_MESSAGE, 0, 0, 0);
            } catch (Throwable ignored) {
                // Nothing more can be done without memory; the native side still sees an error.
            }
        }
    }

    /** errors.c keeps a copy of the error, which the call handler raises once Java has returned. */
    @CFunction(value = "void pgj_set_java_error(int32, const char *, const char *, const char *, const char *)",
            call = CFunction.Call.DIRECT)
    private static void setJavaError(int sqlState, long message, long detail, long hint, long context) {
        Native.direct(SET_JAVA_ERROR, sqlState, message, detail, hint, context, 0);
    }

    /** Java unwound for a cancel or termination, which the server raises itself. */
    @CFunction(value = "void pgj_set_interrupt(void)", call = CFunction.Call.DIRECT)
    private static void setInterrupt() {
        Native.direct(SET_INTERRUPT);
    }

    record Report(String sqlState, String message, String detail, String hint, String context) {
    }

    static Report report(Throwable t) {
        if (t instanceof PgException e) {
            return new Report(e.sqlState(), e.getMessage(), e.detail(), e.hint(), javaContext(e));
        }
        String message = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        String hint = null;
        if (t instanceof StackOverflowError) {
            hint = "The Java code recursed too deeply; raise the JVM stack with pgj.jvm_options (-Xss) only if the recursion is bounded.";
        } else if (t instanceof OutOfMemoryError) {
            hint = "Raise the Java heap of the backends with pgj.jvm_options, e.g. -Xmx1g.";
        } else if (crossesModuleBoundary(t)) {
            hint = boundaryHint();
        }
        return new Report(sqlStateOf(t), message, null, hint, javaContext(t));
    }

    /** The JDK's refusal of an extension's access to the runtime's packages (see module-info). */
    private static boolean crossesModuleBoundary(Throwable t) {
        Module runtime = ErrorBridge.class.getModule();
        return (t instanceof IllegalAccessError || t instanceof IllegalAccessException
                || t instanceof java.lang.reflect.InaccessibleObjectException)
                && runtime.isNamed() && t.getMessage() != null
                && t.getMessage().contains("module " + runtime.getName() + " does not");
    }

    private static String boundaryHint() {
        Module runtime = ErrorBridge.class.getModule();
        return "Packages under org.pgj.internal are pgj's runtime, not its API: an extension may use only the packages"
                + " module " + runtime.getName() + " exports ("
                + String.join(", ", runtime.getDescriptor().exports().stream().map(e -> e.source()).sorted().toList())
                + ").";
    }

    /** The SQLSTATE a Java throwable maps to; unknown ones are external routine exceptions. */
    static String sqlStateOf(Throwable t) {
        return switch (t) {
            case PgInterrupt i -> i.sqlState();
            case OutOfMemoryError e -> SqlState.OUT_OF_MEMORY;
            case StackOverflowError e -> SqlState.STATEMENT_TOO_COMPLEX;
            case ArithmeticException e when "/ by zero".equals(e.getMessage()) -> SqlState.DIVISION_BY_ZERO;
            case ArithmeticException e -> SqlState.NUMERIC_VALUE_OUT_OF_RANGE;
            case NumberFormatException e -> SqlState.INVALID_TEXT_REPRESENTATION;
            case IllegalArgumentException e -> SqlState.INVALID_PARAMETER_VALUE;
            case IndexOutOfBoundsException e -> SqlState.ARRAY_SUBSCRIPT_ERROR;
            case UnsupportedOperationException e -> SqlState.FEATURE_NOT_SUPPORTED;
            default -> SqlState.EXTERNAL_ROUTINE_EXCEPTION;
        };
    }

    /**
     * The top Java frames, for the server log (errors.c; the client's CONTEXT only under
     * pgj.error_java_stack); pgj's own frames are left out.
     */
    static String javaContext(Throwable t) {
        StringBuilder sb = new StringBuilder("Java stack of ").append(t.getClass().getName()).append(':');
        int shown = 0;
        for (StackTraceElement frame : t.getStackTrace()) {
            String cls = frame.getClassName();
            if (cls.startsWith("org.pgj.internal.") || cls.startsWith("java.lang.invoke.")) {
                continue;
            }
            if (shown++ == CONTEXT_FRAMES) {
                sb.append("\n  ...");
                break;
            }
            sb.append("\n  at ").append(frame);
        }
        if (t.getCause() != null) {
            sb.append("\nCaused by: ").append(t.getCause());
        }
        return shown == 0 && t.getCause() == null ? null : sb.toString();
    }
}

package org.pgj.spi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.datum.Conversions;
import org.pgj.internal.datum.TypeMapping;
import org.pgj.internal.datum.TypeMappings;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;
import org.pgj.types.Oid;

/**
 * Direct calls of server functions, by name or OID, through fmgr, as pgrx's
 * {@code direct_function_call}: no SQL is parsed, planned or executed, so a call costs a small
 * fraction of the same call through SPI.
 *
 * <pre>{@code
 * int length = Server.call("pg_catalog.textlen", Integer.class, "abc");
 * String upper = Server.call("pg_catalog.upper(text)", String.class, "abc");
 * }</pre>
 *
 * <p>A name is {@code schema.name} or {@code name} on the search path when one function has it,
 * or a signature {@code name(type, ...)}; the server resolves it once per transaction, as
 * {@code 'name'::regproc} (or {@code ::regprocedure}) would, with the same errors (42883 when
 * there is none, 42725 when the name is ambiguous). The arguments are converted to the
 * function's argument types as SPI's are (a String in a type's text form goes too), and the
 * result to {@code resultType} as an SPI column's; null is SQL NULL, and a strict function
 * called with one gives null without running. The server's checks apply as in SQL: EXECUTE
 * permission (42501), a security definer function runs as its owner, errors propagate as
 * {@link PgException}, and a cancel stops a long call. {@code Void.class} as the result type
 * calls a function for its effect (a {@code void} function, or any result dropped): the call
 * returns null. Set-returning functions, aggregates and
 * procedures cannot be called this way (0A000), nor polymorphic functions that need to know
 * their call's types. Only the backend's thread may call.
 */
public final class Server {
    private static final long RESOLVE = Facts.get("fn.pgj_fmgr_resolve");
    private static final long DESCRIBE = Facts.get("fn.pgj_fmgr_describe");
    private static final long CALL = Facts.get("fn.pgj_fmgr_call");
    private static final long GENERATION = Facts.get("addr.pgj_fmgr_generation");
    private static final long DESCRIPTION_SIZE = Facts.get("sizeof.PgjDirectFunction");
    private static final long D_NARGS = Facts.get("PgjDirectFunction.nargs");
    private static final long D_ARGTYPES = Facts.get("PgjDirectFunction.argtypes");
    private static final long D_RETTYPE = Facts.get("PgjDirectFunction.rettype");
    private static final long D_STRICT = Facts.get("PgjDirectFunction.strict");
    private static final long CALL_SIZE = Facts.get("sizeof.PgjDirectCall");
    private static final long C_FN = Facts.get("PgjDirectCall.fn");
    private static final long C_NARGS = Facts.get("PgjDirectCall.nargs");
    private static final long C_STRICT = Facts.get("PgjDirectCall.strict");
    private static final long C_ARGS = Facts.get("PgjDirectCall.args");
    private static final long C_NULLS = Facts.get("PgjDirectCall.nulls");
    private static final long C_RESULT = Facts.get("PgjDirectCall.result");
    private static final long C_ISNULL = Facts.get("PgjDirectCall.isnull");
    private static final int VOID_TYPE = Facts.getInt("VOIDOID");

    /** A function as the server describes it: its argument types, result type and strictness. */
    private record Function(int oid, String name, int[] argTypes, int resultType, boolean strict) {
    }

    /** Resolved names and described functions of the current transaction (see {@link #generation}). */
    private static final Map<String, Function> BY_NAME = new HashMap<>();
    private static final Map<Integer, Function> BY_OID = new HashMap<>();
    private static long generation;

    private Server() {
    }

    /** Calls the function named {@code function} (see the class comment) and returns its result as {@code resultType}. */
    public static <T> T call(String function, Class<T> resultType, Object... args) {
        Objects.requireNonNull(function, "function");
        Backend.checkThread();
        forgetIfNewTransaction();
        Function f = BY_NAME.get(function);
        if (f == null) {
            int oid;
            try (Scratch scratch = Scratch.open()) {
                oid = resolve(ServerText.toServer(scratch, function, "function name"));
            }
            f = describe(oid, function);
            BY_NAME.put(function, f);
        }
        return invoke(f, resultType, args);
    }

    /** Calls the function of OID {@code function} and returns its result as {@code resultType}. */
    public static <T> T call(Oid function, Class<T> resultType, Object... args) {
        Objects.requireNonNull(function, "function");
        Backend.checkThread();
        forgetIfNewTransaction();
        Function f = BY_OID.get((int) function.value());
        if (f == null) {
            f = describe((int) function.value(), "function with OID " + function.value());
        }
        return invoke(f, resultType, args);
    }

    /** A function may be replaced or dropped between transactions: what was resolved holds for one. */
    private static void forgetIfNewTransaction() {
        long current = Native.ALL.get(JAVA_LONG, GENERATION);
        if (current != generation) {
            BY_NAME.clear();
            BY_OID.clear();
            generation = current;
        }
    }

    private static Function describe(int oid, String name) {
        Function f = BY_OID.get(oid);
        if (f != null) {
            return f;
        }
        try (Scratch scratch = Scratch.open()) {
            long d = scratch.buffer(DESCRIPTION_SIZE);
            describe(oid, d);
            int n = Native.ALL.get(JAVA_INT, d + D_NARGS);
            int[] types = new int[n];
            for (int i = 0; i < n; i++) {
                types[i] = Native.ALL.get(JAVA_INT, d + D_ARGTYPES + 4L * i);
            }
            f = new Function(oid, name, types, Native.ALL.get(JAVA_INT, d + D_RETTYPE),
                    Native.ALL.get(JAVA_BYTE, d + D_STRICT) != 0);
        }
        BY_OID.put(oid, f);
        return f;
    }

    private static <T> T invoke(Function f, Class<T> resultType, Object[] args) {
        Objects.requireNonNull(resultType, "resultType");
        Object[] values = args == null ? new Object[] {null} : args;
        if (values.length != f.argTypes.length) {
            throw new PgException(SqlState.UNDEFINED_FUNCTION, f.name + " takes " + f.argTypes.length + " argument"
                    + (f.argTypes.length == 1 ? "" : "s") + ", not " + values.length);
        }
        // Void.class calls a function for its effect: a void function's, or any result dropped.
        boolean discard = resultType == Void.class || resultType == void.class;
        TypeMapping reading = discard ? null : TypeMappings.forRead(TypeMappings.boxed(resultType), f.resultType);
        if (!discard && reading == null) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, f.name + " returns " + Conversions.typeName(f.resultType)
                    + ", which cannot be read as a Java " + resultType.getName()
                    + (f.resultType == VOID_TYPE ? ": call it with Void.class" : ""));
        }
        try (Scratch scratch = Scratch.open()) {
            long call = scratch.buffer(CALL_SIZE);
            long previous = scratch.enter(); // arguments and the result are palloc'd here
            try {
                Native.ALL.set(JAVA_INT, call + C_FN, f.oid);
                Native.ALL.set(JAVA_INT, call + C_NARGS, values.length);
                Native.ALL.set(JAVA_BYTE, call + C_STRICT, (byte) (f.strict ? 1 : 0));
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    Native.ALL.set(JAVA_BYTE, call + C_NULLS + i, (byte) (v == null ? 1 : 0));
                    Native.ALL.set(JAVA_LONG, call + C_ARGS + 8L * i,
                            v == null ? 0 : Conversions.write(v, f.argTypes[i], "argument " + (i + 1) + " of " + f.name));
                    if (v instanceof String s) {
                        scratch.holds(3L * s.length());
                    }
                }
                fmgrCall(call);
                if (discard || Native.ALL.get(JAVA_BYTE, call + C_ISNULL) != 0) {
                    return null;
                }
                @SuppressWarnings("unchecked") // a primitive class's T is its box
                T result = (T) TypeMappings.boxed(resultType).cast(
                        Conversions.read(reading, Native.ALL.get(JAVA_LONG, call + C_RESULT)));
                return result;
            } finally {
                Scratch.leave(previous);
            }
        }
    }

    @CFunction("Oid pgj_fmgr_resolve(const char *)")
    private static int resolve(long name) {
        return (int) Guard.call(RESOLVE, name);
    }

    @CFunction("int32 pgj_fmgr_describe(Oid, PgjDirectFunction *)")
    private static int describe(int oid, long out) {
        return (int) Guard.call(DESCRIBE, oid, out);
    }

    @CFunction("void pgj_fmgr_call(PgjDirectCall *)")
    private static void fmgrCall(long call) {
        Guard.call(CALL, call);
    }
}

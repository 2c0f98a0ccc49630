package org.pgj.internal.triggers;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.call.ErrorBridge;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.datum.TypeMapping;
import org.pgj.internal.datum.TypeMappings;
import org.pgj.triggers.Trigger;
import org.pgj.triggers.TriggerRow;

/**
 * A resolved trigger function ({@code RETURNS trigger}): the user's method, which takes a
 * {@link Trigger} and returns a {@link TriggerRow}, a record or nothing. Its invoker has the
 * shape of every pgj function's, {@code long invoke(long fcinfo)}.
 */
public final class TriggerFunction {
    private static final MethodHandle INVOKE = Native.findStatic(MethodHandles.lookup(), TriggerFunction.class, "invoke",
            methodType(long.class, TriggerFunction.class, long.class));

    private final MethodHandle method;
    private final boolean returnsVoid;
    private final TypeMappings.Describer fn;
    /** Record mappings by record class and table layout: a table altered since gets a new one. */
    private final Map<RecordKey, TypeMapping> records = new HashMap<>();

    private record RecordKey(Class<?> type, int rowType, List<Integer> signature) {
    }

    /** Column mappings by Java type and SQL type; null values remember that there is none. */
    private final Map<ColumnKey, TypeMapping> columns = new HashMap<>();

    private record ColumnKey(Class<?> javaType, int sqlType) {
    }

    private TriggerFunction(MethodHandle method, boolean returnsVoid, TypeMappings.Describer fn) {
        this.method = method;
        this.returnsVoid = returnsVoid;
        this.fn = fn;
    }

    /** The invoker {@code (long fcinfo) -> long} of trigger function {@code target}, or 42P13 when its signature does not fit. */
    public static MethodHandle invoker(Method target, TypeMappings.Describer fn) {
        Class<?>[] parameters = target.getParameterTypes();
        if (parameters.length != 1 || parameters[0] != Trigger.class) {
            throw invalid(fn, "method " + target.getName() + " must take exactly one parameter, a " + Trigger.class.getName());
        }
        Class<?> result = target.getReturnType();
        if (result != void.class && result != TriggerRow.class && result != Record.class && !result.isRecord()) {
            throw invalid(fn, "method " + target.getName() + " returns " + result.getName()
                    + "; a trigger returns a TriggerRow, a record or void");
        }
        try {
            MethodHandle handle = MethodHandles.publicLookup().unreflect(target)
                    .asType(methodType(Object.class, Trigger.class));
            return INVOKE.bindTo(new TriggerFunction(handle, result == void.class, fn));
        } catch (IllegalAccessException e) {
            throw invalid(fn, "method " + target.getName() + " is not accessible: make it and its class public");
        }
    }

    private static PgException invalid(TypeMappings.Describer fn, String message) {
        return new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "trigger function " + fn.describe() + ": " + message);
    }

    /** One call: reads the TriggerData, runs the method, returns the HeapTuple (0: skip, or ignored). */
    private static long invoke(TriggerFunction f, long fcinfo) {
        TriggerCall call = null;
        try {
            call = new TriggerCall(f, fcinfo);
            TransitionTables.enter(call);
            Object returned = (Object) f.method.invokeExact((Trigger) call);
            return call.result(returned, f.returnsVoid);
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        } finally {
            if (call != null) {
                TransitionTables.exit(call);
                call.end();
            }
        }
    }

    /**
     * How Java type {@code javaType} reads or writes a column of {@code sqlType}, planned as for a
     * function parameter (arrays, records, domains, text forms...); null when it cannot.
     */
    TypeMapping columnMapping(Class<?> javaType, int sqlType, String column) {
        ColumnKey key = new ColumnKey(javaType, sqlType);
        TypeMapping mapping = columns.get(key);
        if (mapping == null && !columns.containsKey(key)) {
            try {
                mapping = javaType == Object.class ? TypeMappings.natural(sqlType)
                        : TypeMappings.conversion(javaType, sqlType, column, fn).mapping();
            } catch (PgException e) {
                if (!SqlState.INVALID_FUNCTION_DEFINITION.equals(e.sqlState())) {
                    throw e;
                }
                // A raw List or Range (as get(column) gives them) reads and writes as the natural type.
                mapping = TypeMappings.forRead(javaType, sqlType);
            }
            columns.put(key, mapping);
        }
        return mapping;
    }

    /** How record class {@code type} maps to the table's row type; 42804 when its components do not fit the columns. */
    TypeMapping recordMapping(Class<?> type, TableColumns columns, String table) {
        RecordKey key = new RecordKey(type, columns.rowType, columns.signature);
        TypeMapping mapping = records.get(key);
        if (mapping == null) {
            try {
                mapping = TypeMappings.conversion(type, columns.rowType, "row of table " + table, fn).mapping();
            } catch (PgException e) {
                if (!SqlState.INVALID_FUNCTION_DEFINITION.equals(e.sqlState())) {
                    throw e;
                }
                throw new PgException(SqlState.DATATYPE_MISMATCH, "record " + type.getName()
                        + " does not match the structure of table " + table, e.getMessage(),
                        "A record for a row has one component per column, in table order, of types that hold them.");
            }
            records.put(key, mapping);
        }
        return mapping;
    }
}

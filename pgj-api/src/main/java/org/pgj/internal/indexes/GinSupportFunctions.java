package org.pgj.internal.indexes;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.invoke.MethodType.methodType;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.indexes.GinCheck;
import org.pgj.indexes.GinQuery;
import org.pgj.indexes.GinSupport;
import org.pgj.indexes.GinTernary;
import org.pgj.indexes.GinTriCheck;
import org.pgj.indexes.PgOperatorClass;
import org.pgj.internal.aggregates.ObjectStates;
import org.pgj.internal.call.ErrorBridge;
import org.pgj.internal.datum.Conversions;
import org.pgj.internal.datum.Datums;
import org.pgj.internal.datum.FcInfo;
import org.pgj.internal.datum.TypeMapping;
import org.pgj.internal.datum.TypeMappings;
import org.pgj.internal.datum.Varlena;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;

/**
 * The GIN support functions of a {@code @PgOperatorClass}, whose body names the class and the
 * role ({@code 'com.example.WordIndex::gin_extract_value'}). Each is a {@code (long fcinfo) -> long}
 * invoker that reads the pointers GIN passes (see the argument lists in the roles' methods below),
 * converts values and keys with the types the class names (one conversion path,
 * {@link TypeMappings}), calls the {@link GinSupport} method of that role and writes its answer
 * where GIN reads it: key arrays and flags palloc'd in the context GIN called in, extra data held
 * for Java in that context ({@link ObjectStates#holdInCurrentContext}). Like every invoker, it
 * records what it throws for the native side instead of letting it escape.
 */
public final class GinSupportFunctions {
    private static final String PREFIX = "gin_";
    private static final int SEARCH_DEFAULT = Facts.getInt("GIN_SEARCH_MODE_DEFAULT");
    private static final int SEARCH_INCLUDE_EMPTY = Facts.getInt("GIN_SEARCH_MODE_INCLUDE_EMPTY");
    private static final int SEARCH_ALL = Facts.getInt("GIN_SEARCH_MODE_ALL");
    private static final int TERNARY_FALSE = Facts.getInt("GIN_FALSE");
    private static final int TERNARY_TRUE = Facts.getInt("GIN_TRUE");
    private static final int TERNARY_MAYBE = Facts.getInt("GIN_MAYBE");
    private static final long POINTER = Long.BYTES;

    private GinSupportFunctions() {
    }

    /** Whether a function body ({@code class::role}) is a GIN support function's. */
    public static boolean isRole(String source) {
        return SupportMethods.isRole(source, PREFIX);
    }

    /** The body of the function of {@code role} in the operator class {@code className}. */
    public static String source(String className, GinSupport.Role role) {
        return className + "::" + SupportMethods.roleName(PREFIX, role);
    }

    /**
     * The invoker of {@code source}; the class is loaded by {@code loader}, and initialized now if
     * {@code initialize} (not when the validator checks the function, which runs no extension code).
     */
    public static MethodHandle invoker(String source, ClassLoader loader, TypeMappings.Describer fn, boolean initialize) {
        SupportMethods.Resolved<GinSupport.Role> resolved = SupportMethods.resolve(source, PREFIX, GinSupport.Role.class,
                GinSupport.class, GinSupport::value, "GIN", loader, fn, initialize);
        GinSupport.Role role = resolved.role();
        Method method = resolved.method();
        SupportMethods.Types types = new SupportMethods.Types(resolved.opclass(), fn);
        MethodHandle target = resolved.target();
        String name = resolved.name();
        Type[] parameters = method.getGenericParameterTypes();
        return switch (role) {
            case EXTRACT_VALUE -> {
                SupportMethods.expect(fn, name, parameters.length == 1 && method.getReturnType() == List.class,
                        "List<K> " + method.getName() + "(V value)");
                TypeMapping value = types.mapping(parameters[0], types.type, "parameter $1 (the indexed value)");
                TypeMapping key = types.mapping(SupportMethods.argumentOf(method.getGenericReturnType(), fn, name), types.storage,
                        "a key of the result");
                yield bind("extractValue", new ExtractValue(target.asType(methodType(Object.class, Object.class)), value,
                        key));
            }
            case EXTRACT_QUERY -> {
                SupportMethods.expect(fn, name, parameters.length == 2 && method.getReturnType() == GinQuery.class
                        && method.getParameterTypes()[1] == int.class, "GinQuery<K> " + method.getName()
                        + "(Q query, int strategy)");
                TypeMapping query = types.mapping(parameters[0], types.query, "parameter $1 (the query)");
                TypeMapping key = types.mapping(SupportMethods.argumentOf(method.getGenericReturnType(), fn, name), types.storage,
                        "a key of the result");
                yield bind("extractQuery", new ExtractQuery(
                        target.asType(methodType(Object.class, Object.class, int.class)), query, key));
            }
            case CONSISTENT, TRI_CONSISTENT -> {
                boolean tri = role == GinSupport.Role.TRI_CONSISTENT;
                Class<?> check = tri ? GinTriCheck.class : GinCheck.class;
                Class<?> result = tri ? GinTernary.class : boolean.class;
                String shape = result.getSimpleName() + " " + method.getName() + "(" + check.getSimpleName()
                        + "<K> check[, Q query])";
                SupportMethods.expect(fn, name, (parameters.length == 1 || parameters.length == 2)
                        && method.getParameterTypes()[0] == check && method.getReturnType() == result, shape);
                TypeMapping key = types.mapping(SupportMethods.argumentOf(parameters[0], fn, name), types.storage, "a key of the check");
                TypeMapping query = parameters.length == 2
                        ? types.mapping(parameters[1], types.query, "parameter $2 (the query)") : null;
                MethodHandle call = target.asType(parameters.length == 2
                        ? methodType(Object.class, Object.class, Object.class) : methodType(Object.class, Object.class));
                if (parameters.length == 1) {
                    call = MethodHandles.dropArguments(call, 1, Object.class);
                }
                yield bind(tri ? "triConsistent" : "consistent", new Consistent(call, key, query));
            }
            case COMPARE -> {
                SupportMethods.expect(fn, name, parameters.length == 2 && method.getReturnType() == int.class,
                        "int " + method.getName() + "(K a, K b)");
                TypeMapping key = types.mapping(parameters[0], types.storage, "parameter $1 (a key)");
                types.mapping(parameters[1], types.storage, "parameter $2 (a key)");
                yield bind("compare", new Compare(target.asType(methodType(int.class, Object.class, Object.class)), key));
            }
            case COMPARE_PARTIAL -> {
                SupportMethods.expect(fn, name, parameters.length == 4 && method.getReturnType() == int.class
                        && method.getParameterTypes()[2] == int.class && method.getParameterTypes()[3] == Object.class,
                        "int " + method.getName() + "(K partialKey, K key, int strategy, Object extra)");
                TypeMapping key = types.mapping(parameters[0], types.storage, "parameter $1 (the partial key)");
                yield bind("comparePartial", new ComparePartial(target.asType(
                        methodType(int.class, Object.class, Object.class, int.class, Object.class)), key));
            }
        };
    }

    private static MethodHandle bind(String entry, Object role) {
        MethodHandle h = Native.findStatic(MethodHandles.lookup(), GinSupportFunctions.class, entry,
                methodType(long.class, role.getClass(), long.class));
        return MethodHandles.insertArguments(h, 0, role);
    }

    private record ExtractValue(MethodHandle method, TypeMapping value, TypeMapping key) {
    }

    private record ExtractQuery(MethodHandle method, TypeMapping query, TypeMapping key) {
    }

    /** A consistent or tri-consistent method as {@code (check, query) -> answer}, boxed. */
    private record Consistent(MethodHandle method, TypeMapping key, TypeMapping query) {
        /** Calls the method with {@code check}, which it may read only during the call. */
        Object decide(Keys check, long fcinfo) throws Throwable {
            try {
                Object q = query == null ? null : Conversions.read(query, FcInfo.arg(fcinfo, 2));
                return (Object) method.invokeExact((Object) check, q);
            } finally {
                check.end();
            }
        }
    }

    private record Compare(MethodHandle method, TypeMapping key) {
    }

    private record ComparePartial(MethodHandle method, TypeMapping key) {
    }

    /** {@code Datum *extractValue(Datum itemValue, int32 *nkeys, bool **nullFlags)}. */
    static long extractValue(ExtractValue role, long fcinfo) {
        try {
            Object value = Conversions.read(role.value(), FcInfo.arg(fcinfo, 0));
            List<?> keys = (List<?>) (Object) role.method().invokeExact(value);
            return keyArray(keys, role.key(), FcInfo.arg(fcinfo, 1), FcInfo.arg(fcinfo, 2));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /**
     * {@code Datum *extractQuery(Datum query, int32 *nkeys, StrategyNumber n, bool **pmatch,
     * Pointer **extra_data, bool **nullFlags, int32 *searchMode)}.
     */
    static long extractQuery(ExtractQuery role, long fcinfo) {
        try {
            Object query = Conversions.read(role.query(), FcInfo.arg(fcinfo, 0));
            GinQuery<?> answer = (GinQuery<?>) (Object) role.method().invokeExact(query, strategy(fcinfo, 2));
            if (answer == null) {
                answer = GinQuery.empty();
            }
            ALL.set(JAVA_INT, FcInfo.arg(fcinfo, 6), switch (answer.searchMode()) {
                case DEFAULT -> SEARCH_DEFAULT;
                case INCLUDE_EMPTY -> SEARCH_INCLUDE_EMPTY;
                case ALL -> SEARCH_ALL;
            });
            int count = answer.keys().size();
            long keys = keyArray(answer.keys(), role.key(), FcInfo.arg(fcinfo, 1), FcInfo.arg(fcinfo, 5));
            if (count > 0 && answer.hasPartialMatch()) {
                long flags = Varlena.palloc(count);
                for (int i = 0; i < count; i++) {
                    ALL.set(JAVA_BYTE, flags + i, (byte) (answer.partialMatch(i) ? 1 : 0));
                }
                ALL.set(JAVA_LONG, FcInfo.arg(fcinfo, 3), flags);
            }
            if (count > 0 && answer.hasExtra()) {
                long extras = Varlena.palloc(count * POINTER);
                for (int i = 0; i < count; i++) {
                    Object extra = answer.extra(i);
                    ALL.set(JAVA_LONG, extras + i * POINTER, extra == null ? 0 : ObjectStates.holdInCurrentContext(extra));
                }
                ALL.set(JAVA_LONG, FcInfo.arg(fcinfo, 4), extras);
            }
            return keys;
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /**
     * {@code bool consistent(GinTernaryValue check[], StrategyNumber n, Datum query, int32 nkeys,
     * Pointer extra_data[], bool *recheck, Datum queryKeys[], bool nullFlags[])}.
     */
    static long consistent(Consistent role, long fcinfo) {
        try {
            long recheck = FcInfo.arg(fcinfo, 5);
            ALL.set(JAVA_BYTE, recheck, (byte) 1);
            return Datums.boolTo((Boolean) role.decide(new Check(fcinfo, role.key(), recheck), fcinfo));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /**
     * {@code GinTernaryValue triConsistent(GinTernaryValue check[], StrategyNumber n, Datum query,
     * int32 nkeys, Pointer extra_data[], Datum queryKeys[], bool nullFlags[])}.
     */
    static long triConsistent(Consistent role, long fcinfo) {
        try {
            GinTernary answer = (GinTernary) role.decide(new TriCheck(fcinfo, role.key()), fcinfo);
            if (answer == null) {
                throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, "a GIN tri-consistent function returned null;"
                        + " return GinTernary.MAYBE when the keys cannot tell");
            }
            return switch (answer) {
                case FALSE -> TERNARY_FALSE;
                case TRUE -> TERNARY_TRUE;
                case MAYBE -> TERNARY_MAYBE;
            };
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /** {@code int32 compare(Datum a, Datum b)}. */
    static long compare(Compare role, long fcinfo) {
        try {
            Object a = Conversions.read(role.key(), FcInfo.arg(fcinfo, 0));
            Object b = Conversions.read(role.key(), FcInfo.arg(fcinfo, 1));
            return Datums.int4To((int) role.method().invokeExact(a, b));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /** {@code int32 comparePartial(Datum partial_key, Datum key, StrategyNumber n, Pointer extra_data)}. */
    static long comparePartial(ComparePartial role, long fcinfo) {
        try {
            Object partial = Conversions.read(role.key(), FcInfo.arg(fcinfo, 0));
            Object key = Conversions.read(role.key(), FcInfo.arg(fcinfo, 1));
            long extra = FcInfo.arg(fcinfo, 3);
            return Datums.int4To((int) role.method().invokeExact(partial, key, strategy(fcinfo, 2),
                    extra == 0 ? null : ObjectStates.heldAt(extra)));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /** A StrategyNumber argument (uint16). */
    static int strategy(long fcinfo, int index) {
        return (int) (FcInfo.arg(fcinfo, index) & 0xFFFF);
    }

    /**
     * Writes {@code keys} as GIN reads an extract function's answer: the count into {@code *nkeys},
     * a palloc'd Datum array as the result (0 for no keys), and a palloc'd flag per key into
     * {@code *nullFlags} when a key is NULL.
     */
    private static long keyArray(List<?> keys, TypeMapping mapping, long countOut, long nullFlagsOut) {
        int count = keys == null ? 0 : keys.size();
        ALL.set(JAVA_INT, countOut, count);
        if (count == 0) {
            return 0;
        }
        long datums = Varlena.palloc(count * POINTER);
        long nulls = 0;
        int i = 0;
        for (Object key : keys) {
            if (i == count) {
                break; // a list that grew while read: GIN was told count
            }
            if (key == null) {
                if (nulls == 0) {
                    nulls = Varlena.palloc(count);
                    for (int j = 0; j < count; j++) {
                        ALL.set(JAVA_BYTE, nulls + j, (byte) 0);
                    }
                }
                ALL.set(JAVA_BYTE, nulls + i, (byte) 1);
                ALL.set(JAVA_LONG, datums + i * POINTER, 0L);
            } else {
                ALL.set(JAVA_LONG, datums + i * POINTER, Conversions.write(mapping, key));
            }
            i++;
        }
        if (nulls != 0) {
            ALL.set(JAVA_LONG, nullFlagsOut, nulls);
        }
        return datums;
    }

    /**
     * The keys a consistent function gets: reads GIN's arrays of this call, and refuses to once
     * the call has returned (the arrays are GIN's, reused for the next item).
     */
    private abstract static class Keys implements org.pgj.indexes.GinKeys<Object> {
        final long fcinfo;
        private final TypeMapping key;
        private final int keysArgument;
        private final int nullsArgument;
        private final int count;
        private boolean ended;

        Keys(long fcinfo, TypeMapping key, int keysArgument, int nullsArgument) {
            this.fcinfo = fcinfo;
            this.key = key;
            this.keysArgument = keysArgument;
            this.nullsArgument = nullsArgument;
            this.count = (int) FcInfo.arg(fcinfo, 3);
        }

        void end() {
            ended = true;
        }

        void live() {
            if (ended) {
                throw new IllegalStateException("a GIN check was used after its consistent function returned");
            }
        }

        int index(int i) {
            live();
            if (i < 0 || i >= count) {
                throw new IndexOutOfBoundsException("key " + i + " of a query of " + count + " keys");
            }
            return i;
        }

        /** GIN's {@code check[i]}: GIN_FALSE, GIN_TRUE or GIN_MAYBE. */
        int ternary(int i) {
            return ALL.get(JAVA_BYTE, FcInfo.arg(fcinfo, 0) + index(i));
        }

        @Override
        public int strategy() {
            live();
            return GinSupportFunctions.strategy(fcinfo, 1);
        }

        @Override
        public int keyCount() {
            live();
            return count;
        }

        @Override
        public Object key(int i) {
            index(i);
            long nulls = FcInfo.arg(fcinfo, nullsArgument);
            if (nulls != 0 && ALL.get(JAVA_BYTE, nulls + i) != 0) {
                return null;
            }
            return Conversions.read(key, ALL.get(JAVA_LONG, FcInfo.arg(fcinfo, keysArgument) + i * POINTER));
        }

        @Override
        public Object extra(int i) {
            index(i);
            long extras = FcInfo.arg(fcinfo, 4);
            long held = extras == 0 ? 0 : ALL.get(JAVA_LONG, extras + i * POINTER);
            return held == 0 ? null : ObjectStates.heldAt(held);
        }
    }

    /** A boolean consistent function's check, which also sets {@code *recheck}. */
    private static final class Check extends Keys implements GinCheck<Object> {
        private final long recheck;

        Check(long fcinfo, TypeMapping key, long recheck) {
            super(fcinfo, key, 6, 7);
            this.recheck = recheck;
        }

        @Override
        public boolean has(int i) {
            return ternary(i) != TERNARY_FALSE;
        }

        @Override
        public void recheck(boolean value) {
            live();
            ALL.set(JAVA_BYTE, recheck, (byte) (value ? 1 : 0));
        }
    }

    /** A tri-consistent function's check. */
    private static final class TriCheck extends Keys implements GinTriCheck<Object> {
        TriCheck(long fcinfo, TypeMapping key) {
            super(fcinfo, key, 5, 6);
        }

        @Override
        public GinTernary has(int i) {
            int value = ternary(i);
            return value == TERNARY_FALSE ? GinTernary.FALSE : value == TERNARY_TRUE ? GinTernary.TRUE : GinTernary.MAYBE;
        }
    }
}

package org.pgj.internal.indexes;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static java.lang.invoke.MethodType.methodType;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.indexes.GistCheck;
import org.pgj.indexes.GistSplit;
import org.pgj.indexes.GistSupport;
import org.pgj.indexes.IndexOperator;
import org.pgj.indexes.PgOperatorClass;
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
 * The GiST support functions of a {@code @PgOperatorClass} with {@code method = GIST}, whose body
 * names the class and the role ({@code 'com.example.PointIndex::gist_penalty'}). Like
 * {@link GinSupportFunctions}, each is a {@code (long fcinfo) -> long} invoker that reads the
 * pointers GiST passes ({@code GISTENTRY *}, {@code GistEntryVector *}, {@code GIST_SPLITVEC *}, at
 * the offsets of this server's headers), converts keys with the types the class names, calls the
 * {@link GistSupport} method of that role and writes its answer where GiST reads it, palloc'd in the
 * context GiST called in. Anything thrown is recorded for the native side.
 */
public final class GistSupportFunctions {
    private static final String PREFIX = "gist_";
    private static final long ENTRY_KEY = Facts.get("GISTENTRY.key");
    private static final long ENTRY_REL = Facts.get("GISTENTRY.rel");
    private static final long ENTRY_PAGE = Facts.get("GISTENTRY.page");
    private static final long ENTRY_OFFSET = Facts.get("GISTENTRY.offset");
    private static final long ENTRY_LEAFKEY = Facts.get("GISTENTRY.leafkey");
    private static final long ENTRY_SIZE = Facts.get("sizeof.GISTENTRY");
    private static final long VECTOR_N = Facts.get("GistEntryVector.n");
    private static final long VECTOR_ENTRIES = Facts.get("GistEntryVector.vector");
    private static final long SPLIT_LEFT = Facts.get("GIST_SPLITVEC.spl_left");
    private static final long SPLIT_NLEFT = Facts.get("GIST_SPLITVEC.spl_nleft");
    private static final long SPLIT_LDATUM = Facts.get("GIST_SPLITVEC.spl_ldatum");
    private static final long SPLIT_RIGHT = Facts.get("GIST_SPLITVEC.spl_right");
    private static final long SPLIT_NRIGHT = Facts.get("GIST_SPLITVEC.spl_nright");
    private static final long SPLIT_RDATUM = Facts.get("GIST_SPLITVEC.spl_rdatum");
    private static final long OFFSET_NUMBER_SIZE = Facts.get("sizeof.OffsetNumber");
    private static final long PAGE_SPECIAL = Facts.get("PageHeaderData.pd_special");
    private static final long OPAQUE_FLAGS = Facts.get("GISTPageOpaqueData.flags");
    private static final int F_LEAF = Facts.getInt("F_LEAF");
    /** A picksplit's entries start at FirstOffsetNumber: slot 0 of the vector is unused. */
    private static final int FIRST_OFFSET = 1;

    private GistSupportFunctions() {
    }

    /** Whether a function body ({@code class::role}) is a GiST support function's. */
    public static boolean isRole(String source) {
        return SupportMethods.isRole(source, PREFIX);
    }

    /** The body of the function of {@code role} in the operator class {@code className}. */
    public static String source(String className, GistSupport.Role role) {
        return className + "::" + SupportMethods.roleName(PREFIX, role);
    }

    /**
     * The invoker of {@code source}; the class is loaded by {@code loader}, and initialized now if
     * {@code initialize} (not when the validator checks the function, which runs no extension code).
     */
    public static MethodHandle invoker(String source, ClassLoader loader, TypeMappings.Describer fn, boolean initialize) {
        SupportMethods.Resolved<GistSupport.Role> resolved = SupportMethods.resolve(source, PREFIX,
                GistSupport.Role.class, GistSupport.class, GistSupport::value, "GiST", loader, fn, initialize);
        GistSupport.Role role = resolved.role();
        Method method = resolved.method();
        PgOperatorClass opclass = resolved.opclass();
        SupportMethods.Types types = new SupportMethods.Types(opclass, fn);
        MethodHandle target = resolved.target();
        String name = resolved.name();
        Type[] parameters = method.getGenericParameterTypes();
        Class<?>[] raw = method.getParameterTypes();
        Class<?> result = method.getReturnType();
        return switch (role) {
            case CONSISTENT, DISTANCE -> {
                boolean distance = role == GistSupport.Role.DISTANCE;
                Class<?> answer = distance ? double.class : boolean.class;
                SupportMethods.expect(fn, name, (parameters.length == 3 || parameters.length == 4)
                        && raw[2] == int.class && (parameters.length == 3 || raw[3] == GistCheck.class)
                        && result == answer, answer + " " + method.getName()
                        + "(K key, Q query, int strategy[, GistCheck check])");
                TypeMapping key = types.mapping(parameters[0], types.storage, "parameter $1 (the key)");
                Map<Integer, TypeMapping> queries = queryMappings(opclass, distance, parameters[1], types, fn);
                MethodHandle call = target.asType(parameters.length == 4
                        ? methodType(answer, Object.class, Object.class, int.class, GistCheck.class)
                        : methodType(answer, Object.class, Object.class, int.class));
                if (parameters.length == 3) {
                    call = MethodHandles.dropArguments(call, 3, GistCheck.class);
                }
                yield bind(distance ? "distance" : "consistent", new Search(call.asType(
                        methodType(Object.class, Object.class, Object.class, int.class, GistCheck.class)), key, queries));
            }
            case UNION -> {
                SupportMethods.expect(fn, name, parameters.length == 1 && raw[0] == List.class,
                        "K " + method.getName() + "(List<K> keys)");
                TypeMapping key = types.mapping(SupportMethods.argumentOf(parameters[0], fn, name), types.storage,
                        "a key of parameter $1");
                types.mapping(method.getGenericReturnType(), types.storage, "the result");
                yield bind("union", new Union(target.asType(methodType(Object.class, List.class)), key));
            }
            case COMPRESS, DECOMPRESS, FETCH -> {
                int from = role == GistSupport.Role.COMPRESS ? types.type : types.storage;
                int to = role == GistSupport.Role.FETCH ? types.type : types.storage;
                String shape = switch (role) {
                    case COMPRESS -> "K " + method.getName() + "(V value)";
                    case DECOMPRESS -> "K " + method.getName() + "(K stored)";
                    default -> "V " + method.getName() + "(K key)";
                };
                SupportMethods.expect(fn, name, parameters.length == 1 && result != void.class, shape);
                TypeMapping in = types.mapping(parameters[0], from, "parameter $1");
                TypeMapping out = types.mapping(method.getGenericReturnType(), to, "the result");
                yield bind("entry", new Entry(target.asType(methodType(Object.class, Object.class)), in, out,
                        role == GistSupport.Role.COMPRESS));
            }
            case PENALTY -> {
                SupportMethods.expect(fn, name, parameters.length == 2 && result == float.class,
                        "float " + method.getName() + "(K original, K added)");
                TypeMapping key = types.mapping(parameters[0], types.storage, "parameter $1 (the original key)");
                types.mapping(parameters[1], types.storage, "parameter $2 (the added key)");
                yield bind("penalty", new Penalty(target.asType(methodType(float.class, Object.class, Object.class)), key));
            }
            case PICKSPLIT -> {
                SupportMethods.expect(fn, name, parameters.length == 1 && raw[0] == List.class
                        && result == GistSplit.class, "GistSplit<K> " + method.getName() + "(List<K> keys)");
                TypeMapping key = types.mapping(SupportMethods.argumentOf(parameters[0], fn, name), types.storage,
                        "a key of parameter $1");
                yield bind("pickSplit", new PickSplit(target.asType(methodType(Object.class, List.class)), key,
                        unionOf(resolved.owner())));
            }
            case SAME -> {
                SupportMethods.expect(fn, name, parameters.length == 2 && result == boolean.class,
                        "boolean " + method.getName() + "(K a, K b)");
                TypeMapping key = types.mapping(parameters[0], types.storage, "parameter $1 (a key)");
                types.mapping(parameters[1], types.storage, "parameter $2 (a key)");
                yield bind("same", new Same(target.asType(methodType(boolean.class, Object.class, Object.class)), key));
            }
        };
    }

    /** The UNION method, which a picksplit without union keys calls; null if the class has none. */
    private static MethodHandle unionOf(Class<?> owner) {
        for (Method m : owner.getMethods()) {
            GistSupport support = m.getAnnotation(GistSupport.class);
            if (support != null && support.value() == GistSupport.Role.UNION && Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == 1 && m.getParameterTypes()[0] == List.class) {
                try {
                    return MethodHandles.publicLookup().unreflect(m).asType(methodType(Object.class, List.class));
                } catch (IllegalAccessException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Per strategy of the search operators (or, for {@code ordering}, of the ordering operators),
     * how the query converts: from the right-hand type of that strategy's operator (written as
     * {@code "<@(point, box)"}), or the class's query type; a query declared {@code Object} gets
     * each type's own Java type, for a method that answers operators of several query types.
     */
    private static Map<Integer, TypeMapping> queryMappings(PgOperatorClass opclass, boolean ordering, Type javaType,
            SupportMethods.Types types, TypeMappings.Describer fn) {
        Map<Integer, TypeMapping> mappings = new HashMap<>();
        for (IndexOperator op : opclass.operators()) {
            if (op.orderBy().isBlank() == ordering) {
                continue;
            }
            String right = rightType(op.operator());
            int sqlType = right == null ? types.query : SupportMethods.Types.oid(right);
            mappings.put(op.strategy(), javaType == Object.class ? TypeMappings.natural(sqlType)
                    : types.mapping(javaType, sqlType, "parameter $2 (the query of strategy " + op.strategy() + ", "
                            + op.operator() + ")"));
        }
        return Map.copyOf(mappings);
    }

    /** The right argument type of {@code "op(left, right)"}, or null for a bare symbol. */
    static String rightType(String operator) {
        int open = operator.indexOf('(');
        int comma = operator.lastIndexOf(',');
        int close = operator.lastIndexOf(')');
        return open < 0 || comma < open || close < comma ? null : operator.substring(comma + 1, close).strip();
    }

    private static MethodHandle bind(String entry, Object role) {
        MethodHandle h = Native.findStatic(MethodHandles.lookup(), GistSupportFunctions.class, entry,
                methodType(long.class, role.getClass(), long.class));
        return MethodHandles.insertArguments(h, 0, role);
    }

    /** A consistent or distance method as {@code (key, query, strategy, check) -> answer}, boxed. */
    private record Search(MethodHandle method, TypeMapping key, Map<Integer, TypeMapping> queries) {
        /** {@code (GISTENTRY *entry, query, StrategyNumber n, Oid subtype, bool *recheck)}. */
        Object decide(long fcinfo) throws Throwable {
            long entry = FcInfo.arg(fcinfo, 0);
            int strategy = GinSupportFunctions.strategy(fcinfo, 2);
            TypeMapping query = queries.get(strategy);
            if (query == null) {
                throw new PgException(SqlState.INTERNAL_ERROR, "the operator class has no operator of strategy " + strategy);
            }
            Check check = new Check(entry, FcInfo.arg(fcinfo, 4));
            try {
                return (Object) method.invokeExact(Conversions.read(key, ALL.get(JAVA_LONG, entry + ENTRY_KEY)),
                        Conversions.read(query, FcInfo.arg(fcinfo, 1)), strategy, (GistCheck) check);
            } finally {
                check.ended = true;
            }
        }
    }

    private record Union(MethodHandle method, TypeMapping key) {
    }

    private record Entry(MethodHandle method, TypeMapping in, TypeMapping out, boolean compress) {
    }

    private record Penalty(MethodHandle method, TypeMapping key) {
    }

    private record PickSplit(MethodHandle method, TypeMapping key, MethodHandle union) {
    }

    private record Same(MethodHandle method, TypeMapping key) {
    }

    /** {@code bool consistent(GISTENTRY *entry, query, StrategyNumber n, Oid subtype, bool *recheck)}. */
    static long consistent(Search role, long fcinfo) {
        try {
            ALL.set(JAVA_BYTE, FcInfo.arg(fcinfo, 4), (byte) 1); // rechecked unless the method says otherwise
            return Datums.boolTo((Boolean) role.decide(fcinfo));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /** {@code float8 distance(GISTENTRY *entry, query, StrategyNumber n, Oid subtype, bool *recheck)}. */
    static long distance(Search role, long fcinfo) {
        try {
            ALL.set(JAVA_BYTE, FcInfo.arg(fcinfo, 4), (byte) 0); // exact unless the method says otherwise
            return Datums.float8To((Double) role.decide(fcinfo));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /** {@code storage union(GistEntryVector *entryvec, int *size)}: the entries are {@code vector[0 .. n-1]}. */
    static long union(Union role, long fcinfo) {
        try {
            long vector = FcInfo.arg(fcinfo, 0);
            List<Object> keys = keys(vector, 0, role.key());
            return written(role.key(), (Object) role.method().invokeExact((List<?>) keys), "union");
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /**
     * {@code GISTENTRY *compress(GISTENTRY *entry)}, {@code decompress} and {@code fetch}: a new
     * entry with the converted key. Compress converts leaf values only: an inner entry's key is
     * already a key.
     */
    static long entry(Entry role, long fcinfo) {
        try {
            long entry = FcInfo.arg(fcinfo, 0);
            if (role.compress() && ALL.get(JAVA_BYTE, entry + ENTRY_LEAFKEY) == 0) {
                return entry;
            }
            Object value = Conversions.read(role.in(), ALL.get(JAVA_LONG, entry + ENTRY_KEY));
            long key = written(role.out(), (Object) role.method().invokeExact(value), role.compress() ? "compress"
                    : "decompress or fetch");
            long copy = Varlena.palloc(ENTRY_SIZE);
            ALL.set(JAVA_LONG, copy + ENTRY_KEY, key);
            ALL.set(JAVA_LONG, copy + ENTRY_REL, ALL.get(JAVA_LONG, entry + ENTRY_REL));
            ALL.set(JAVA_LONG, copy + ENTRY_PAGE, ALL.get(JAVA_LONG, entry + ENTRY_PAGE));
            ALL.set(JAVA_SHORT, copy + ENTRY_OFFSET, ALL.get(JAVA_SHORT, entry + ENTRY_OFFSET));
            ALL.set(JAVA_BYTE, copy + ENTRY_LEAFKEY, (byte) 0);
            return copy;
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /** {@code float *penalty(GISTENTRY *original, GISTENTRY *added, float *result)}. */
    static long penalty(Penalty role, long fcinfo) {
        try {
            Object original = Conversions.read(role.key(), ALL.get(JAVA_LONG, FcInfo.arg(fcinfo, 0) + ENTRY_KEY));
            Object added = Conversions.read(role.key(), ALL.get(JAVA_LONG, FcInfo.arg(fcinfo, 1) + ENTRY_KEY));
            float penalty = (float) role.method().invokeExact(original, added);
            long result = FcInfo.arg(fcinfo, 2);
            // GiST wants a non-negative number; NaN would make every choice look equally bad.
            ALL.set(JAVA_FLOAT, result, Float.isNaN(penalty) || penalty < 0 ? 0f : penalty);
            return result;
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /**
     * {@code GIST_SPLITVEC *picksplit(GistEntryVector *entryvec, GIST_SPLITVEC *v)}: the entries are
     * {@code vector[1 .. n-1]}; the method's positions (from 0) become offsets from 1.
     */
    static long pickSplit(PickSplit role, long fcinfo) {
        try {
            long vector = FcInfo.arg(fcinfo, 0);
            long split = FcInfo.arg(fcinfo, 1);
            List<Object> keys = keys(vector, FIRST_OFFSET, role.key());
            GistSplit<?> answer = (GistSplit<?>) (Object) role.method().invokeExact((List<?>) keys);
            if (answer == null) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "a GiST picksplit method returned null; return"
                        + " GistSplit.of(left, right) with every key's position on one side");
            }
            boolean[] placed = new boolean[keys.size()];
            side(answer.left(), placed, split + SPLIT_LEFT, split + SPLIT_NLEFT);
            side(answer.right(), placed, split + SPLIT_RIGHT, split + SPLIT_NRIGHT);
            for (int i = 0; i < placed.length; i++) {
                if (!placed[i]) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "a GiST picksplit method left key " + i
                            + " of " + placed.length + " on neither side");
                }
            }
            ALL.set(JAVA_LONG, split + SPLIT_LDATUM, sideUnion(role, keys, answer.left(), answer.leftUnion()));
            ALL.set(JAVA_LONG, split + SPLIT_RDATUM, sideUnion(role, keys, answer.right(), answer.rightUnion()));
            return split;
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /** Writes one side's offsets (palloc'd OffsetNumbers) and count, checking each position once. */
    private static void side(List<Integer> positions, boolean[] placed, long arrayOut, long countOut) {
        long offsets = Varlena.palloc(Math.max(1, positions.size()) * OFFSET_NUMBER_SIZE);
        int i = 0;
        for (Integer position : positions) {
            if (position == null || position < 0 || position >= placed.length) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "a GiST picksplit method placed key " + position
                        + ", but it was given keys 0 to " + (placed.length - 1));
            }
            if (placed[position]) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "a GiST picksplit method placed key " + position
                        + " twice");
            }
            placed[position] = true;
            ALL.set(JAVA_SHORT, offsets + i * OFFSET_NUMBER_SIZE, (short) (position + FIRST_OFFSET));
            i++;
        }
        ALL.set(JAVA_LONG, arrayOut, offsets);
        ALL.set(JAVA_INT, countOut, positions.size());
    }

    /** A side's union key: the method's, or the class's UNION of the side's keys. */
    private static long sideUnion(PickSplit role, List<Object> keys, List<Integer> side, Object given) throws Throwable {
        Object union = given;
        if (union == null && !side.isEmpty()) {
            if (role.union() == null) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "a GiST picksplit method gave no union keys and"
                        + " the class has no @GistSupport(UNION) method to compute them");
            }
            List<Object> members = new ArrayList<>(side.size());
            side.forEach(i -> members.add(keys.get(i)));
            union = (Object) role.union().invokeExact((List<?>) members);
        }
        return union == null ? 0 : written(role.key(), union, "picksplit's union");
    }

    /** {@code bool *same(storage a, storage b, bool *result)}. */
    static long same(Same role, long fcinfo) {
        try {
            Object a = Conversions.read(role.key(), FcInfo.arg(fcinfo, 0));
            Object b = Conversions.read(role.key(), FcInfo.arg(fcinfo, 1));
            long result = FcInfo.arg(fcinfo, 2);
            ALL.set(JAVA_BYTE, result, (byte) ((boolean) role.method().invokeExact(a, b) ? 1 : 0));
            return result;
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /** The keys of {@code vector[first .. n-1]}, read as Java values. */
    private static List<Object> keys(long vector, int first, TypeMapping key) {
        int n = ALL.get(JAVA_INT, vector + VECTOR_N);
        List<Object> keys = new ArrayList<>(Math.max(0, n - first));
        for (int i = first; i < n; i++) {
            keys.add(Conversions.read(key, ALL.get(JAVA_LONG, vector + VECTOR_ENTRIES + i * ENTRY_SIZE + ENTRY_KEY)));
        }
        return keys;
    }

    /** A method's non-null key as a Datum in the current context; null is a clear error. */
    private static long written(TypeMapping mapping, Object value, String what) {
        if (value == null) {
            throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, "a GiST " + what + " method returned null; GiST"
                    + " keys are never NULL (GiST keeps NULL rows itself)");
        }
        return Conversions.write(mapping, value);
    }

    /** The leaf flag of an entry's page and its recheck flag, for the call it was made for. */
    private static final class Check implements GistCheck {
        private final long entry;
        private final long recheck;
        boolean ended;

        Check(long entry, long recheck) {
            this.entry = entry;
            this.recheck = recheck;
        }

        private void live() {
            if (ended) {
                throw new IllegalStateException("a GistCheck was used after its support function returned");
            }
        }

        @Override
        public boolean leaf() {
            live();
            long page = ALL.get(JAVA_LONG, entry + ENTRY_PAGE);
            if (page == 0) {
                return false;
            }
            long special = Short.toUnsignedLong(ALL.get(JAVA_SHORT, page + PAGE_SPECIAL));
            return (ALL.get(JAVA_SHORT, page + special + OPAQUE_FLAGS) & F_LEAF) != 0;
        }

        @Override
        public void recheck(boolean value) {
            live();
            ALL.set(JAVA_BYTE, recheck, (byte) (value ? 1 : 0));
        }
    }
}

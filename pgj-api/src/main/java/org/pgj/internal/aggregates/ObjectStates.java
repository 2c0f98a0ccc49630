package org.pgj.internal.aggregates;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.invoke.MethodType.methodType;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.datum.CallScope;
import org.pgj.internal.datum.Conversion;
import org.pgj.internal.datum.FcInfo;
import org.pgj.internal.datum.TypeMapping;
import org.pgj.internal.nativecall.Native;
import org.pgj.types.Internal;

/**
 * Aggregate states that are Java objects, passed through the server as {@code internal}. The
 * Datum points to a PgjAggState (pgj-native aggregates.c) in the aggregate's memory context,
 * which holds a handle into this table; the context's reset or deletion releases the slot
 * ({@link #release}), so an object lives exactly as long as the server may pass its state.
 *
 * <p>A function whose first parameter is such a state writes its result back into that state
 * (the same Datum now stands for the returned object), so a state function that returns a new
 * object per row keeps one slot per group, not one per row. Other functions (a deserializer,
 * the first row of a group) make a new state. Only the backend thread comes here.
 */
public final class ObjectStates {
    private static final int INTERNAL = Facts.getInt("INTERNALOID");
    private static final long NEW_STATE = Facts.get("fn.pgj_agg_state_new");
    private static final long IN_CURRENT_CONTEXT = Facts.get("fn.pgj_object_in_current_context");
    private static final long HANDLE = Facts.get("PgjAggState.handle");

    /** Objects by slot; a handle is the slot in its low 32 bits and the slot's generation above. */
    private static Object[] objects = new Object[16];
    private static int[] generations = new int[16];
    private static int[] free = new int[16];
    private static int freeCount;
    private static int used;

    private static final MethodHandle READ = find("read", methodType(Object.class, long.class));
    private static final MethodHandle CREATE = find("create", methodType(long.class, Object.class));
    private static final MethodHandle REPLACE = find("replaceFirstArgument", methodType(long.class, Object.class));
    /** Mappings made here, to tell them from the registry's. */
    private static final Set<TypeMapping> MADE = Collections.newSetFromMap(new IdentityHashMap<>());

    private ObjectStates() {
    }

    /** Whether a Java type declared for a SQL type is kept here: any object but pgj's own {@link Internal} handle. */
    public static boolean keeps(Class<?> javaType, int sqlType) {
        return sqlType == INTERNAL && javaType != Internal.class && !javaType.isPrimitive();
    }

    /** The mapping of {@code javaType} as an {@code internal} state that the server keeps for Java. */
    public static TypeMapping mapping(Class<?> javaType) {
        return made(new TypeMapping(javaType, Set.of(INTERNAL), READ.asType(methodType(javaType, long.class)),
                CREATE.asType(methodType(long.class, javaType))));
    }

    /** Whether the conversion carries a Java-object state. */
    public static boolean carries(Conversion c) {
        return c.mapping() != null && MADE.contains(c.mapping());
    }

    /**
     * The result conversion of a function, given the conversion of its first parameter (null
     * when it has none): a state result replaces a state first argument.
     */
    public static Conversion result(Conversion result, Conversion first) {
        if (!carries(result) || first == null || !carries(first)) {
            return result;
        }
        TypeMapping m = result.mapping();
        TypeMapping replacing = made(new TypeMapping(m.javaType(), m.sqlTypes(), m.fromDatum(),
                REPLACE.asType(methodType(long.class, m.javaType()))));
        return new Conversion(result.declared(), result.valueType(), replacing, result.shape());
    }

    private static synchronized TypeMapping made(TypeMapping m) {
        MADE.add(m);
        return m;
    }

    private static Object read(long datum) {
        long handle = ALL.get(JAVA_LONG, datum + HANDLE);
        int slot = (int) handle;
        if (slot < 0 || slot >= used || generations[slot] != (int) (handle >>> 32)) {
            throw new IllegalStateException("an aggregate state was used after the server released it");
        }
        return objects[slot];
    }

    /** A state Datum for {@code handle} in the aggregate context of the call; 0 outside an aggregate. */
    @CFunction("Datum pgj_agg_state_new(FunctionCallInfo, int64)")
    private static long aggStateNew(long fcinfo, long handle) {
        return Guard.call(NEW_STATE, fcinfo, handle);
    }

    /**
     * A pointer the server holds for {@code value} (a GIN query key's extra data), released when
     * the current memory context is reset or deleted.
     */
    public static long holdInCurrentContext(Object value) {
        int slot = freeCount > 0 ? free[--freeCount] : grow();
        objects[slot] = value;
        long handle = (long) generations[slot] << 32 | slot;
        try {
            return objectInCurrentContext(handle);
        } catch (RuntimeException e) {
            release(handle);
            throw e;
        }
    }

    /** The object a pointer from {@link #holdInCurrentContext} stands for. */
    public static Object heldAt(long pointer) {
        return read(pointer);
    }

    @CFunction("PgjAggState *pgj_object_in_current_context(int64)")
    private static long objectInCurrentContext(long handle) {
        return Guard.call(IN_CURRENT_CONTEXT, handle);
    }

    /** A new state for {@code value} in the current call's aggregate context. */
    private static long create(Object value) {
        long fcinfo = CallScope.fcinfo();
        int slot = freeCount > 0 ? free[--freeCount] : grow();
        objects[slot] = value;
        long handle = (long) generations[slot] << 32 | slot;
        long datum;
        try {
            datum = aggStateNew(fcinfo, handle);
        } catch (RuntimeException e) {
            release(handle);
            throw e;
        }
        if (datum == 0) {
            release(handle);
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "a Java aggregate state can only be made while an"
                    + " aggregate runs, and this function was called outside one", null,
                    "Call the aggregate rather than its support function.");
        }
        return datum;
    }

    /**
     * A state that holds no object yet, for a moving state function that skips a NULL row before
     * its first object: PostgreSQL refuses a NULL moving state once the frame has rows.
     */
    public static long empty() {
        return create(null);
    }

    /** Whether a state Datum holds no object: to a strict function, it is a NULL state. */
    public static boolean holdsNothing(long datum) {
        return read(datum) == null;
    }

    /** The result of a function whose first argument is a state: that state now holds it. */
    private static long replaceFirstArgument(Object value) {
        long fcinfo = CallScope.fcinfo();
        if (FcInfo.argIsNull(fcinfo, 0)) {
            return create(value);
        }
        long datum = FcInfo.arg(fcinfo, 0);
        read(datum); // checks that the state is live
        objects[(int) ALL.get(JAVA_LONG, datum + HANDLE)] = value;
        return datum;
    }

    private static int grow() {
        if (used == objects.length) {
            objects = Arrays.copyOf(objects, used * 2);
            generations = Arrays.copyOf(generations, used * 2);
            free = Arrays.copyOf(free, used * 2);
        }
        return used++;
    }

    /** The server let go of a state (its context was reset or deleted): drop the object, reuse the slot. */
    public static void release(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= used || generations[slot] != (int) (handle >>> 32)) {
            return;
        }
        objects[slot] = null;
        generations[slot]++;
        free[freeCount++] = slot;
    }

    /** States held now, for tests and leak checks. */
    public static int live() {
        return used - freeCount;
    }

    private static MethodHandle find(String name, MethodType type) {
        return Native.findStatic(MethodHandles.lookup(), ObjectStates.class, name, type);
    }
}

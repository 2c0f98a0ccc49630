package org.pgj.internal.aggregates;

import static java.lang.invoke.MethodType.methodType;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.pgj.aggregates.CombineFunction;
import org.pgj.aggregates.DeserialFunction;
import org.pgj.aggregates.FinalFunction;
import org.pgj.aggregates.MovingFinalFunction;
import org.pgj.aggregates.MovingInverseFunction;
import org.pgj.aggregates.MovingStateFunction;
import org.pgj.aggregates.SerialFunction;
import org.pgj.aggregates.StateFunction;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.datum.FcInfo;

/**
 * The NULL handling of an aggregate's support functions, which PostgreSQL gives only strict
 * functions, around a non-strict one's invoker (a Java-object state makes them non-strict: it
 * starts as NULL, and a combine function of an {@code internal} state must not be strict):
 * <ul>
 * <li>a state function (forward or inverse) skips a row with a NULL argument that its Java
 * parameter cannot hold, keeping the state, as PostgreSQL skips it for a strict one; a moving
 * state function that skips a row before it has an object keeps an empty state, since
 * PostgreSQL refuses a NULL moving state once the frame has rows;</li>
 * <li>a combine function with a NULL side returns the other side;</li>
 * <li>to a strict function, an empty state is a NULL one: the result is NULL.</li>
 * </ul>
 */
public final class SupportFunctions {
    /**
     * Made at the first support function's resolution, not at every backend's first call: each
     * handle spun method-handle classes (measured with -Xlog:class+load, docs/internals.md).
     */
    private static final class Handles {
        static final MethodHandle ANY_NULL = find("anyNull", methodType(boolean.class, long[].class, long.class));
        static final MethodHandle FIRST = find("first", methodType(long.class, long.class));
        static final MethodHandle FIRST_OR_EMPTY = find("firstOrEmpty", methodType(long.class, long.class));
        static final MethodHandle NULL_SIDE = find("nullSide", methodType(boolean.class, long.class));
        static final MethodHandle OTHER_SIDE = find("otherSide", methodType(long.class, long.class));
        static final MethodHandle ANY_EMPTY = find("anyEmpty", methodType(boolean.class, long[].class, long.class));
        static final MethodHandle NULL_RESULT = find("nullResult", methodType(long.class, long.class));
    }

    private static final List<Class<? extends Annotation>> ROLES = List.of(StateFunction.class, FinalFunction.class,
            CombineFunction.class, SerialFunction.class, DeserialFunction.class, MovingStateFunction.class,
            MovingInverseFunction.class, MovingFinalFunction.class);

    private SupportFunctions() {
    }

    /**
     * The invoker with its role's NULL handling; {@code refusesNull} tells, per Java parameter,
     * whether it cannot hold NULL, and {@code objectStates} whether it is a Java-object state.
     */
    public static MethodHandle wrap(Method method, MethodHandle invoker, boolean strict, List<Boolean> refusesNull,
            List<Boolean> objectStates) {
        if (strict) {
            long[] states = indexes(objectStates, 0);
            return states.length == 0 ? invoker
                    : MethodHandles.guardWithTest(MethodHandles.insertArguments(Handles.ANY_EMPTY, 0, (Object) states), Handles.NULL_RESULT,
                            invoker);
        }
        if (method.isAnnotationPresent(CombineFunction.class)) {
            return MethodHandles.guardWithTest(Handles.NULL_SIDE, Handles.OTHER_SIDE, invoker);
        }
        if (method.isAnnotationPresent(StateFunction.class) || method.isAnnotationPresent(MovingStateFunction.class)
                || method.isAnnotationPresent(MovingInverseFunction.class)) {
            long[] skipped = indexes(refusesNull, 1);
            if (skipped.length > 0) {
                MethodHandle test = MethodHandles.insertArguments(Handles.ANY_NULL, 0, (Object) skipped);
                boolean movingObject = method.isAnnotationPresent(MovingStateFunction.class) && objectStates.getFirst();
                return MethodHandles.guardWithTest(test, movingObject ? Handles.FIRST_OR_EMPTY : Handles.FIRST, invoker);
            }
        }
        return invoker;
    }

    /** The positions from {@code from} on where {@code flags} is true. */
    private static long[] indexes(List<Boolean> flags, int from) {
        long[] found = new long[flags.size()];
        int count = 0;
        for (int i = from; i < flags.size(); i++) {
            if (flags.get(i)) {
                found[count++] = i;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** Whether the method has an aggregate support role: only those take or make Java-object states. */
    public static boolean isSupport(Method method) {
        for (Class<? extends Annotation> role : ROLES) {
            if (method.isAnnotationPresent(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the SQL function may have one argument more than the Java method: a deserializer's unused {@code internal}. */
    public static int extraArguments(Method method) {
        return method.isAnnotationPresent(DeserialFunction.class) ? 1 : 0;
    }

    private static boolean anyNull(long[] arguments, long fcinfo) {
        for (long i : arguments) {
            if (FcInfo.argIsNull(fcinfo, (int) i)) {
                return true;
            }
        }
        return false;
    }

    /** The state, unchanged (NULL when it is NULL). */
    private static long first(long fcinfo) {
        if (FcInfo.argIsNull(fcinfo, 0)) {
            FcInfo.setResultNull(fcinfo);
            return 0;
        }
        return FcInfo.arg(fcinfo, 0);
    }

    /** The state, unchanged; an empty one when it is NULL. */
    private static long firstOrEmpty(long fcinfo) {
        return FcInfo.argIsNull(fcinfo, 0) ? ObjectStates.empty() : FcInfo.arg(fcinfo, 0);
    }

    /** Whether a state argument holds no object (a strict function never sees a NULL one). */
    private static boolean anyEmpty(long[] arguments, long fcinfo) {
        for (long i : arguments) {
            if (ObjectStates.holdsNothing(FcInfo.arg(fcinfo, (int) i))) {
                return true;
            }
        }
        return false;
    }

    private static long nullResult(long fcinfo) {
        FcInfo.setResultNull(fcinfo);
        return 0;
    }

    private static boolean nullSide(long fcinfo) {
        return FcInfo.argIsNull(fcinfo, 0) || FcInfo.argIsNull(fcinfo, 1);
    }

    private static long otherSide(long fcinfo) {
        int other = FcInfo.argIsNull(fcinfo, 0) ? 1 : 0;
        if (FcInfo.argIsNull(fcinfo, other)) {
            FcInfo.setResultNull(fcinfo);
            return 0;
        }
        return FcInfo.arg(fcinfo, other);
    }

    private static MethodHandle find(String name, MethodType type) {
        return Native.findStatic(MethodHandles.lookup(), SupportFunctions.class, name, type);
    }
}

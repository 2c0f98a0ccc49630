package org.pgj.internal.events;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.events.EventTrigger;
import org.pgj.internal.call.ErrorBridge;
import org.pgj.internal.datum.TypeMappings;
import org.pgj.internal.nativecall.Native;

/**
 * A resolved event trigger function ({@code RETURNS event_trigger}): the user's method, which
 * takes an {@link EventTrigger} and returns nothing. Its invoker has the shape of every pgj
 * function's, {@code long invoke(long fcinfo)}; the call handler lets only the event trigger
 * manager call it, so {@code fcinfo->context} is an EventTriggerData.
 */
public final class EventTriggerFunction {
    private static final MethodHandle INVOKE = Native.findStatic(MethodHandles.lookup(), EventTriggerFunction.class,
            "invoke", methodType(long.class, MethodHandle.class, long.class));

    private EventTriggerFunction() {
    }

    /** The invoker of event trigger function {@code target}, or 42P13 when its signature does not fit. */
    public static MethodHandle invoker(Method target, TypeMappings.Describer fn) {
        Class<?>[] parameters = target.getParameterTypes();
        if (parameters.length != 1 || parameters[0] != EventTrigger.class || target.getReturnType() != void.class) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "event trigger function " + fn.describe()
                    + ": method " + target.getName() + " must take exactly one parameter, an " + EventTrigger.class.getName()
                    + ", and return void");
        }
        try {
            MethodHandle handle = MethodHandles.publicLookup().unreflect(target).asType(methodType(void.class, EventTrigger.class));
            return INVOKE.bindTo(handle);
        } catch (IllegalAccessException e) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "event trigger function " + fn.describe()
                    + ": method " + target.getName() + " is not accessible: make it and its class public");
        }
    }

    /** One call: reads the EventTriggerData, runs the method; the result is ignored by the server. */
    private static long invoke(MethodHandle method, long fcinfo) {
        EventTriggerCall call = null;
        try {
            call = new EventTriggerCall(fcinfo);
            method.invokeExact((EventTrigger) call);
        } catch (Throwable t) {
            ErrorBridge.record(t);
        } finally {
            if (call != null) {
                call.end();
            }
        }
        return 0;
    }
}

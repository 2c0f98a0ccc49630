package org.pgj.internal.datum;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.nativecall.ServerNames;
import org.pgj.types.AnyElement;

/**
 * Polymorphic parameters and results: the actual type is only known per call, from the call's
 * expression ({@code get_fn_expr_argtype}, {@code get_fn_expr_rettype}), so the conversion is
 * planned at the first call with each actual type and kept.
 */
final class Polymorphic {
    private static final MethodHandle READ = Native.findStatic(MethodHandles.lookup(), Polymorphic.class, "read",
            methodType(AnyElement.class, Polymorphic.class, long.class));
    private static final MethodHandle WRITE = Native.findStatic(MethodHandles.lookup(), Polymorphic.class, "write",
            methodType(long.class, Polymorphic.class, AnyElement.class));

    /** The argument's position, or -1 for the result. */
    private final int argument;
    private final TypeMappings.Describer fn;
    private final Map<Integer, TypeMapping> byType = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    private Polymorphic(int argument, TypeMappings.Describer fn) {
        this.argument = argument;
        this.fn = fn;
    }

    static TypeMapping mapping(int sqlType, int argument, TypeMappings.Describer fn) {
        Polymorphic p = new Polymorphic(argument, fn);
        return new TypeMapping(AnyElement.class, Set.of(sqlType), MethodHandles.insertArguments(READ, 0, p),
                MethodHandles.insertArguments(WRITE, 0, p));
    }

    private int actualType() {
        long flinfo = FcInfo.flinfo(CallScope.fcinfo());
        int type = argument < 0 ? ServerTypes.getFnExprRettype(flinfo) : ServerTypes.getFnExprArgtype(flinfo, argument);
        if (type == 0) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "function " + fn.describe()
                    + ": the actual type of its polymorphic " + (argument < 0 ? "result" : "parameter $" + (argument + 1))
                    + " is unknown in this call (no calling expression)");
        }
        return type;
    }

    private static AnyElement read(Polymorphic p, long datum) {
        int type = p.actualType();
        TypeMapping m = p.byType.computeIfAbsent(type, t -> TypeMappings.natural(t, p.fn));
        String name = p.names.computeIfAbsent(type, ServerNames::formatTypeBe);
        return new AnyElement(type, name, Conversions.read(m, datum));
    }

    private static long write(Polymorphic p, AnyElement value) {
        int type = p.actualType();
        Object v = value.value();
        TypeMapping m = TypeMappings.forValue(v, type, p.fn);
        return Conversions.write(m, v);
    }
}

package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.invoke.MethodType.methodType;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.nativecall.ServerNames;
import org.pgj.types.AnyElement;
import org.pgj.types.Numeric;

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

    /** Call-site facts (pgj.h PgjCallSite.expr_types): the actual types a call site keeps. */
    private static final long FN_EXTRA = Facts.get("FmgrInfo.fn_extra");
    private static final long SITE_EXPR_TYPES = Facts.get("PgjCallSite.expr_types");
    private static final int EXPR_TYPES = Facts.getInt("PGJ_EXPR_TYPES");
    /** Values whose Java form cannot be changed in place, so one returned as read is the Datum it was read from. */
    private static final Set<Class<?>> IMMUTABLE = Set.of(Integer.class, Long.class, Short.class, Byte.class,
            Double.class, Float.class, Boolean.class, Character.class, String.class, BigDecimal.class,
            BigInteger.class, UUID.class, LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetTime.class,
            OffsetDateTime.class, Instant.class, Numeric.class);

    /**
     * Per argument position, the last polymorphic argument read, its Datum and its call: a
     * function that returns one unchanged ({@code first()}'s state function) returns that Datum, as
     * a C function returns its argument, without converting the value back. A nested call only
     * takes a slot over, which costs the outer call the shortcut, never a stale Datum.
     */
    private static final AnyElement[] READ_ELEMENTS = new AnyElement[EXPR_TYPES - 1];
    private static final long[] READ_DATUMS = new long[EXPR_TYPES - 1];
    private static final long[] READ_CALLS = new long[EXPR_TYPES - 1];

    /** The argument's position, or -1 for the result. */
    private final int argument;
    /** Where in the call site's expr_types this position's type is kept; -1 past its end. */
    private final int slot;
    private final TypeMappings.Describer fn;
    private final Map<Integer, TypeMapping> byType = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    /** The last actual type read and what it maps to: a call site rarely sees another. */
    private int lastType;
    private TypeMapping lastMapping;
    private String lastName;
    private boolean lastByValue;

    private Polymorphic(int argument, TypeMappings.Describer fn) {
        this.argument = argument;
        this.slot = argument + 1 < EXPR_TYPES ? argument + 1 : -1;
        this.fn = fn;
    }

    static TypeMapping mapping(int sqlType, int argument, TypeMappings.Describer fn) {
        Polymorphic p = new Polymorphic(argument, fn);
        return new TypeMapping(AnyElement.class, Set.of(sqlType), MethodHandles.insertArguments(READ, 0, p),
                MethodHandles.insertArguments(WRITE, 0, p));
    }

    /** From the call site's cache (pgj.h PgjCallSite.expr_types), asking the server at its first call. */
    private int actualType() {
        long flinfo = FcInfo.flinfo(CallScope.fcinfo());
        long site = ALL.get(JAVA_LONG, flinfo + FN_EXTRA);
        long cached = site == 0 || slot < 0 ? 0 : site + SITE_EXPR_TYPES + 4L * slot;
        if (cached != 0) {
            int type = ALL.get(JAVA_INT, cached);
            if (type != 0) {
                return type;
            }
        }
        int type = argument < 0 ? ServerTypes.getFnExprRettype(flinfo) : ServerTypes.getFnExprArgtype(flinfo, argument);
        if (type == 0) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "function " + fn.describe()
                    + ": the actual type of its polymorphic " + (argument < 0 ? "result" : "parameter $" + (argument + 1))
                    + " is unknown in this call (no calling expression)");
        }
        if (cached != 0) {
            ALL.set(JAVA_INT, cached, type);
        }
        return type;
    }

    private static AnyElement read(Polymorphic p, long datum) {
        int type = p.actualType();
        if (type != p.lastType) {
            p.lastMapping = p.byType.computeIfAbsent(type, t -> TypeMappings.natural(t, p.fn));
            p.lastName = p.names.computeIfAbsent(type, ServerNames::formatTypeBe);
            p.lastByValue = ServerTypes.byValue(type);
            p.lastType = type;
        }
        // A by-value Datum is the whole value: the same Datum again (a state kept) is the same element.
        if (p.lastByValue && p.slot > 0) {
            AnyElement previous = READ_ELEMENTS[p.argument];
            if (previous != null && READ_DATUMS[p.argument] == datum && previous.type() == type) {
                READ_CALLS[p.argument] = CallScope.serial();
                return previous;
            }
        }
        Object value = Conversions.read(p.lastMapping, datum);
        AnyElement element = new AnyElement(type, p.lastName, value);
        if (p.slot > 0 && IMMUTABLE.contains(value.getClass())) {
            READ_ELEMENTS[p.argument] = element;
            READ_DATUMS[p.argument] = datum;
            READ_CALLS[p.argument] = CallScope.serial();
        }
        return element;
    }

    private static long write(Polymorphic p, AnyElement value) {
        int type = p.actualType();
        for (int i = 0; i < READ_ELEMENTS.length; i++) {
            if (READ_ELEMENTS[i] == value) {
                if (value.type() == type && READ_CALLS[i] == CallScope.serial()) {
                    return READ_DATUMS[i];
                }
                break;
            }
        }
        Object v = value.value();
        TypeMapping m = TypeMappings.forValue(v, type, p.fn);
        return Conversions.write(m, v);
    }
}

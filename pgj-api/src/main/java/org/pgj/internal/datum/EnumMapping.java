package org.pgj.internal.datum;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.functions.EnumType;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.settings.SnakeCase;

/**
 * A Java enum and a SQL enum type: a value is the OID of its label's pg_enum row. Each label is
 * looked up once, by the type's own input and output functions, so a label that SQL lacks is
 * the server's own error (22P02), and one that Java lacks is an error naming the Java enum.
 */
public final class EnumMapping {
    private static final MethodHandle FROM = Native.findStatic(MethodHandles.lookup(), EnumMapping.class, "fromDatum",
            methodType(Enum.class, EnumMapping.class, long.class));
    private static final MethodHandle TO = Native.findStatic(MethodHandles.lookup(), EnumMapping.class, "toDatum",
            methodType(long.class, EnumMapping.class, Enum.class));

    private final Class<? extends Enum<?>> type;
    private final int sqlType;
    /**
     * The constants, read at the first value: reading them initializes the enum, which is the
     * extension's code and so must not run when a function is only resolved (or validated).
     */
    private Enum<?>[] constants;
    /** By ordinal; 0 until looked up. */
    private long[] datums;
    private final Map<Long, Enum<?>> byDatum = new HashMap<>();

    private EnumMapping(Class<? extends Enum<?>> type, int sqlType) {
        this.type = type;
        this.sqlType = sqlType;
    }

    private Enum<?>[] constants() {
        if (constants == null) {
            constants = type.getEnumConstants();
            datums = new long[constants.length];
        }
        return constants;
    }

    /** The SQL name the build gave the type of enum {@code javaEnum}: {@link EnumType#name()}, or the simple name in snake_case. */
    public static String sqlName(Class<?> javaEnum) {
        EnumType declared = javaEnum.getAnnotation(EnumType.class);
        return SnakeCase.unlessNamed(declared == null ? null : declared.name(), javaEnum.getSimpleName());
    }

    /** The mapping of enum class {@code raw} to {@code sqlType}, or null when that is not an enum type. */
    @SuppressWarnings("unchecked")
    static TypeMapping mapping(Class<?> raw, int sqlType) {
        if (!ServerTypes.typeIsEnum(sqlType)) {
            return null;
        }
        EnumMapping m = new EnumMapping((Class<? extends Enum<?>>) raw, sqlType);
        return new TypeMapping(raw, Set.of(sqlType), FROM.bindTo(m).asType(methodType(raw, long.class)),
                TO.bindTo(m).asType(methodType(long.class, raw)));
    }

    private static Enum<?> fromDatum(EnumMapping m, long datum) {
        Enum<?> known = m.byDatum.get(datum);
        if (known != null) {
            return known;
        }
        String label = TextForms.out(m.sqlType, datum);
        for (Enum<?> c : m.constants()) {
            if (c.name().equals(label)) {
                m.byDatum.put(datum, c);
                m.datums[c.ordinal()] = datum;
                return c;
            }
        }
        throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "enum label \"" + label
                + "\" has no constant in Java enum " + m.type.getName(), null,
                "Add the constant to the Java enum, or keep the SQL type's labels as the constants.");
    }

    private static long toDatum(EnumMapping m, Enum<?> value) {
        m.constants(); // a value exists, so the enum is initialized already
        long datum = m.datums[value.ordinal()];
        if (datum == 0) {
            datum = TextForms.in(m.sqlType, value.name());
            m.datums[value.ordinal()] = datum;
            m.byDatum.put(datum, value);
        }
        return datum;
    }
}

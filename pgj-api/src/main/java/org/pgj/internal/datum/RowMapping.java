package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.invoke.MethodType.methodType;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.foreign.Arena;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;

/**
 * A Java record as a composite value (a row): component i is the i-th attribute of the row
 * type that is not dropped. Each component converts through its own {@link Conversion}, so a
 * component can be any mapped type, a nested record included; a NULL field is {@code null}
 * (an empty {@code Optional}), and refused for a primitive. The tuple itself is formed and
 * taken apart by the server (rows.c).
 */
public final class RowMapping {
    private static final long NATTS = Facts.get("TupleDescData.natts");
    private static final long ATT_NAME = Facts.get("FormData_pg_attribute.attname");
    private static final long ATT_TYPE = Facts.get("FormData_pg_attribute.atttypid");
    private static final long ATT_DROPPED = Facts.get("FormData_pg_attribute.attisdropped");
    private static final MethodHandle FROM = Native.findStatic(MethodHandles.lookup(), RowMapping.class, "fromDatum",
            methodType(Object.class, RowMapping.class, long.class));
    private static final MethodHandle TO = Native.findStatic(MethodHandles.lookup(), RowMapping.class, "toDatum",
            methodType(long.class, RowMapping.class, Object.class));

    /** A component: where it goes in the row, how it reads and converts. */
    private record Field(String name, int attribute, MethodHandle accessor, MethodHandle from, MethodHandle to,
            Conversion.Shape shape, Class<?> javaType) {
    }

    private final Class<?> type;
    private final String sqlTypeName;
    private final long desc;
    private final int natts;
    private final Field[] fields;
    private final MethodHandle constructor;
    private final long values;
    private final long nulls;

    private RowMapping(Class<?> type, String sqlTypeName, long desc, Field[] fields, MethodHandle constructor) {
        this.type = type;
        this.sqlTypeName = sqlTypeName;
        this.desc = desc;
        this.natts = ALL.get(JAVA_INT, desc + NATTS);
        this.fields = fields;
        this.constructor = constructor;
        // Lives as long as the mapping, i.e. the backend: functions are resolved rarely.
        this.values = Arena.global().allocate(Math.max(1, natts) * 8L).address();
        this.nulls = Arena.global().allocate(Math.max(1, natts)).address();
    }

    /** How record class {@code type} travels as composite {@code sqlType}; a clear error when it cannot. */
    static TypeMapping mapping(Class<?> type, int sqlType, String what, TypeMappings.Describer fn) {
        String where = "function " + fn.describe() + ": Java record " + type.getName() + " of the " + what;
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, where + " is not public; pgj reads and builds it from outside");
        }
        long desc = ServerRows.rowDesc(sqlType, fn.functionOid());
        if (desc == 0) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION,
                    where + " cannot hold SQL type " + fn.sqlTypeName(sqlType) + ", which is not a composite type");
        }
        RecordComponent[] components = type.getRecordComponents();
        List<Integer> live = new ArrayList<>();
        int natts = ALL.get(JAVA_INT, desc + NATTS);
        for (int i = 0; i < natts; i++) {
            if (ALL.get(JAVA_BYTE, ServerRows.tupdescAttr(desc, i) + ATT_DROPPED) == 0) {
                live.add(i);
            }
        }
        if (live.size() != components.length) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, where + " has " + components.length
                    + " components but SQL type " + fn.sqlTypeName(sqlType) + " has " + live.size() + " fields");
        }
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Field[] fields = new Field[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                long att = ServerRows.tupdescAttr(desc, live.get(i));
                String name = ServerEncoding.readCString(att + ATT_NAME);
                Conversion c = TypeMappings.conversion(rc.getGenericType(), ALL.get(JAVA_INT, att + ATT_TYPE),
                        "field " + name + " (component " + rc.getName() + ") of the " + what, fn);
                types[i] = rc.getType();
                fields[i] = new Field(name, live.get(i),
                        lookup.unreflect(rc.getAccessor()).asType(methodType(Object.class, Object.class)),
                        Conversions.reader(c.mapping()),
                        Conversions.writer(c.mapping()),
                        c.shape(), c.mapping().javaType());
            }
            MethodHandle constructor = lookup.findConstructor(type, methodType(void.class, types))
                    .asSpreader(Object[].class, types.length).asType(methodType(Object.class, Object[].class));
            RowMapping row = new RowMapping(type, fn.sqlTypeName(sqlType), desc, fields, constructor);
            return new TypeMapping(type, Set.of(sqlType),
                    FROM.bindTo(row).asType(methodType(Object.class, long.class)), TO.bindTo(row));
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, where + " is not accessible: " + e.getMessage()
                    + "; make it and the classes around it public");
        }
    }

    /** A composite Datum → a new record. */
    private static Object fromDatum(RowMapping row, long datum) throws Throwable {
        ServerRows.rowDeform(datum, row.desc, row.values, row.nulls);
        // Every field is read before the constructor runs: it is user code, which may use this mapping again.
        Object[] args = new Object[row.fields.length];
        for (int i = 0; i < args.length; i++) {
            Field f = row.fields[i];
            if (ALL.get(JAVA_BYTE, row.nulls + f.attribute) != 0) {
                if (f.shape == Conversion.Shape.PRIMITIVE) {
                    throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, "field " + f.name + " of a row of type "
                            + row.sqlTypeName + " is NULL, which component " + f.javaType + " of record "
                            + row.type.getName() + " cannot hold; make it a box or an Optional");
                }
                args[i] = f.shape == Conversion.Shape.OPTIONAL ? Optional.empty() : null;
            } else {
                Object value = f.from.invokeExact(ALL.get(JAVA_LONG, row.values + 8L * f.attribute));
                args[i] = f.shape == Conversion.Shape.OPTIONAL ? Optional.of(value) : value;
            }
        }
        return row.constructor.invokeExact(args);
    }

    /** A record → a composite Datum in the current memory context. */
    private static long toDatum(RowMapping row, Object record) throws Throwable {
        if (!row.type.isInstance(record)) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, "a " + (record == null ? "null" : record.getClass().getName())
                    + " cannot become a row of type " + row.sqlTypeName + ", which maps to Java record " + row.type.getName());
        }
        // Converted before any is written: accessors are user code, which may use this mapping again.
        long[] datums = new long[row.natts];
        boolean[] isNull = new boolean[row.natts];
        Arrays.fill(isNull, true); // dropped attributes stay NULL
        for (Field f : row.fields) {
            Object value = f.accessor.invokeExact(record);
            if (f.shape == Conversion.Shape.OPTIONAL) {
                value = value == null ? null : ((Optional<?>) value).orElse(null);
            }
            if (value != null) {
                datums[f.attribute] = (long) f.to.invokeExact(value);
                isNull[f.attribute] = false;
            }
        }
        for (int i = 0; i < row.natts; i++) {
            ALL.set(JAVA_LONG, row.values + 8L * i, datums[i]);
            ALL.set(JAVA_BYTE, row.nulls + i, (byte) (isNull[i] ? 1 : 0));
        }
        return ServerRows.rowForm(row.desc, row.values, row.nulls);
    }
}

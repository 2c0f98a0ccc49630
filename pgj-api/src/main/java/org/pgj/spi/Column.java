package org.pgj.spi;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.datum.Datums;
import org.pgj.internal.datum.TypeMapping;
import org.pgj.internal.datum.TypeMappings;

/**
 * One column of a result, copied out of the tuple table: by-value Datums as they are (any
 * getter can still convert them), by-reference ones as their natural Java values (they point
 * into memory that is freed right after the copy).
 */
final class Column {
    final int ordinal;
    final String name;
    final int type;
    final boolean byValue;
    final long[] raw;
    final Object[] objects;
    final boolean[] nulls;
    private TypeMapping natural;
    private TypeMapping enumMapping;

    Column(int ordinal, String name, int type, boolean byValue, int rows) {
        this.ordinal = ordinal;
        this.name = name;
        this.type = type;
        this.byValue = byValue;
        this.raw = byValue ? new long[rows] : null;
        this.objects = byValue ? null : new Object[rows];
        this.nulls = new boolean[rows];
    }

    String describe() {
        return "column " + ordinal + " (" + name + ")";
    }

    /** The Datum of a non-NULL by-value column, for a primitive getter. */
    private long datum(int row, Class<?> javaType) {
        if (nulls[row]) {
            throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, describe() + " is NULL, which a Java "
                    + javaType.getName() + " cannot hold", null,
                    "Read it as a box (get(column, Integer.class)) or an Optional (getOptional).");
        }
        if (!byValue) {
            throw mismatch(javaType);
        }
        return raw[row];
    }

    boolean getBoolean(int row) {
        long d = datum(row, boolean.class);
        if (type == Values.BOOL) {
            return d != 0;
        }
        throw mismatch(boolean.class);
    }

    short getShort(int row) {
        long d = datum(row, short.class);
        if (type == Values.INT2) {
            return (short) d;
        }
        if (type == Values.INT4 || type == Values.INT8) {
            return (short) fitting(type == Values.INT4 ? (int) d : d, Short.MIN_VALUE, Short.MAX_VALUE, short.class);
        }
        throw mismatch(short.class);
    }

    int getInt(int row) {
        long d = datum(row, int.class);
        if (type == Values.INT4) {
            return (int) d;
        }
        if (type == Values.INT2) {
            return (short) d;
        }
        if (type == Values.INT8) {
            return (int) fitting(d, Integer.MIN_VALUE, Integer.MAX_VALUE, int.class);
        }
        throw mismatch(int.class);
    }

    long getLong(int row) {
        long d = datum(row, long.class);
        if (type == Values.INT8) {
            return d;
        }
        if (type == Values.INT4) {
            return (int) d;
        }
        if (type == Values.INT2) {
            return (short) d;
        }
        throw mismatch(long.class);
    }

    float getFloat(int row) {
        long d = datum(row, float.class);
        if (type == Values.FLOAT4) {
            return Datums.float4From(d);
        }
        throw mismatch(float.class);
    }

    double getDouble(int row) {
        long d = datum(row, double.class);
        if (type == Values.FLOAT8) {
            return Datums.float8From(d);
        }
        if (type == Values.FLOAT4) {
            return Datums.float4From(d);
        }
        if (type == Values.INT4) {
            return (int) d;
        }
        if (type == Values.INT2) {
            return (short) d;
        }
        if (type == Values.INT8) {
            return d;
        }
        throw mismatch(double.class);
    }

    private long fitting(long v, long min, long max, Class<?> javaType) {
        if (v < min || v > max) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, describe() + " = " + v
                    + " is out of range for a Java " + javaType.getName());
        }
        return v;
    }

    /**
     * The value as {@code target} (a box for a primitive), or null for NULL. Reads through
     * {@link TypeMappings} for types beyond the core ones.
     */
    Object get(int row, Class<?> target) {
        if (nulls[row]) {
            if (target.isPrimitive()) {
                datum(row, target);
            }
            return null;
        }
        if (target == Object.class) {
            return natural(row);
        }
        Class<?> primitive = Values.primitive(target);
        if (primitive == int.class) {
            return getInt(row);
        } else if (primitive == long.class) {
            return getLong(row);
        } else if (primitive == boolean.class) {
            return getBoolean(row);
        } else if (primitive == double.class) {
            return getDouble(row);
        } else if (primitive == short.class) {
            return getShort(row);
        } else if (primitive == float.class) {
            return getFloat(row);
        }
        if (byValue) {
            TypeMapping mapping = target.isEnum() ? enumMapping(target) : TypeMappings.forJavaType(target);
            if (mapping != null && mapping.sqlTypes().contains(type)) {
                return Values.fromDatum(mapping, raw[row]);
            }
            if (target == String.class && TypeMappings.forSqlType(type) == null) {
                return Values.textForm(raw[row], type);
            }
        } else if (target.isInstance(objects[row])) {
            return objects[row];
        } else if (objects[row] instanceof String text && TypeMappings.forRead(target, type) != null) {
            // A by-reference value without a core mapping was kept as its text form; a Java type
            // that maps to its SQL type gets it back through the type's input function.
            return Values.fromText(TypeMappings.forRead(target, type), text, type);
        }
        throw mismatch(target);
    }

    /**
     * The value as the Java type its SQL type maps to when Java does not name one (boxed;
     * arrays as lists, ranges as {@code Range}), or its text form when none does.
     */
    Object natural(int row) {
        if (nulls[row]) {
            return null;
        }
        if (byValue) {
            return Values.fromValue(raw[row], type, this::naturalMapping);
        }
        if (objects[row] instanceof String text && !Values.isText(type) && naturalMapping().javaType() != String.class) {
            return Values.fromText(naturalMapping(), text, type);
        }
        return objects[row];
    }

    /** A Java enum's mapping to this column's enum type, made once per column (it caches the labels). */
    private TypeMapping enumMapping(Class<?> target) {
        if (enumMapping == null || enumMapping.javaType() != target) {
            enumMapping = TypeMappings.forRead(target, type);
        }
        return enumMapping;
    }

    /** Found at the first need: most columns are read with a named Java type. */
    private TypeMapping naturalMapping() {
        if (natural == null) {
            natural = TypeMappings.natural(type);
        }
        return natural;
    }

    private PgException mismatch(Class<?> javaType) {
        String sqlType = Values.typeName(type);
        return new PgException(SqlState.DATATYPE_MISMATCH, describe() + " is of type " + sqlType
                + ", which cannot be read as a Java " + javaType.getName(), null,
                "get(" + ordinal + ") reads it as the Java type it maps to; or cast it in SQL to a type that "
                        + javaType.getSimpleName() + " can hold.");
    }
}

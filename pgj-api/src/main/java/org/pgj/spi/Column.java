package org.pgj.spi;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.datum.Conversions;
import org.pgj.internal.datum.TextForms;
import org.pgj.internal.datum.TypeMapping;
import org.pgj.internal.datum.TypeMappings;

/**
 * One column of a result, copied out of the tuple table: by-value Datums as they are (any
 * getter can still convert them), by-reference ones as their natural Java values (they point
 * into memory that is freed right after the copy), or their text form for a type beyond the
 * core ones. Every conversion is the type's mapping in {@link TypeMappings}, called through
 * {@link Conversions}, as for functions and triggers.
 */
final class Column {
    final int ordinal;
    final String name;
    final int type;
    final boolean byValue;
    final long[] raw;
    final Object[] objects;
    final boolean[] nulls;
    /** How a by-reference value is copied out; null: as its text form. */
    private final TypeMapping copied;
    private TypeMapping natural;
    /** The last Java type read and its mapping (null: it cannot), as a column is mostly read as one type. */
    private Class<?> readAs;
    private TypeMapping reading;

    Column(int ordinal, String name, int type, boolean byValue, int rows) {
        this.ordinal = ordinal;
        this.name = name;
        this.type = type;
        this.byValue = byValue;
        this.raw = byValue ? new long[rows] : null;
        this.objects = byValue ? null : new Object[rows];
        this.nulls = new boolean[rows];
        this.copied = byValue ? null : TypeMappings.forSqlType(type);
    }

    String describe() {
        return "column " + ordinal + " (" + name + ")";
    }

    /** A by-reference Datum as the Java value kept for it, in the current memory context. */
    Object copy(long datum) {
        return copied != null ? Conversions.read(copied, datum) : TextForms.out(type, datum);
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

    /** The mapping that reads this column as {@code javaType}; 42804 when there is none. */
    private TypeMapping reading(Class<?> javaType) {
        if (readAs != javaType) {
            reading = TypeMappings.forRead(javaType, type);
            readAs = javaType;
        }
        if (reading == null) {
            throw mismatch(javaType);
        }
        return reading;
    }

    boolean getBoolean(int row) {
        long d = datum(row, boolean.class);
        return Conversions.readBoolean(reading(boolean.class), d);
    }

    short getShort(int row) {
        long d = datum(row, short.class);
        try {
            return Conversions.readShort(reading(short.class), d);
        } catch (PgException e) {
            throw outOfRange(e, row, short.class);
        }
    }

    int getInt(int row) {
        long d = datum(row, int.class);
        try {
            return Conversions.readInt(reading(int.class), d);
        } catch (PgException e) {
            throw outOfRange(e, row, int.class);
        }
    }

    long getLong(int row) {
        long d = datum(row, long.class);
        return Conversions.readLong(reading(long.class), d);
    }

    float getFloat(int row) {
        long d = datum(row, float.class);
        try {
            return Conversions.readFloat(reading(float.class), d);
        } catch (PgException e) {
            throw outOfRange(e, row, float.class);
        }
    }

    double getDouble(int row) {
        long d = datum(row, double.class);
        return Conversions.readDouble(reading(double.class), d);
    }

    /** A narrowing read that does not fit, named by column and value. */
    private PgException outOfRange(PgException e, int row, Class<?> javaType) {
        if (!SqlState.NUMERIC_VALUE_OUT_OF_RANGE.equals(e.sqlState())) {
            return e;
        }
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, describe() + " = " + natural(row)
                + " is out of range for a Java " + javaType.getName());
    }

    /** The value as {@code target} (a box for a primitive), or null for NULL. */
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
        Class<?> primitive = TypeMappings.unboxed(target);
        if (primitive.isPrimitive()) {
            long d = datum(row, primitive);
            try {
                return Conversions.read(reading(primitive), d);
            } catch (PgException e) {
                throw outOfRange(e, row, primitive);
            }
        }
        if (byValue) {
            if (target == String.class && TypeMappings.forSqlType(type) == null) {
                return textForm(raw[row]);
            }
            return Conversions.read(reading(target), raw[row]);
        }
        if (target.isInstance(objects[row])) {
            return objects[row];
        }
        if (copied == null) {
            // A by-reference value without a core mapping was kept as its text form; a Java type
            // that maps to its SQL type gets it back through the type's input function.
            return fromText(reading(target), (String) objects[row]);
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
            return Conversions.read(naturalMapping(), raw[row]);
        }
        if (copied == null && naturalMapping().javaType() != String.class) {
            return fromText(naturalMapping(), (String) objects[row]);
        }
        return objects[row];
    }

    /** Found at the first need: most columns are read with a named Java type. The core types need no server call. */
    private TypeMapping naturalMapping() {
        if (natural == null) {
            TypeMapping core = TypeMappings.forSqlType(type);
            natural = core != null ? core : TypeMappings.natural(type);
        }
        return natural;
    }

    /** A value of this column's type from its text form; the datum lives in scratch memory. */
    private Object fromText(TypeMapping mapping, String text) {
        try (Scratch scratch = Scratch.open()) {
            long previous = scratch.enter();
            try {
                return Conversions.read(mapping, TextForms.in(type, text));
            } finally {
                Scratch.leave(previous);
            }
        }
    }

    /** The text form of a by-value Datum; the C string lives in scratch memory. */
    private String textForm(long datum) {
        try (Scratch scratch = Scratch.open()) {
            long previous = scratch.enter();
            try {
                return TextForms.out(type, datum);
            } finally {
                Scratch.leave(previous);
            }
        }
    }

    private PgException mismatch(Class<?> javaType) {
        String sqlType = Conversions.typeName(type);
        return new PgException(SqlState.DATATYPE_MISMATCH, describe() + " is of type " + sqlType
                + ", which cannot be read as a Java " + javaType.getName(), null,
                "get(" + ordinal + ") reads it as the Java type it maps to; or cast it in SQL to a type that "
                        + javaType.getSimpleName() + " can hold.");
    }
}

package org.pgj.internal.triggers;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.pgj.internal.nativecall.Native.ALL;

import java.util.List;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.datum.Conversions;
import org.pgj.internal.datum.ServerRows;
import org.pgj.internal.datum.TypeMapping;
import org.pgj.internal.datum.TypeMappings;
import org.pgj.triggers.TriggerRow;

/**
 * A row of a trigger's table, taken apart into Datums (heap_deform_tuple) that Java converts
 * column by column with the type mappings; set columns are converted at once, and the tuple
 * is formed again only if something was set.
 */
final class TableRow implements TriggerRow {
    final TriggerCall call;
    private final TableColumns columns;
    private final long values;
    private final long nulls;
    /** The tuple it was read from; 0 for a row built from a record. */
    private final long tuple;
    private boolean modified;

    private TableRow(TriggerCall call, long tuple) {
        this.call = call;
        this.columns = call.columns();
        this.values = call.allocate(8L * Math.max(1, columns.natts));
        this.nulls = call.allocate(Math.max(1, columns.natts));
        this.tuple = tuple;
        this.modified = tuple == 0;
    }

    /** The row of a HeapTuple of the trigger's table. */
    static TableRow of(TriggerCall call, long tuple) {
        TableRow row = new TableRow(call, tuple);
        ServerRows.heapDeformTuple(tuple, row.columns.desc, row.values, row.nulls);
        return row;
    }

    /** The row of a composite Datum of the table's row type; an altered type is an error (pgj_row_deform). */
    static TableRow ofComposite(TriggerCall call, long datum) {
        TableRow row = new TableRow(call, 0);
        ServerRows.rowDeform(datum, row.columns.desc, row.values, row.nulls);
        for (int i = 0; i < row.columns.count(); i++) {
            if (row.columns.typmod(i) >= 0 && !row.isNullAt(i)) {
                long at = row.values + 8L * row.columns.attribute(i);
                ALL.set(JAVA_LONG, at, row.fitted(i, ALL.get(JAVA_LONG, at)));
            }
        }
        return row;
    }

    /** As an assignment would: varchar(5) refuses a longer string, numeric(10,2) rounds. In the call's memory. */
    private long fitted(int index, long datum) {
        int typmod = columns.typmod(index);
        return typmod < 0 ? datum : call.inCallMemory(() -> ServerRows.coerceTypmod(datum, columns.type(index), typmod));
    }

    /** The HeapTuple to return: the original one when nothing was set, else formed in the call's memory. */
    long heapTuple() {
        call.checkLive();
        return modified ? call.inCallMemory(() -> ServerRows.tupleForm(columns.desc, values, nulls)) : tuple;
    }

    @Override
    public int columnCount() {
        call.checkLive();
        return columns.count();
    }

    @Override
    public List<String> columnNames() {
        call.checkLive();
        return List.copyOf(columns.names);
    }

    @Override
    public boolean isNull(String column) {
        call.checkLive();
        return isNullAt(columns.index(column));
    }

    @Override
    public boolean isNull(int ordinal) {
        call.checkLive();
        return isNullAt(columns.index(ordinal));
    }

    @Override
    public <T> T get(String column, Class<T> type) {
        call.checkLive();
        return read(columns.index(column), type);
    }

    @Override
    public <T> T get(int ordinal, Class<T> type) {
        call.checkLive();
        return read(columns.index(ordinal), type);
    }

    @Override
    public Object get(String column) {
        return get(column, Object.class);
    }

    @Override
    public Object get(int ordinal) {
        return get(ordinal, Object.class);
    }

    @Override
    public <R extends Record> R as(Class<R> type) {
        call.checkLive();
        TypeMapping mapping = call.recordMapping(type);
        long datum = call.inCallMemory(() -> ServerRows.rowForm(columns.desc, values, nulls));
        return type.cast(Conversions.read(mapping, datum));
    }

    @Override
    public TriggerRow set(String column, Object value) {
        call.checkLive();
        write(columns.index(column), value);
        return this;
    }

    @Override
    public TriggerRow set(int ordinal, Object value) {
        call.checkLive();
        write(columns.index(ordinal), value);
        return this;
    }

    private boolean isNullAt(int index) {
        return ALL.get(JAVA_BYTE, nulls + columns.attribute(index)) != 0;
    }

    @SuppressWarnings("unchecked")
    private <T> T read(int index, Class<T> type) {
        if (isNullAt(index)) {
            if (type.isPrimitive()) {
                throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, columns.describe(index) + " is NULL, which a Java "
                        + type.getName() + " cannot hold", null, "Read it as a box (get(column, Integer.class)) or an Optional.");
            }
            return null;
        }
        int sqlType = columns.type(index);
        TypeMapping mapping = call.function.columnMapping(type, sqlType, columns.describe(index));
        if (mapping == null) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, columns.describe(index) + " is of type "
                    + call.typeName(sqlType) + ", which cannot be read as a Java " + type.getName(), null,
                    "get(column) reads it as the Java type it maps to.");
        }
        long datum = ALL.get(JAVA_LONG, values + 8L * columns.attribute(index));
        return (T) Conversions.read(mapping, datum);
    }

    private void write(int index, Object value) {
        int attribute = columns.attribute(index);
        if (value == null) {
            ALL.set(JAVA_LONG, values + 8L * attribute, 0L);
            ALL.set(JAVA_BYTE, nulls + attribute, (byte) 1);
            modified = true;
            return;
        }
        int sqlType = columns.type(index);
        // The registered mappings and text forms first; then arrays, records and other planned types.
        TypeMapping writing = TypeMappings.writing(value, sqlType);
        TypeMapping mapping = writing != null ? writing : call.function.columnMapping(value.getClass(), sqlType, columns.describe(index));
        if (mapping == null) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, columns.describe(index) + " is of type "
                    + call.typeName(sqlType) + ", which a Java " + value.getClass().getName() + " cannot be stored in",
                    null, "Set a Java value of the type " + call.typeName(sqlType) + " maps to, or its text form as a String.");
        }
        // In the call's memory: an SPI scope open now would free the value before the row is returned.
        long datum = fitted(index, call.inCallMemory(() -> Conversions.write(mapping, value)));
        ALL.set(JAVA_LONG, values + 8L * attribute, datum);
        ALL.set(JAVA_BYTE, nulls + attribute, (byte) 0);
        modified = true;
    }
}

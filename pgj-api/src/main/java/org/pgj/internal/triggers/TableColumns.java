package org.pgj.internal.triggers;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.pgj.internal.nativecall.Native.ALL;

import java.util.ArrayList;
import java.util.List;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.datum.ServerRows;

/**
 * The columns of a trigger's table, read from its TupleDesc: names and types of the live
 * attributes in table order (a dropped column keeps its attribute slot but is not a column).
 */
final class TableColumns {
    private static final long NATTS = Facts.get("TupleDescData.natts");
    private static final long TYPE_ID = Facts.get("TupleDescData.tdtypeid");
    private static final long ATT_NAME = Facts.get("FormData_pg_attribute.attname");
    private static final long ATT_TYPE = Facts.get("FormData_pg_attribute.atttypid");
    private static final long ATT_DROPPED = Facts.get("FormData_pg_attribute.attisdropped");
    private static final long ATT_TYPMOD = Facts.get("FormData_pg_attribute.atttypmod");

    final long desc;
    /** Attribute slots, dropped ones included: the length of a deformed row. */
    final int natts;
    /** The table's row type. */
    final int rowType;
    final List<String> names = new ArrayList<>();
    /** Per column: its attribute slot and SQL type. */
    private final int[] attributes;
    private final int[] types;
    private final int[] typmods;
    /** Attribute types in slot order, 0 for dropped: tells whether a cached record mapping still fits. */
    final List<Integer> signature = new ArrayList<>();
    private final String table;

    TableColumns(long desc, String table) {
        this.desc = desc;
        this.table = table;
        this.natts = ALL.get(JAVA_INT, desc + NATTS);
        this.rowType = ALL.get(JAVA_INT, desc + TYPE_ID);
        List<Integer> live = new ArrayList<>();
        List<Integer> modifiers = new ArrayList<>();
        for (int i = 0; i < natts; i++) {
            long att = ServerRows.tupdescAttr(desc, i);
            boolean dropped = ALL.get(JAVA_BYTE, att + ATT_DROPPED) != 0;
            signature.add(dropped ? 0 : ALL.get(JAVA_INT, att + ATT_TYPE));
            if (!dropped) {
                live.add(i);
                names.add(ServerEncoding.readCString(att + ATT_NAME));
                modifiers.add(ALL.get(JAVA_INT, att + ATT_TYPMOD));
            }
        }
        attributes = live.stream().mapToInt(Integer::intValue).toArray();
        types = live.stream().mapToInt(signature::get).toArray();
        typmods = modifiers.stream().mapToInt(Integer::intValue).toArray();
    }

    int count() {
        return attributes.length;
    }

    /** The column's index (from 0) by name, or 42703. */
    int index(String column) {
        int i = names.indexOf(column);
        if (i < 0) {
            throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \"" + table
                    + "\" does not exist", null, "Its columns are " + String.join(", ", names) + ".");
        }
        return i;
    }

    /** The column's index (from 0) by ordinal (from 1), or 42703. */
    int index(int ordinal) {
        if (ordinal < 1 || ordinal > attributes.length) {
            throw new PgException(SqlState.UNDEFINED_COLUMN, "relation \"" + table + "\" has no column " + ordinal
                    + "; its columns are numbered 1 to " + attributes.length);
        }
        return ordinal - 1;
    }

    int attribute(int index) {
        return attributes[index];
    }

    int type(int index) {
        return types[index];
    }

    /** The column's type modifier ({@code varchar(5)}: its length), -1 for none. */
    int typmod(int index) {
        return typmods[index];
    }

    String describe(int index) {
        return "column " + names.get(index) + " of relation \"" + table + "\"";
    }
}

package org.pgj.internal.datum;

import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * Rows as the server forms and takes them apart (rows.c, heap_deform_tuple): for records
 * ({@link RowMapping}) and for the rows of a trigger's table. {@code values} and {@code nulls}
 * are arrays of a Datum and a bool per attribute of {@code desc}.
 */
public final class ServerRows {
    private static final long ROW_DESC = Facts.get("fn.pgj_row_desc");
    private static final long TUPDESC_ATTR = Facts.get("fn.pgj_tupdesc_attr");
    private static final long ROW_FORM = Facts.get("fn.pgj_row_form");
    private static final long TUPLE_FORM = Facts.get("fn.pgj_tuple_form");
    private static final long ROW_DEFORM = Facts.get("fn.pgj_row_deform");
    private static final long HEAP_DEFORM_TUPLE = Facts.get("fn.heap_deform_tuple");
    private static final long COERCE_TYPMOD = Facts.get("fn.pgj_coerce_typmod");

    private ServerRows() {
    }

    /**
     * The blessed descriptor of a composite type, or for RECORD that of the function's OUT
     * parameters, kept for the backend's life; 0 when the type is not composite.
     */
    @CFunction("TupleDesc pgj_row_desc(Oid, Oid)")
    public static long rowDesc(int type, int function) {
        return Guard.call(ROW_DESC, type, function);
    }

    /** Attribute {@code index} of a descriptor, where the server's TupleDescAttr finds it (18 moved it). */
    @CFunction(value = "Form_pg_attribute pgj_tupdesc_attr(TupleDesc, int32)", call = CFunction.Call.DIRECT)
    public static long tupdescAttr(long desc, int index) {
        return Native.direct(TUPDESC_ATTR, desc, index);
    }

    /** A composite Datum in the current memory context. */
    @CFunction("Datum pgj_row_form(TupleDesc, Datum *, bool *)")
    public static long rowForm(long desc, long values, long nulls) {
        return Guard.call(ROW_FORM, desc, values, nulls);
    }

    /** A HeapTuple in the current memory context. */
    @CFunction("HeapTuple pgj_tuple_form(TupleDesc, Datum *, bool *)")
    public static long tupleForm(long desc, long values, long nulls) {
        return Guard.call(TUPLE_FORM, desc, values, nulls);
    }

    /** The fields of a composite Datum; a row whose type no longer has desc's attributes is an error. */
    @CFunction("void pgj_row_deform(Datum, TupleDesc, Datum *, bool *)")
    public static void rowDeform(long datum, long desc, long values, long nulls) {
        Guard.call(ROW_DEFORM, datum, desc, values, nulls);
    }

    /** The fields of a HeapTuple of desc's table. */
    @CFunction(value = "void heap_deform_tuple(HeapTuple, TupleDesc, Datum *, bool *)", header = "access/htup_details.h")
    public static void heapDeformTuple(long tuple, long desc, long values, long nulls) {
        Guard.call(HEAP_DEFORM_TUPLE, tuple, desc, values, nulls);
    }

    /** A value made to fit a type modifier as an assignment would (varchar(5), numeric(10,2)). */
    @CFunction("Datum pgj_coerce_typmod(Datum, Oid, int32)")
    public static long coerceTypmod(long datum, int type, int typmod) {
        return Guard.call(COERCE_TYPMOD, datum, type, typmod);
    }
}

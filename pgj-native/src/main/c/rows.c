/*
 * Composite values (rows) for Java records: descriptors, and forming and taking apart the
 * tuples. Java converts the fields; the tuple layout stays the server's business.
 */
#include "pgj.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "parser/parse_coerce.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

/*
 * Java: the blessed descriptor of a composite type, or for RECORD that of the function's
 * OUT parameters (RETURNS TABLE), copied into TopMemoryContext as Java keeps it for the
 * backend's life; 0 when the type is not composite.
 */
int64
pgj_row_desc(int64 type, int64 fn_oid, int64 a2, int64 a3, int64 a4, int64 a5)
{
	TupleDesc	desc;
	MemoryContext old;

	if ((Oid) type == RECORDOID)
	{
		Oid			result_type;
		TupleDesc	result;

		if (get_func_result_type((Oid) fn_oid, &result_type, &result) != TYPEFUNC_COMPOSITE)
			return 0;
		old = MemoryContextSwitchTo(TopMemoryContext);
		desc = CreateTupleDescCopy(result);
	}
	else
	{
		if (get_typtype((Oid) type) != TYPTYPE_COMPOSITE)
			return 0;
		old = MemoryContextSwitchTo(TopMemoryContext);
		desc = lookup_rowtype_tupdesc_copy((Oid) type, -1);
	}
	MemoryContextSwitchTo(old);
	return (int64) BlessTupleDesc(desc);
}

/*
 * Java: the address of attribute i (from 0) of a descriptor. Where the attributes start is the
 * server's business: from 18 they follow a per-attribute CompactAttribute array, so their
 * offset depends on the column count.
 */
int64
pgj_tupdesc_attr(int64 desc, int64 i, int64 a2, int64 a3, int64 a4, int64 a5)
{
	return (int64) TupleDescAttr((TupleDesc) desc, (int) i);
}

/* Java: a composite Datum, in the current memory context. */
int64
pgj_row_form(int64 desc, int64 values, int64 nulls, int64 a3, int64 a4, int64 a5)
{
	return (int64) HeapTupleGetDatum(heap_form_tuple((TupleDesc) desc, (Datum *) values, (bool *) nulls));
}

/*
 * Java: the fields of a composite Datum into values and nulls, which have room for desc's
 * attributes. A row whose type or attribute types are not desc's (say, the type was altered
 * since Java resolved the function) is an error, never a misread.
 */
int64
pgj_row_deform(int64 datum, int64 desc_ptr, int64 values, int64 nulls, int64 a4, int64 a5)
{
	TupleDesc	expected = (TupleDesc) desc_ptr;
	HeapTupleHeader header = DatumGetHeapTupleHeader((Datum) datum);
	TupleDesc	actual = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(header),
												HeapTupleHeaderGetTypMod(header));
	HeapTupleData tuple;
	bool		same = actual->natts == expected->natts;

	for (int i = 0; same && i < actual->natts; i++)
		same = TupleDescAttr(actual, i)->atttypid == TupleDescAttr(expected, i)->atttypid
			&& TupleDescAttr(actual, i)->attisdropped == TupleDescAttr(expected, i)->attisdropped;
	if (!same)
	{
		Oid			actual_type = actual->tdtypeid;

		ReleaseTupleDesc(actual);
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("a row of type %s does not have the fields of %s that the Java record was resolved for",
						format_type_be(actual_type), format_type_be(expected->tdtypeid)),
				 errhint("If the type was altered, reconnect so that the function is resolved again.")));
	}
	tuple.t_len = HeapTupleHeaderGetDatumLength(header);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = header;
	heap_deform_tuple(&tuple, actual, (Datum *) values, (bool *) nulls);
	ReleaseTupleDesc(actual);
	return 0;
}

/*
 * Java: a value set into a column with a type modifier (varchar(5), numeric(10,2)) made to fit
 * it, as an assignment would: the type's length coercion function, which may round or raise
 * an error (22001 for a string too long). Values of types without one pass unchanged.
 */
int64
pgj_coerce_typmod(int64 datum, int64 type, int64 typmod, int64 a3, int64 a4, int64 a5)
{
	Oid			function;

	if (find_typmod_coercion_function((Oid) type, &function) != COERCION_PATH_FUNC)
		return datum;
	return (int64) OidFunctionCall3(function, (Datum) datum, Int32GetDatum((int32) typmod), BoolGetDatum(false));
}

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
TupleDesc
pgj_row_desc(Oid type, Oid fn_oid)
{
	TupleDesc	desc;
	MemoryContext old;

	if (type == RECORDOID)
	{
		Oid			result_type;
		TupleDesc	result;

		if (get_func_result_type(fn_oid, &result_type, &result) != TYPEFUNC_COMPOSITE)
			return NULL;
		old = MemoryContextSwitchTo(TopMemoryContext);
		desc = CreateTupleDescCopy(result);
	}
	else
	{
		if (get_typtype(type) != TYPTYPE_COMPOSITE)
			return NULL;
		old = MemoryContextSwitchTo(TopMemoryContext);
		desc = lookup_rowtype_tupdesc_copy(type, -1);
	}
	MemoryContextSwitchTo(old);
	return BlessTupleDesc(desc);
}

/*
 * Java: the address of attribute i (from 0) of a descriptor. Where the attributes start is the
 * server's business: from 18 they follow a per-attribute CompactAttribute array, so their
 * offset depends on the column count.
 */
Form_pg_attribute
pgj_tupdesc_attr(TupleDesc desc, int32 i)
{
	return TupleDescAttr(desc, i);
}

/* Java: a composite Datum, in the current memory context. */
Datum
pgj_row_form(TupleDesc desc, Datum *values, bool *nulls)
{
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

/*
 * Java (triggers): a row to return, in the current memory context. heap_form_tuple itself is
 * not declared to Java: 18 declares its arrays const, 15 does not, and a declaration has one
 * prototype.
 */
HeapTuple
pgj_tuple_form(TupleDesc desc, Datum *values, bool *nulls)
{
	return heap_form_tuple(desc, values, nulls);
}

/*
 * Java: the fields of a composite Datum into values and nulls, which have room for desc's
 * attributes. A row whose type or attribute types are not desc's (say, the type was altered
 * since Java resolved the function) is an error, never a misread.
 */
void
pgj_row_deform(Datum datum, TupleDesc expected, Datum *values, bool *nulls)
{
	HeapTupleHeader header = DatumGetHeapTupleHeader(datum);
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
	heap_deform_tuple(&tuple, actual, values, nulls);
	ReleaseTupleDesc(actual);
}

/*
 * Java: a value set into a column with a type modifier (varchar(5), numeric(10,2)) made to fit
 * it, as an assignment would: the type's length coercion function, which may round or raise
 * an error (22001 for a string too long). Values of types without one pass unchanged.
 */
Datum
pgj_coerce_typmod(Datum datum, Oid type, int32 typmod)
{
	Oid			function;

	if (find_typmod_coercion_function(type, &function) != COERCION_PATH_FUNC)
		return datum;
	return OidFunctionCall3(function, datum, Int32GetDatum(typmod), BoolGetDatum(false));
}

/*
 * One-dimensional arrays of by-value and varlena elements, taken apart and built by the server,
 * for VARIADIC parameters (org.pgj.internal.datum.VariadicArrays).
 */
#include "pgj.h"

#include "utils/array.h"
#include "utils/lsyscache.h"

/* Java: the elements of an array Datum, palloc'd in the current memory context; returns their count. */
int64
pgj_array_elements(int64 datum, int64 values_out, int64 nulls_out, int64 a3, int64 a4, int64 a5)
{
	ArrayType  *array = DatumGetArrayTypeP((Datum) datum);
	int16		len;
	bool		byval;
	char		align;
	int			count;

	get_typlenbyvalalign(ARR_ELEMTYPE(array), &len, &byval, &align);
	deconstruct_array(array, ARR_ELEMTYPE(array), len, byval, align,
					  (Datum **) values_out, (bool **) nulls_out, &count);
	return count;
}

/* Java: a one-dimensional array Datum of count elements of type element, lower bound 1. */
int64
pgj_array_build(int64 element, int64 values, int64 nulls, int64 count, int64 a4, int64 a5)
{
	int16		len;
	bool		byval;
	char		align;
	int			dims[1] = {(int) count};
	int			lbs[1] = {1};

	get_typlenbyvalalign((Oid) element, &len, &byval, &align);
	return (int64) PointerGetDatum(construct_md_array((Datum *) values, (bool *) nulls, 1, dims, lbs,
													  (Oid) element, len, byval, align));
}

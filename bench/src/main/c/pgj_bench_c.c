/*
 * The C baseline of the pgj core benchmark: the same add_one as the demo's Java function,
 * called through the same fmgr interface as every C function. Created by the benchmark with
 *   CREATE FUNCTION add_one_c(int4) RETURNS int4
 *     AS '$libdir/pgj_bench_c', 'add_one_c' LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(add_one_c);

Datum
add_one_c(PG_FUNCTION_ARGS)
{
	int32		i = PG_GETARG_INT32(0);

	/* Wraps on overflow, like Java's int; the benchmark stays far below INT32_MAX. */
	PG_RETURN_INT32((int32) ((uint32) i + 1));
}

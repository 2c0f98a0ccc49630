/*
 * The C baselines of the pgj core benchmark: the same add_one as the demo's Java function,
 * called through the same fmgr interface as every C function, and series_c, 1..n returned one
 * row per call like the functions example's count_to. Created by the benchmark with
 *   CREATE FUNCTION add_one_c(int4) RETURNS int4
 *     AS '$libdir/pgj_bench_c', 'add_one_c' LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
 *   CREATE FUNCTION series_c(int4) RETURNS SETOF int4
 *     AS '$libdir/pgj_bench_c', 'series_c' LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(add_one_c);

Datum
add_one_c(PG_FUNCTION_ARGS)
{
	int32		i = PG_GETARG_INT32(0);

	/* Wraps on overflow, like Java's int; the benchmark stays far below INT32_MAX. */
	PG_RETURN_INT32((int32) ((uint32) i + 1));
}

PG_FUNCTION_INFO_V1(series_c);

/* 1..n, value per call, the way funcapi.h's macros return a set. */
Datum
series_c(PG_FUNCTION_ARGS)
{
	FuncCallContext *call;

	if (SRF_IS_FIRSTCALL())
	{
		call = SRF_FIRSTCALL_INIT();
		call->max_calls = Max(PG_GETARG_INT32(0), 0);
	}
	call = SRF_PERCALL_SETUP();
	if (call->call_cntr < call->max_calls)
	{
		/* Computed first: SRF_RETURN_NEXT counts the call before it evaluates its result. */
		Datum		next = Int32GetDatum((int32) call->call_cntr + 1);

		SRF_RETURN_NEXT(call, next);
	}
	SRF_RETURN_DONE(call);
}

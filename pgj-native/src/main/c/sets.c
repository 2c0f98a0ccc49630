/*
 * Sets returned value per call: the executor calls the function once per row, and may stop
 * before the end (LIMIT, a rescan, the end of the query). Java keeps the running set; this
 * file makes sure it is closed whichever way the executor lets go of it:
 * - an ExprContext shutdown callback, for an early stop or a rescan;
 * - a reset callback on the call site's memory, for an abort (which shuts nothing down).
 *
 * A call into Java costs more than a row of a simple set, so Java reads a few rows ahead of
 * the executor (1, then 2, 4, ... up to PGJ_ROWS_AHEAD per call) into the call site, and the
 * calls in between are answered here. Rows that refer to memory live in ahead_cxt until the
 * next refill: the executor is done with a row when it asks for the next one.
 */
#include "pgj.h"

#include "executor/executor.h"
#include "utils/memutils.h"

static void
forget_rows_ahead(PgjCallSite *site)
{
	site->ahead_count = 0;
	site->ahead_next = 0;
	site->ahead_last = false;
}

static void
end_set(PgjCallSite *site, bool report)
{
	int64		set = site->set;

	forget_rows_ahead(site);
	if (set != 0)
	{
		site->set = 0;
		if (pgj_close_set(set, report) && report)
			pgj_raise_pending();	/* onClose threw: the statement fails with it */
	}
}

static void
shut_down(Datum site)
{
	end_set((PgjCallSite *) DatumGetPointer(site), true);
}

/* During an abort nothing may be raised: an exception of onClose is dropped. */
static void
site_gone(void *site)
{
	end_set((PgjCallSite *) site, false);
}

/* Java, when a set starts: watch for the executor letting go of it. */
void
pgj_set_watch(ExprContext *econtext, PgjCallSite *site)
{
	if (!site->watched)
	{
		MemoryContextCallback *cb = MemoryContextAlloc(site->cxt, sizeof(MemoryContextCallback));

		cb->func = site_gone;
		cb->arg = site;
		MemoryContextRegisterResetCallback(site->cxt, cb);
		site->watched = true;
	}
	RegisterExprContextCallback(econtext, shut_down, PointerGetDatum(site));
}

/* The next row of the buffer, or the end of the set; Java closed the set when it found the end. */
static Datum
next_row(PgjCallSite *site, FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	if (site->ahead_next < site->ahead_count)
	{
		int			i = site->ahead_next++;

		rsinfo->isDone = ExprMultipleResult;
		fcinfo->isnull = site->ahead_nulls[i];
		return site->ahead_values[i];
	}
	forget_rows_ahead(site);
	UnregisterExprContextCallback(rsinfo->econtext, shut_down, PointerGetDatum(site));
	rsinfo->isDone = ExprEndResult;
	fcinfo->isnull = true;
	return (Datum) 0;
}

/* A call that the rows read ahead answer, without Java. */
bool
pgj_set_row_ahead(PgjCallSite *site, FunctionCallInfo fcinfo, Datum *result)
{
	if (site->ahead_next < site->ahead_count || site->ahead_last)
	{
		*result = next_row(site, fcinfo);
		return true;
	}
	return false;
}

/* Before Java reads more rows: the previous ones are done with; new ones go to ahead_cxt. */
MemoryContext
pgj_set_refill_begin(PgjCallSite *site)
{
	if (site->ahead_cxt == NULL)
	{
		site->ahead_cxt = AllocSetContextCreate(site->cxt, "pgj set rows", ALLOCSET_SMALL_SIZES);
		site->ahead_values = MemoryContextAlloc(site->cxt, PGJ_ROWS_AHEAD * sizeof(Datum));
		site->ahead_nulls = MemoryContextAlloc(site->cxt, PGJ_ROWS_AHEAD * sizeof(bool));
	}
	else
		MemoryContextReset(site->ahead_cxt);
	forget_rows_ahead(site);
	return MemoryContextSwitchTo(site->ahead_cxt);
}

/* After Java read rows (or failed, leaving an error pending): the first of them. */
Datum
pgj_set_refill_end(PgjCallSite *site, FunctionCallInfo fcinfo, MemoryContext caller_cxt)
{
	MemoryContextSwitchTo(caller_cxt);
	if (pgj_error_pending())
	{
		forget_rows_ahead(site);
		return (Datum) 0;
	}
	return next_row(site, fcinfo);
}

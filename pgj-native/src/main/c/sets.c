/*
 * Sets returned value per call: the executor calls the function once per row, and may stop
 * before the end (LIMIT, a rescan, the end of the query). Java keeps the running set; this
 * file makes sure it is closed whichever way the executor lets go of it:
 * - an ExprContext shutdown callback, for an early stop or a rescan;
 * - a reset callback on the call site's memory, for an abort (which shuts nothing down).
 * Java unregisters the first when the set ends normally.
 */
#include "pgj.h"

#include "executor/executor.h"

static void
end_set(PgjCallSite *site, bool report)
{
	int64		set = site->set;

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
int64
pgj_set_watch(int64 econtext, int64 site_ptr, int64 a2, int64 a3, int64 a4, int64 a5)
{
	PgjCallSite *site = (PgjCallSite *) site_ptr;

	if (!site->watched)
	{
		MemoryContextCallback *cb = MemoryContextAlloc(site->cxt, sizeof(MemoryContextCallback));

		cb->func = site_gone;
		cb->arg = site;
		MemoryContextRegisterResetCallback(site->cxt, cb);
		site->watched = true;
	}
	RegisterExprContextCallback((ExprContext *) econtext, shut_down, PointerGetDatum(site));
	return 0;
}

/* Java, when a set has ended by itself. */
int64
pgj_set_unwatch(int64 econtext, int64 site, int64 a2, int64 a3, int64 a4, int64 a5)
{
	UnregisterExprContextCallback((ExprContext *) econtext, shut_down, PointerGetDatum(site));
	return 0;
}

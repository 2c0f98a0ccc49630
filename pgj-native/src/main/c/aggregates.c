/*
 * Aggregate states that are Java objects, and other Java objects the server holds (the extra data
 * of GIN query keys). The server passes such a state as an `internal`
 * Datum: a pointer to a PgjAggState, allocated in the aggregate's memory context (the one
 * AggCheckCallContext names), whose `handle` locates the object in Java (ObjectStates). The
 * object lives as long as that context holds the state: a reset callback on it releases the
 * Java object when the executor resets the context (next group, rescan, window frame restart)
 * or deletes it (end of query, abort), so no state outlives its group and none is freed early.
 */
#include "pgj.h"

#include "utils/memutils.h"

static void
state_gone(void *arg)
{
	pgj_release_agg_state(((PgjAggState *) arg)->handle);
}

static PgjAggState *
state_in(MemoryContext cxt, int64 handle)
{
	PgjAggState *state = MemoryContextAlloc(cxt, sizeof(PgjAggState));

	state->handle = handle;
	state->callback.func = state_gone;
	state->callback.arg = state;
	MemoryContextRegisterResetCallback(cxt, &state->callback);
	return state;
}

/* Java, for a new state: the Datum, or 0 when the function was not called as part of an aggregate. */
Datum
pgj_agg_state_new(FunctionCallInfo fcinfo, int64 handle)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		return (Datum) 0;
	return PointerGetDatum(state_in(aggcxt, handle));
}

/*
 * Java, for an object a support function hands the server (a GIN query key's extra data): it
 * lives as long as the context the server called in, which is the scan's for extractQuery.
 */
PgjAggState *
pgj_object_in_current_context(int64 handle)
{
	return state_in(CurrentMemoryContext, handle);
}

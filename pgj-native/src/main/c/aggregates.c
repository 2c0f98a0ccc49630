/*
 * Aggregate states that are Java objects. The server passes such a state as an `internal`
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

/* Java, for a new state: the Datum, or 0 when the function was not called as part of an aggregate. */
Datum
pgj_agg_state_new(FunctionCallInfo fcinfo, int64 handle)
{
	MemoryContext aggcxt;
	PgjAggState *state;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		return (Datum) 0;
	state = MemoryContextAlloc(aggcxt, sizeof(PgjAggState));
	state->handle = handle;
	state->callback.func = state_gone;
	state->callback.arg = state;
	MemoryContextRegisterResetCallback(aggcxt, &state->callback);
	return PointerGetDatum(state);
}

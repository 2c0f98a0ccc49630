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
int64
pgj_agg_state_new(int64 fcinfo, int64 handle, int64 a2, int64 a3, int64 a4, int64 a5)
{
	MemoryContext aggcxt;
	PgjAggState *state;

	if (!AggCheckCallContext((FunctionCallInfo) fcinfo, &aggcxt))
		return 0;
	state = MemoryContextAlloc(aggcxt, sizeof(PgjAggState));
	state->handle = handle;
	state->callback.func = state_gone;
	state->callback.arg = state;
	MemoryContextRegisterResetCallback(aggcxt, &state->callback);
	return (int64) PointerGetDatum(state);
}

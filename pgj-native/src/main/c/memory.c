/*
 * Memory contexts seen from Java: a watch tells Java whether a context's memory still exists.
 *
 * A watch is malloc'd, not palloc'd, so Java can read it after its context is gone. Its reset
 * callback (which the server runs when the context is reset or deleted) marks it dead. Java
 * releases a watch once no handle refers to it; whichever of the two comes second frees it.
 * Both run on the backend's thread (Java drains released watches there), so no lock is needed.
 */
#include "pgj.h"

#include "utils/memutils.h"

static void
pgj_memory_watch_fired(void *arg)
{
	PgjMemoryWatch *watch = (PgjMemoryWatch *) arg;

	if (watch->released)
		free(watch);
	else
		watch->alive = false;
}

/* A live watch on cxt, or NULL when malloc fails (Java raises out of memory); never ereports. */
PgjMemoryWatch *
pgj_memory_watch(MemoryContext cxt)
{
	PgjMemoryWatch *watch = malloc(sizeof(PgjMemoryWatch));

	if (watch == NULL)
		return NULL;
	watch->alive = true;
	watch->released = false;
	watch->callback.func = pgj_memory_watch_fired;
	watch->callback.arg = watch;
	MemoryContextRegisterResetCallback(cxt, &watch->callback);
	return watch;
}

/* Java no longer refers to the watch; never ereports. */
void
pgj_memory_unwatch(PgjMemoryWatch *watch)
{
	if (watch->alive)
		watch->released = true;
	else
		free(watch);
}

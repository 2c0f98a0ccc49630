/*
 * Guarded calls: every server function Java calls that can ereport runs here, inside
 * PG_TRY, so the longjmp of an error ends in C and never unwinds Java frames.
 *
 * Java calls the generic pgj_guard_call with a function pointer and up to six integer or
 * pointer arguments (on x86-64 and aarch64 these travel in registers whatever the callee's
 * arity). A caught error is kept by errors.c; while it is unhandled, further calls are
 * refused, since the server state is only sound again after a subtransaction rollback or an
 * abort.
 */
#include "pgj.h"

#include "access/xact.h"
#include "miscadmin.h"
#include "utils/memutils.h"
#include "utils/resowner.h"


static MemoryContext error_cxt = NULL;

MemoryContext
pgj_error_context(void)
{
	if (error_cxt == NULL)
		error_cxt = AllocSetContextCreate(TopMemoryContext, "pgj errors",
										  ALLOCSET_SMALL_SIZES);
	return error_cxt;
}

static inline int32
refuse(void)
{
	if (!pgj_on_backend_thread())
		return PGJ_WRONG_THREAD;
	if (pgj_unhandled_error != NULL)
		return PGJ_POISONED;
	return PGJ_OK;
}

/*
 * An unguarded call, for runtime helpers that never ereport. Java reaches every such
 * function through this one downcall shape: each distinct FFM shape costs tens of
 * milliseconds to link at a backend's first call.
 */
int64
pgj_direct_call(PgjAnyFunction fn, int64 a0, int64 a1, int64 a2, int64 a3, int64 a4, int64 a5)
{
	return fn(a0, a1, a2, a3, a4, a5);
}

int32
pgj_guard_call(PgjAnyFunction fn, int64 a0, int64 a1, int64 a2, int64 a3, int64 a4,
			   int64 a5, int64 *result)
{
	MemoryContext cxt = CurrentMemoryContext;
	bool		nonatomic = pgj_nonatomic;
	bool		read_only = pgj_read_only;
	volatile int32 rc = refuse();

	if (rc != PGJ_OK)
		return rc;
	PG_TRY();
	{
		*result = fn(a0, a1, a2, a3, a4, a5);
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		pgj_remember_pg_error();
		rc = PGJ_PG_ERROR;
	}
	PG_END_TRY();
	/* A pgj call made inside fn that failed could not restore them (see pgj.h). */
	pgj_nonatomic = nonatomic;
	pgj_read_only = read_only;
	return rc;
}

/* A helper for server macros Java cannot call directly. */

void
pgj_elog(int32 level, const char *message, int32 sqlerrcode, const char *detail, const char *hint)
{
	ereport(level,
			(sqlerrcode != 0 ? errcode(sqlerrcode) : 0,
			 errmsg_internal("%s", message),
			 detail ? errdetail_internal("%s", detail) : 0,
			 hint ? errhint("%s", hint) : 0));
}

/*
 * Subtransactions, the way PL/pgSQL's exception blocks run them: the caller's memory
 * context and resource owner are restored after begin, commit and rollback.
 */
int32
pgj_subxact_begin(MemoryContext cxt)
{
	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(cxt);
	return GetCurrentTransactionNestLevel();
}

void
pgj_subxact_commit(MemoryContext cxt, ResourceOwner owner)
{
	ReleaseCurrentSubTransaction();
	MemoryContextSwitchTo(cxt);
	CurrentResourceOwner = owner;
}

/* Not through pgj_guard_call: it must run while an error raised inside is unhandled. */
int32
pgj_subxact_rollback(MemoryContext cxt, ResourceOwner owner, int32 level)
{
	volatile int32 rc = PGJ_OK;

	if (!pgj_on_backend_thread())
		return PGJ_WRONG_THREAD;
	pgj_discard_errors_from_level(level);
	PG_TRY();
	{
		RollbackAndReleaseCurrentSubTransaction();
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		pgj_remember_pg_error();
		rc = PGJ_PG_ERROR;
	}
	PG_END_TRY();
	MemoryContextSwitchTo(cxt);
	CurrentResourceOwner = owner;
	return rc;
}

/*
 * Errors that cross the Java boundary, held here until the Java frames have returned.
 *
 * Three kinds can be pending when an upcall returns:
 *  - a PostgreSQL error that a guarded call caught and no subtransaction rolled back:
 *    it is re-thrown unchanged (ReThrowError keeps SQLSTATE, CONTEXT and location),
 *    whatever Java did with it, because the server state is only sound after an abort;
 *  - a Java throwable, recorded by Java with its SQLSTATE, message, detail, hint, context;
 *  - an interrupt (cancel or terminate) that Java noticed and unwound for.
 * Java records them with the functions below, which never ereport and copy with malloc,
 * because they run while Java frames are on the stack.
 */
#include "pgj.h"

#include <stdlib.h>
#include <string.h>

#include "access/xact.h"
#include "miscadmin.h"

ErrorData  *pgj_unhandled_error = NULL;
static int	unhandled_level = 0;

typedef struct JavaError
{
	bool		set;
	int			sqlerrcode;
	char	   *message;
	char	   *detail;
	char	   *hint;
	char	   *context;
} JavaError;

static JavaError java_error;
static bool interrupt_pending = false;

/* The error that consumed a cancel or termination is handled or raised; a dead postmaster stays. */
static void
forget_consumed_interrupt(void)
{
	if (pgj_sticky_interrupt != PGJ_INTERRUPT_POSTMASTER_DIED)
		pgj_sticky_interrupt = PGJ_INTERRUPT_NONE;
}

/* Called in PG_CATCH of a guarded call, with the error still on the error stack. */
void
pgj_remember_pg_error(void)
{
	MemoryContext cxt = pgj_error_context();
	MemoryContext old;

	if (pgj_unhandled_error == NULL)
		MemoryContextReset(cxt);
	old = MemoryContextSwitchTo(cxt);
	if (pgj_unhandled_error == NULL)
	{
		pgj_unhandled_error = CopyErrorData();
		unhandled_level = GetCurrentTransactionNestLevel();
		/* The server consumed the interrupt to raise this: the watcher must keep stopping Java. */
		if (pgj_sticky_interrupt != PGJ_INTERRUPT_NONE)
			;					/* the postmaster died: that stays */
		else if (pgj_unhandled_error->elevel >= FATAL)
			pgj_sticky_interrupt = PGJ_INTERRUPT_TERMINATE;
		else if (pgj_unhandled_error->sqlerrcode == ERRCODE_QUERY_CANCELED)
			pgj_sticky_interrupt = PGJ_INTERRUPT_CANCEL;
	}
	FlushErrorState();
	MemoryContextSwitchTo(old);
}

/* A subtransaction rollback makes errors raised inside it handled. */
void
pgj_discard_errors_from_level(int level)
{
	if (pgj_unhandled_error != NULL && unhandled_level >= level)
	{
		pgj_unhandled_error = NULL;		/* memory goes with the next reset */
		forget_consumed_interrupt();
	}
}

static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : strdup(s);
}

static void
clear_java_error(void)
{
	free(java_error.message);
	free(java_error.detail);
	free(java_error.hint);
	free(java_error.context);
	memset(&java_error, 0, sizeof(java_error));
}

/* Java → C: a throwable escaped user code. Never ereports. */
void
pgj_set_java_error(int32 sqlerrcode, const char *message, const char *detail,
				   const char *hint, const char *context)
{
	clear_java_error();
	java_error.set = true;
	java_error.sqlerrcode = sqlerrcode;
	java_error.message = dup_or_null(message);
	java_error.detail = dup_or_null(detail);
	java_error.hint = dup_or_null(hint);
	java_error.context = dup_or_null(context);
}

/* Java → C: Java unwound because of a cancel or terminate request. */
void
pgj_set_interrupt(void)
{
	interrupt_pending = true;
}

/* Java reads the unhandled error's fields to build its exception. */
const char *
pgj_error_field(int32 which)
{
	ErrorData  *e = pgj_unhandled_error;

	if (e == NULL)
		return NULL;
	switch (which)
	{
		case 0:
			return e->message;
		case 1:
			return e->detail;
		case 2:
			return e->hint;
		case 3:
			return e->context;
		default:
			return NULL;
	}
}

int32
pgj_error_code(void)
{
	return pgj_unhandled_error ? pgj_unhandled_error->sqlerrcode : 0;
}

int32
pgj_error_elevel(void)
{
	return pgj_unhandled_error ? pgj_unhandled_error->elevel : 0;
}

bool
pgj_error_pending(void)
{
	return pgj_unhandled_error != NULL || java_error.set || interrupt_pending;
}

static char *
take(char *s)
{
	char	   *copy = s ? pstrdup(s) : NULL;

	free(s);
	return copy;
}

/* Raise whatever is pending. Runs in C frames only, after Java has returned. */
void
pgj_raise_pending(void)
{
	int			code;
	char	   *message;
	char	   *detail;
	char	   *hint;
	char	   *context;
	bool		java = java_error.set;

	if (pgj_unhandled_error != NULL)
	{
		ErrorData  *e = pgj_unhandled_error;

		pgj_unhandled_error = NULL;
		forget_consumed_interrupt();
		clear_java_error();
		interrupt_pending = false;
		ReThrowError(e);
	}
	code = java_error.sqlerrcode;
	message = take(java_error.message);
	detail = take(java_error.detail);
	hint = take(java_error.hint);
	context = take(java_error.context);
	memset(&java_error, 0, sizeof(java_error));
	/*
	 * Let the server raise the real cancel, timeout or termination. It comes first even when Java
	 * recorded another error, which the interrupt usually caused: a blocking call it broke, or a
	 * child process that got the signal too (the server signals a backend's process group).
	 */
	interrupt_pending = false;
	CHECK_FOR_INTERRUPTS();
	/* The server notices its postmaster's death only where it waits; Java noticed it sooner. */
	if (pgj_postmaster_gone())
		ereport(FATAL,
				(errcode(ERRCODE_ADMIN_SHUTDOWN),
				 errmsg("terminating connection due to unexpected postmaster exit")));
	/*
	 * The client sees the error as a C extension would raise it; the Java stack, which only the
	 * extension's developer can use, goes to the server log with the error's DETAIL, and to the
	 * client as CONTEXT only when pgj.error_java_stack asks for it.
	 */
	if (java)
		ereport(ERROR,
				(errcode(code),
				 errmsg_internal("%s", message ? message : "Java exception"),
				 detail ? errdetail_internal("%s", detail) : 0,
				 context ? errdetail_log("%s%s%s", detail ? detail : "", detail ? "\n" : "", context) : 0,
				 hint ? errhint("%s", hint) : 0,
				 context && pgj_error_java_stack ? errcontext("%s", context) : 0));
	/* The request was consumed elsewhere (e.g. by a rolled-back subtransaction). */
	ereport(ERROR,
			(errcode(ERRCODE_QUERY_CANCELED),
			 errmsg("canceling statement due to user request")));
}

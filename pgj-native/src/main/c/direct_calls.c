/*
 * Direct calls of server functions from Java (org.pgj.Server.call), as pgrx's
 * direct_function_call: through fmgr, without SPI's parse, plan and executor. Java resolves a
 * name once per transaction (pgj_fmgr_resolve), describes the function (pgj_fmgr_describe,
 * which checks EXECUTE permission) and calls it (pgj_fmgr_call); all three are guarded calls.
 * Each function's FmgrInfo is kept until the transaction ends, since a function may be replaced
 * or dropped by the next one.
 */
#include "pgj.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_proc.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/regproc.h"
#include "utils/syscache.h"

typedef struct DirectEntry
{
	Oid			fn;				/* hash key */
	FmgrInfo	flinfo;
} DirectEntry;

static MemoryContext direct_cxt = NULL;	/* the entries, until the transaction ends */
static HTAB *direct_functions = NULL;
static bool watching = false;

/* Java compares it to know its resolved names are from this transaction. */
int64		pgj_fmgr_generation = 1;

static void
forget_functions(XactEvent event, void *arg)
{
	if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT || event == XACT_EVENT_PREPARE
		|| event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT)
	{
		if (direct_cxt != NULL)
			MemoryContextReset(direct_cxt);
		direct_functions = NULL;
		pgj_fmgr_generation++;
	}
}

/* The function named `name`: "schema.name" (one function of that name) or "name(argtypes)". */
Oid
pgj_fmgr_resolve(const char *name)
{
	Datum		oid;

	if (strchr(name, '(') != NULL)
		oid = DirectFunctionCall1(regprocedurein, CStringGetDatum(name));
	else
		oid = DirectFunctionCall1(regprocin, CStringGetDatum(name));
	return DatumGetObjectId(oid);
}

/*
 * Describes function `fn` for Java into `out`: its argument count and types, result type and
 * strictness. Refuses what a direct call cannot do (sets, procedures, more arguments than Java
 * passes) and a function the user may not execute, as a SQL call would.
 */
int32
pgj_fmgr_describe(Oid fn, PgjDirectFunction *out)
{
	HeapTuple	tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(fn));
	Form_pg_proc proc;
	AclResult	acl;

	if (!HeapTupleIsValid(tuple))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("function with OID %u does not exist", fn)));
	proc = (Form_pg_proc) GETSTRUCT(tuple);
	if (proc->proretset || proc->prokind != PROKIND_FUNCTION || proc->pronargs > PGJ_DIRECT_MAX_ARGS)
	{
		const char *name = pstrdup(NameStr(proc->proname));

		ReleaseSysCache(tuple);
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s cannot be called directly", name),
				 errdetail("A direct call takes a plain function of at most %d arguments, not a set-returning"
						   " function, an aggregate, a window function or a procedure.", PGJ_DIRECT_MAX_ARGS),
				 errhint("Run it through SPI.")));
	}
	out->nargs = proc->pronargs;
	for (int i = 0; i < proc->pronargs; i++)
		out->argtypes[i] = proc->proargtypes.values[i];
	out->rettype = proc->prorettype;
	out->strict = proc->proisstrict;
	ReleaseSysCache(tuple);
#if PG_VERSION_NUM >= 160000
	acl = object_aclcheck(ProcedureRelationId, fn, GetUserId(), ACL_EXECUTE);
#else
	acl = pg_proc_aclcheck(fn, GetUserId(), ACL_EXECUTE);
#endif
	if (acl != ACLCHECK_OK)
		aclcheck_error(acl, OBJECT_FUNCTION, get_func_name(fn));
	return out->nargs;
}

/* Calls the function of `call` with its arguments (already Datums of its argument types). */
void
pgj_fmgr_call(PgjDirectCall *call)
{
	DirectEntry *entry;
	bool		found;
	LOCAL_FCINFO(fcinfo, PGJ_DIRECT_MAX_ARGS);

	if (call->strict)
		for (int i = 0; i < call->nargs; i++)
			if (call->nulls[i])
			{
				call->isnull = true;
				call->result = (Datum) 0;
				return;
			}
	if (!watching)
	{
		RegisterXactCallback(forget_functions, NULL);
		watching = true;
	}
	if (direct_cxt == NULL)
		direct_cxt = AllocSetContextCreate(TopMemoryContext, "pgj direct calls", ALLOCSET_SMALL_SIZES);
	if (direct_functions == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(Oid);
		ctl.entrysize = sizeof(DirectEntry);
		ctl.hcxt = direct_cxt;
		direct_functions = hash_create("pgj direct calls", 16, &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	}
	entry = hash_search(direct_functions, &call->fn, HASH_ENTER, &found);
	if (!found)
	{
		PG_TRY();
		{
			fmgr_info_cxt(call->fn, &entry->flinfo, direct_cxt);
		}
		PG_CATCH();
		{
			hash_search(direct_functions, &call->fn, HASH_REMOVE, NULL);
			PG_RE_THROW();
		}
		PG_END_TRY();
	}
	InitFunctionCallInfoData(*fcinfo, &entry->flinfo, call->nargs, DEFAULT_COLLATION_OID, NULL, NULL);
	for (int i = 0; i < call->nargs; i++)
	{
		fcinfo->args[i].value = call->args[i];
		fcinfo->args[i].isnull = call->nulls[i];
	}
	call->result = FunctionCallInvoke(fcinfo);
	call->isnull = fcinfo->isnull;
}

/*
 * The call handler of every pgj language: fmgr → cached FFM upcall stub → Java.
 *
 * Each function is resolved by Java once per backend and kept in a hash by OID,
 * checked against the pg_proc row's xmin and TID once per FmgrInfo (so once per query), as
 * PL/pgSQL does: after CREATE OR REPLACE FUNCTION, an existing session runs the new code.
 * After a reinstall, builds.c switches a whole extension to its new jars at a transaction
 * boundary by forgetting its functions: each is resolved again at its next call.
 * Errors that Java recorded are raised only after the stub has returned. Until the FFM
 * linker is ready (a background thread prepares it after the first call), calls go through
 * JNI, so a backend's first call does not wait for it.
 */
#include "pgj.h"

#include "access/htup_details.h"
#include "miscadmin.h"
#include "catalog/pg_language.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "utils/lsyscache.h"
#include "commands/event_trigger.h"
#include "commands/trigger.h"
#include "windowapi.h"
#include "nodes/parsenodes.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/regproc.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

typedef struct PgjFunction
{
	Oid			fn_oid;			/* hash key */
	TransactionId fn_xmin;
	ItemPointerData fn_tid;
	int64		function;		/* Java's handle; 0 until resolved */
	PgjFunctionSlot slot;		/* written by Java: its FFM stub, the argument it returns */
	bool		retset;			/* returns a set, value per call (sets.c) */
	bool		trigger;		/* RETURNS trigger: only the trigger manager may call it */
	bool		event_trigger;	/* RETURNS event_trigger: only the event trigger manager may call it */
	bool		window;			/* WINDOW: its arguments are read from the current row */
	bool		strict;
	bool		read_only;		/* STABLE or IMMUTABLE: its SPI statements run read-only */
	int			folder;			/* its extension folder in builds.c; -1: none */
} PgjFunction;

static HTAB *functions = NULL;

PG_FUNCTION_INFO_V1(pgj_call_handler);
PGJ_EXPORT Datum pgj_call_handler(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(pgj_type_input);
PGJ_EXPORT Datum pgj_type_input(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(pgj_type_output);
PGJ_EXPORT Datum pgj_type_output(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(pgj_validator);
PGJ_EXPORT Datum pgj_validator(PG_FUNCTION_ARGS);

static PgjFunction *
function_entry(Oid fn_oid)
{
	bool		found;
	PgjFunction *entry;

	if (functions == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(Oid);
		ctl.entrysize = sizeof(PgjFunction);
		ctl.hcxt = TopMemoryContext;
		functions = hash_create("pgj functions", 64, &ctl,
								HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	}
	entry = hash_search(functions, &fn_oid, HASH_ENTER, &found);
	if (!found)
	{
		entry->fn_xmin = InvalidTransactionId;
		entry->function = 0;
		entry->slot.stub = NULL;
		entry->slot.returned_argument = 0;
		entry->retset = false;
		entry->trigger = false;
		entry->event_trigger = false;
		entry->window = false;
		entry->strict = false;
		entry->read_only = false;
		entry->folder = -1;
	}
	return entry;
}

/* builds.c: the folder's build was replaced; its functions resolve again at their next call. */
void
pgj_forget_functions(int folder)
{
	HASH_SEQ_STATUS scan;
	PgjFunction *entry;

	if (functions == NULL)
		return;
	hash_seq_init(&scan, functions);
	while ((entry = hash_seq_search(&scan)) != NULL)
		if (entry->folder == folder)
		{
			entry->function = 0;
			entry->slot.stub = NULL;
			entry->slot.returned_argument = 0;
		}
}

/* `pgj_<dir>` → `<dir>`: the class-path folder under $sharedir/pgj. */
static char *
classpath_dir(Oid lang_oid)
{
	HeapTuple	tup = SearchSysCache1(LANGOID, ObjectIdGetDatum(lang_oid));
	char	   *name;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for language %u", lang_oid);
	name = pstrdup(NameStr(((Form_pg_language) GETSTRUCT(tup))->lanname));
	ReleaseSysCache(tup);
	if (strncmp(name, "pgj_", 4) != 0 || name[4] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				 errmsg("language \"%s\" is not a pgj language", name),
				 errhint("pgj languages are named pgj_<extension>.")));
	return name + 4;
}

/*
 * A base type's input and output functions are LANGUAGE C functions of pgj.so (pgj_type_input,
 * pgj_type_output), not functions of the extension's language. llvmjit compiles an I/O
 * coercion (t::text, 'x'::t) into a direct call of both functions, which in PostgreSQL 15 to
 * 18 works only for a function with a C symbol: for a PL function it takes the pointer it
 * loads for a function and aborts the backend (LLVMGetFunctionType on a load, in
 * llvmjit_expr.c's EEOP_IOCOERCE). Their Java side is named by the type's send function,
 * which is in the extension's language: '<class>::send' there gives '<class>::input' here.
 */
static void
base_type_source(Form_pg_proc proc, const char *role, char **prosrc, char **dir)
{
	Oid			type = strcmp(role, "input") == 0 ? proc->prorettype : proc->proargtypes.values[0];
	HeapTuple	type_tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(type));
	Oid			send;
	HeapTuple	send_tup;
	bool		isnull;
	char	   *send_src;
	char	   *roles;

	if (!HeapTupleIsValid(type_tup))
		elog(ERROR, "cache lookup failed for type %u", type);
	send = ((Form_pg_type) GETSTRUCT(type_tup))->typsend;
	ReleaseSysCache(type_tup);
	send_tup = OidIsValid(send) ? SearchSysCache1(PROCOID, ObjectIdGetDatum(send)) : NULL;
	if (!HeapTupleIsValid(send_tup))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				 errmsg("%s function of type %s needs the type's send function to be a pgj function",
						role, format_type_be(type))));
	send_src = TextDatumGetCString(SysCacheGetAttr(PROCOID, send_tup, Anum_pg_proc_prosrc, &isnull));
	*dir = classpath_dir(((Form_pg_proc) GETSTRUCT(send_tup))->prolang);
	ReleaseSysCache(send_tup);
	roles = strstr(send_src, "::");
	if (roles == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				 errmsg("send function of type %s is not the send role of a pgj base type", format_type_be(type))));
	*roles = '\0';
	*prosrc = psprintf("%s::%s", send_src, role);
}

/* What Java resolves a function from: its source, class-path folder and PGJ_FN_ flags. */
static int32
function_source(HeapTuple proc_tuple, char **prosrc, char **dir)
{
	Form_pg_proc proc = (Form_pg_proc) GETSTRUCT(proc_tuple);
	bool		isnull;
	Datum		src = SysCacheGetAttr(PROCOID, proc_tuple, Anum_pg_proc_prosrc, &isnull);
	int32		flags = 0;

	*prosrc = isnull ? "" : TextDatumGetCString(src);
	if (proc->prolang == ClanguageId)
		base_type_source(proc, strcmp(*prosrc, "pgj_type_input") == 0 ? "input" : "output", prosrc, dir);
	else
		*dir = classpath_dir(proc->prolang);
	if (proc->proisstrict)
		flags |= PGJ_FN_STRICT;
	if (proc->proretset)
		flags |= PGJ_FN_RETSET;
	if (proc->prokind == PROKIND_PROCEDURE)
		flags |= PGJ_FN_PROCEDURE;
	return flags;
}

static void
resolve(PgjFunction *entry, HeapTuple proc_tuple)
{
	Form_pg_proc proc = (Form_pg_proc) GETSTRUCT(proc_tuple);
	char	   *prosrc;
	char	   *dir;
	int32		flags = function_source(proc_tuple, &prosrc, &dir);
	int64		function;
	TimestampTz start;

	start = GetCurrentTimestamp();
	entry->function = 0;
	entry->slot.stub = NULL;
	entry->slot.returned_argument = 0;
	function = pgj_resolve(entry->fn_oid, prosrc, dir, proc->proargtypes.values, proc->pronargs,
						   proc->prorettype, flags, &entry->slot);
	elog(DEBUG1, "pgj: resolved %s in %ld ms", prosrc, (long) ((GetCurrentTimestamp() - start) / 1000));
	if (function == 0 || pgj_error_pending())
		pgj_raise_pending();
	/* Resolution runs pgj's runtime, which the interrupt watcher leaves alone: check now. */
	CHECK_FOR_INTERRUPTS();
	entry->function = function;
	entry->folder = pgj_build_folder(dir);
	entry->retset = proc->proretset;
	entry->trigger = proc->prorettype == TRIGGEROID;
	entry->event_trigger = proc->prorettype == EVENT_TRIGGEROID;
	entry->window = proc->prokind == PROKIND_WINDOW;
	entry->strict = proc->proisstrict;
	entry->read_only = proc->provolatile != PROVOLATILE_VOLATILE;
	entry->fn_xmin = HeapTupleHeaderGetRawXmin(proc_tuple->t_data);
	entry->fn_tid = proc_tuple->t_self;
}

/* Resolves the function if it never was, was forgotten (builds.c), or was redefined. */
static void
resolve_if_stale(PgjFunction *entry)
{
	HeapTuple	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(entry->fn_oid));

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for function %u", entry->fn_oid);
	if (entry->function == 0
		|| entry->fn_xmin != HeapTupleHeaderGetRawXmin(tup->t_data)
		|| !ItemPointerEquals(&entry->fn_tid, &tup->t_self))
		resolve(entry, tup);
	ReleaseSysCache(tup);
}

static PgjCallSite *
lookup(FmgrInfo *flinfo)
{
	PgjFunction *entry;
	PgjCallSite *site;

	pgj_ensure_jvm();
	entry = function_entry(flinfo->fn_oid);
	resolve_if_stale(entry);
	/* Per FmgrInfo: a set being returned belongs to one call site, not to the function. */
	site = MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(PgjCallSite));
	site->function = entry;
	site->cxt = flinfo->fn_mcxt;
	flinfo->fn_extra = site;
	return site;
}

/* The window function call Java's WindowFrame reads (fcinfo); NULL outside one. */
FunctionCallInfo pgj_window_call = NULL;

/*
 * A window function: the executor leaves its arguments unevaluated, so they are read from the
 * current row here, where an error may still be raised, and Java gets them as any function's.
 * False for a strict one with a NULL argument, which gives NULL without running, as the built-in
 * ones do.
 */
static bool
window_arguments(PgjFunction *entry, FunctionCallInfo fcinfo)
{
	WindowObject winobj = PG_WINDOW_OBJECT();

	if (winobj == NULL || !IsA(winobj, WindowObjectData))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("window functions can only be called with OVER")));
	for (int i = 0; i < fcinfo->nargs; i++)
	{
		bool		isnull;

		fcinfo->args[i].value = WinGetFuncArgCurrent(winobj, i, &isnull);
		fcinfo->args[i].isnull = isnull;
		if (isnull && entry->strict)
			return false;
	}
	return true;
}

/*
 * Java's WindowFrame: argument `argno` at `position` of the partition (from the current row) or
 * of the frame (from its head); flags[0] is set for NULL, flags[1] for a row outside.
 */
Datum
pgj_window_argument(WindowObject winobj, int32 argno, int32 position, bool in_frame, bool *flags)
{
	if (in_frame)
		return WinGetFuncArgInFrame(winobj, argno, position, WINDOW_SEEK_HEAD, false, &flags[0], &flags[1]);
	return WinGetFuncArgInPartition(winobj, argno, position, WINDOW_SEEK_CURRENT, false, &flags[0], &flags[1]);
}

static bool
any_null_argument(FunctionCallInfo fcinfo)
{
	for (int i = 0; i < fcinfo->nargs; i++)
		if (fcinfo->args[i].isnull)
			return true;
	return false;
}

/*
 * A method that only returns one of its parameters (`return state;`, as first()'s state
 * function): once a call through Java has succeeded at this call site, which initialized its
 * class and found the actual types, the call site returns that argument's Datum itself, as the
 * C function returns PG_GETARG_DATUM(n), and an aggregate's transitions cost no upcall. Java
 * returns it as it came for a polymorphic one only when the result's actual type is the
 * argument's, so that is required here too, and the first call's result must be that very
 * Datum (a value Java converted back, a bytea or an array, is not). A call with a NULL argument
 * still goes to Java, which decides what NULL means for its parameters.
 */
static void
decide_returned_argument(PgjCallSite *site, PgjFunction *entry, FunctionCallInfo fcinfo, Datum result)
{
	int			argument = entry->slot.returned_argument - 1;

	if (entry->retset || entry->window || entry->trigger || entry->event_trigger
		|| argument >= fcinfo->nargs || any_null_argument(fcinfo) || fcinfo->isnull
		|| result != fcinfo->args[argument].value)
		return;
	if (entry->slot.polymorphic
		&& (argument + 1 >= PGJ_EXPR_TYPES || site->expr_types[0] == InvalidOid
			|| site->expr_types[0] != site->expr_types[argument + 1]))
		return;
	site->returns_argument = argument + 1;
	site->returns_for = entry->function;
	if (message_level_is_interesting(DEBUG1))
		elog(DEBUG1, "pgj: %s returns its argument $%d: this call site returns it without calling Java",
			 format_procedure(entry->fn_oid), argument + 1);
}

Datum
pgj_call_handler(PG_FUNCTION_ARGS)
{
	PgjCallSite *site = (PgjCallSite *) fcinfo->flinfo->fn_extra;
	PgjFunction *entry;
	bool		outer_nonatomic = pgj_nonatomic;
	bool		outer_read_only = pgj_read_only;
	FunctionCallInfo outer_window_call = pgj_window_call;
	int			outer_spi_depth = pgj_spi_depth;
	MemoryContext caller_cxt = CurrentMemoryContext;
	Datum		result;

	MemoryContext rows_caller_cxt = NULL;

	/* The first pgj call of a transaction may switch to a reinstalled build (builds.c). */
	if (unlikely(!pgj_builds_checked))
		pgj_check_builds();
	if (unlikely(site == NULL))
		site = lookup(fcinfo->flinfo);
	entry = site->function;
	/* Forgotten by a switch, and called through a call site that outlived it (a cached FmgrInfo). */
	if (unlikely(entry->function == 0))
		resolve_if_stale(entry);
	/* A method that only returns an argument, taken over after its first call here. */
	if (site->returns_argument > 0 && site->returns_for == entry->function && !any_null_argument(fcinfo))
	{
		fcinfo->isnull = false;
		return fcinfo->args[site->returns_argument - 1].value;
	}
	/* Java reads fcinfo->context as TriggerData: nothing else may reach a trigger function. */
	if (unlikely(entry->trigger) && !CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("trigger functions can only be called as triggers")));
	/* Java reads fcinfo->context as EventTriggerData. */
	if (unlikely(entry->event_trigger) && !CALLED_AS_EVENT_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("event trigger functions can only be called as event triggers")));
	if (unlikely(entry->window))
	{
		if (!window_arguments(entry, fcinfo))
			PG_RETURN_NULL();
		pgj_window_call = fcinfo;
	}
	else
		pgj_window_call = NULL;
	if (entry->retset)
	{
		if (pgj_set_row_ahead(site, fcinfo, &result))
			return result;
		rows_caller_cxt = pgj_set_refill_begin(site);
	}
	/* Only a procedure called by a top-level CALL may commit or roll back (see spi.c). */
	pgj_nonatomic = fcinfo->context != NULL && IsA(fcinfo->context, CallContext)
		&& !((CallContext *) fcinfo->context)->atomic;
	pgj_read_only = entry->read_only;
	/* A SET of either threshold since the last call: java.util.logging's levels follow it. */
	if (unlikely(log_min_messages != pgj_java_log_min_messages || client_min_messages != pgj_java_client_min_messages))
		pgj_follow_log_thresholds();
	if (likely(entry->slot.stub != NULL))
		result = entry->slot.stub(fcinfo);
	else
		result = pgj_invoke_slowly(entry->function, fcinfo);
	pgj_nonatomic = outer_nonatomic;
	pgj_read_only = outer_read_only;
	pgj_window_call = outer_window_call;
	if (unlikely(pgj_java_interrupted))
		pgj_clear_java_interrupt();
	if (entry->retset)
		result = pgj_set_refill_end(site, fcinfo, rows_caller_cxt);
	/* The caller's SPI state must be as it was; after a server error, the abort restores it. */
	if (unlikely(pgj_spi_depth > outer_spi_depth) && pgj_unhandled_error == NULL)
		result = pgj_spi_close_leaked(fcinfo, result, outer_spi_depth, caller_cxt);
	if (unlikely(pgj_error_pending()))
		pgj_raise_pending();
	if (entry->slot.returned_argument > 0 && site->returns_for != entry->function)
		decide_returned_argument(site, entry, fcinfo, result);
	return result;
}

/* A base type's input and output functions (see base_type_source): the same call as any other. */
Datum
pgj_type_input(PG_FUNCTION_ARGS)
{
	return pgj_call_handler(fcinfo);
}

Datum
pgj_type_output(PG_FUNCTION_ARGS)
{
	return pgj_call_handler(fcinfo);
}

/*
 * The validator of every pgj language (CREATE LANGUAGE ... VALIDATOR), as plpgsql_validator is
 * PL/pgSQL's: CREATE FUNCTION resolves the function as its first call would (class, method,
 * signature, type mappings, in Java's FunctionResolver), so a bad AS clause fails now, with the
 * first call's error. Java loads the class without initializing it, so no code of the extension
 * runs. Nothing is checked while check_function_bodies is off, as during CREATE EXTENSION
 * scripts and pg_dump restores. When Java cannot start, DDL goes on with a WARNING: the first
 * call raises the start-up ERROR anyway.
 */
Datum
pgj_validator(PG_FUNCTION_ARGS)
{
	Oid			fn_oid = PG_GETARG_OID(0);
	HeapTuple	tup;
	Form_pg_proc proc;
	char	   *prosrc;
	char	   *dir;
	int32		flags;
	const char *reason;
	const char *hint;

	if (!CheckFunctionValidatorAccess(fcinfo->flinfo->fn_oid, fn_oid) || !check_function_bodies)
		PG_RETURN_VOID();
	if (!pgj_try_jvm(&reason, &hint))
	{
		ereport(WARNING,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("pgj could not check function %s: %s", format_procedure(fn_oid), reason),
				 errdetail("It is checked at its first call instead."),
				 hint ? errhint("%s", hint) : 0));
		PG_RETURN_VOID();
	}
	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(fn_oid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for function %u", fn_oid);
	proc = (Form_pg_proc) GETSTRUCT(tup);
	flags = function_source(tup, &prosrc, &dir);
	/* Java returns nonzero without keeping anything, or 0 with the first call's error recorded. */
	if (pgj_resolve(fn_oid, prosrc, dir, proc->proargtypes.values, proc->pronargs, proc->prorettype,
					flags | PGJ_FN_VALIDATE, NULL) == 0 || pgj_error_pending())
		pgj_raise_pending();
	ReleaseSysCache(tup);
	/* Resolution runs pgj's runtime, which the interrupt watcher leaves alone: check now. */
	CHECK_FOR_INTERRUPTS();
	PG_RETURN_VOID();
}

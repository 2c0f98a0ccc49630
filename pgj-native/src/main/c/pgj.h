/*
 * pgj native runtime: declarations shared by its files.
 *
 * The C part stays small: it boots the JVM, hands calls to Java through FFM upcall stubs,
 * and runs every server call Java makes that can ereport inside PG_TRY (guard.c), so that
 * no longjmp ever crosses a Java frame.
 */
#ifndef PGJ_H
#define PGJ_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/elog.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "access/htup.h"
#include "postmaster/bgworker.h"
#include "utils/portal.h"
#include "utils/rangetypes.h"

#include <signal.h>
#include <jni.h>
#include <jvmti.h>

#ifdef WORDS_BIGENDIAN
#error "pgj reads varlena headers in Java and supports little-endian platforms only"
#endif

#if SIZEOF_DATUM != 8
#error "pgj needs 64-bit Datums"
#endif

#define PGJ_EXPORT PGDLLEXPORT

#ifndef PGJ_VERSION
#error "PGJ_VERSION is not defined: build with the Makefile (make PGJ_VERSION=<pgj version>)"
#endif

/*
 * 18 replaced the suffix pg_attribute_noreturn() by the prefix pg_noreturn; before 18, the
 * suffix's GCC attribute is just as valid in front of a declaration.
 */
#ifndef pg_noreturn
#define pg_noreturn pg_attribute_noreturn()
#endif

/* GUCs (pgj_init.c) */
extern char *pgj_java_home;
extern char *pgj_jvm_options;
extern char *pgj_aot_cache;
extern int	pgj_heap_max_mb;
extern int	pgj_metaspace_max_mb;
extern int	pgj_code_cache_max_mb;
extern bool pgj_error_java_stack;
extern int	pgj_debug_port;
extern char *pgj_profile_file;
extern bool pgj_debug_allowed;

/* debugger.c: a JDWP debugger for one session */
extern bool pgj_check_debug_port(int *newval, void **extra, GucSource source);
extern const char *pgj_debug_agent_option(void);
extern bool pgj_debug_port_free(void);
extern void pgj_report_debug_agent(void);
extern bool pgj_debugger_agent_loaded(void);
extern void pgj_release_debugger(void);

/* jvm_boot.c */
extern void pgj_ensure_jvm(void);
extern int64 pgj_resolve(Oid fn_oid, const char *prosrc, const char *classpath_dir,
						 const Oid *arg_types, int nargs, Oid ret_type, int32 flags,
						 void *stub_slot);
extern Datum pgj_invoke_slowly(int64 function, FunctionCallInfo fcinfo);
extern void pgj_run_worker(int32 argument, bool startup_only);
extern bool pgj_on_backend_thread(void);
extern void pgj_clear_java_interrupt(void);

/* jvmti.c: pgj's JVMTI environment (new threads' signals, exits, the interrupt watcher) */
extern bool pgj_jvmti_init(JavaVM *vm);
extern jvmtiEnv *pgj_jvmti(void);
extern bool pgj_guard_exits(JNIEnv *env);

/* interrupts.c: interrupts reach Java code that never checks for them */
extern void pgj_watch_interrupts(JavaVM *vm, JNIEnv *env);
extern void pgj_wrap_signals(void);
extern bool pgj_postmaster_gone(void);
extern volatile sig_atomic_t pgj_java_interrupted;
/*
 * An interrupt that stays pending until Java returns although the server's own flags no longer
 * show it: a cancel or termination the server consumed to raise an error that Java has not
 * handled (errors.c), or the postmaster's death (interrupts.c). A PGJ_INTERRUPT_*.
 */
extern volatile sig_atomic_t pgj_sticky_interrupt;
extern int32 pgj_interrupt_wanted(void);

/* What the watcher throws into Java; Boot.asyncInterrupt makes the error for each. */
#define PGJ_INTERRUPT_NONE 0
#define PGJ_INTERRUPT_CANCEL 1
#define PGJ_INTERRUPT_TERMINATE 2
#define PGJ_INTERRUPT_POSTMASTER_DIED 3

/* errors.c: errors carried across the Java boundary */
extern void pgj_remember_pg_error(void);
extern bool pgj_error_pending(void);
pg_noreturn extern void pgj_raise_pending(void);
extern ErrorData *pgj_unhandled_error;

/* guard.c */
extern MemoryContext pgj_error_context(void);
extern void pgj_discard_errors_from_level(int level);

/*
 * Called by Java through FFM: the two trampolines, and the functions below that Java calls
 * through them, each with its real prototype, declared once in Java (@CFunction) and checked
 * against this header by the generated functions.c. The trampolines pass six integer or
 * pointer arguments, which a callee of fewer reads from the same registers.
 */
typedef int64 (*PgjAnyFunction) (int64, int64, int64, int64, int64, int64);
extern int64 pgj_direct_call(PgjAnyFunction fn, int64 a0, int64 a1, int64 a2, int64 a3,
							 int64 a4, int64 a5);
extern int32 pgj_guard_call(PgjAnyFunction fn, int64 a0, int64 a1, int64 a2, int64 a3,
							int64 a4, int64 a5, int64 *result);
extern void pgj_elog(int32 level, const char *message, int32 sqlerrcode, const char *detail,
					 const char *hint);
extern int32 pgj_subxact_begin(MemoryContext cxt);
extern void pgj_subxact_commit(MemoryContext cxt, ResourceOwner owner);
extern int32 pgj_subxact_rollback(MemoryContext cxt, ResourceOwner owner, int32 level);
extern void pgj_set_java_error(int32 sqlerrcode, const char *message, const char *detail,
							   const char *hint, const char *context);
extern void pgj_set_interrupt(void);
extern const char *pgj_error_field(int32 which);
extern int32 pgj_error_code(void);
extern int32 pgj_error_elevel(void);
extern char pgj_sharedir[];
/* $sharedir/pgj/lib/<PGJ_VERSION>: this runtime's pgj-api.jar and AOT cache. */
extern char pgj_runtime_dir[];
/* The version of another pgj runtime loaded first in this process, or NULL (pgj_init.c). */
extern const char *pgj_other_runtime;
pg_noreturn extern void pgj_refuse_other_runtime(void);
extern void pgj_locate_runtime(void);

/*
 * spi.c. pgj_nonatomic: whether the innermost pgj call may end transactions (a procedure
 * called by a top-level CALL); pgj_read_only: whether it is a STABLE or IMMUTABLE function,
 * whose SPI statements then run read-only, as PL/pgSQL's do. The call handler sets both per
 * call and pgj_guard_call restores them after each guarded call, so a nested call that failed
 * cannot leave its values behind. pgj_spi_depth: SPI connections Java has open.
 */
extern bool pgj_nonatomic;
extern bool pgj_read_only;
extern int	pgj_spi_depth;
extern Datum pgj_spi_close_leaked(FunctionCallInfo fcinfo, Datum result, int depth,
								  MemoryContext caller_cxt);

/* A liveness cell (spi.c): serial is 0 once the memory it watches is gone. */
typedef struct PgjCell
{
	int64		serial;
	bool		nonatomic;		/* connections: opened with SPI_OPT_NONATOMIC */
	struct PgjCell *next_free;
} PgjCell;

/* Whether a memory context's memory still exists, for Java's handles (memory.c). */
typedef struct PgjMemoryWatch
{
	MemoryContextCallback callback;
	bool		alive;			/* false once the context was reset or deleted */
	bool		released;		/* Java holds no handle on it any more */
} PgjMemoryWatch;

/* A statement for pgj_spi_execute and pgj_spi_open_cursor, filled by Java. */
typedef struct PgjSpiRequest
{
	const char *sql;			/* used when plan is NULL */
	void	   *plan;			/* SPIPlanPtr */
	const char *cursor_name;	/* cursors: NULL lets the server name it */
	int32		nargs;
	int32		flags;
	Oid		   *types;			/* palloc'd when inferring types, which may enlarge it */
	Datum	   *values;
	bool	   *nulls;
	MemoryContext memory;		/* for the argument list and the rows; Java resets it after the call */
	struct PgjSpiRows *rows;	/* out: the statement's rows; NULL if it returned none */
} PgjSpiRequest;

/* The rows of a statement, as spi.c hands them to Java. */
typedef struct PgjSpiColumn
{
	Oid			type;
	bool		byval;
	NameData	name;
} PgjSpiColumn;

typedef struct PgjSpiRows
{
	uint64		rows;
	uint64		bytes;			/* of the by-reference values copied */
	int32		natts;
	Datum	   *values;			/* rows * natts, row after row; by-reference ones copied */
	bool	   *nulls;			/* as many */
	PgjSpiColumn columns[FLEXIBLE_ARRAY_MEMBER];
} PgjSpiRows;

#define PGJ_SPI_READ_ONLY	0x1
#define PGJ_SPI_INFER_TYPES 0x2
#define PGJ_SPI_KEEP_ROWS	0x4
#define PGJ_SPI_FIRST_ROW	0x8

extern PgjMemoryWatch *pgj_memory_watch(MemoryContext cxt);
extern void pgj_memory_unwatch(PgjMemoryWatch *watch);
extern PgjCell *pgj_track(MemoryContext cxt);
extern PgjCell *pgj_spi_connect(void);
extern int32 pgj_spi_execute(PgjSpiRequest *request);
extern Portal pgj_spi_open_cursor(PgjSpiRequest *request);
extern PgjSpiRows *pgj_spi_fetch(Portal portal, int64 count, MemoryContext memory);
extern char *pgj_datum_out(Oid type, Datum value);
extern Datum pgj_datum_in(Oid type, char *text);
extern Oid	pgj_type_oid(const char *name);
extern void pgj_spi_end_transaction(bool commit, bool chain);

/*
 * Background workers (bgworker.c). A worker's Java entry point travels in a launch
 * description: static workers find theirs in the manifests read by the postmaster (inherited
 * at fork), dynamic ones in a pinned DSM segment. Its index or DSM handle is the upper half
 * of bgw_main_arg; the lower half is the user's 32-bit argument.
 */
#define PGJ_CLASS_NAME_LEN 512
typedef struct PgjWorkerLaunch
{
	char		extension[NAMEDATALEN];
	char		class_name[PGJ_CLASS_NAME_LEN];
	char		method[NAMEDATALEN * 2];
	char		database[NAMEDATALEN];	/* static workers: connect before the entry point */
	char		user[NAMEDATALEN];
	/* static workers: "Class#method" run once per server start before the entry points */
	char		shmem_startup[PGJ_CLASS_NAME_LEN + NAMEDATALEN * 2];
	int32		startup_slot;	/* its flag in pgj's shared memory; -1 for none */
} PgjWorkerLaunch;

extern PgjWorkerLaunch *pgj_worker_launch;	/* this process's, when it is a pgj worker */
extern bool pgj_bgw_sigterm_overdue(void);
extern BackgroundWorkerHandle *pgj_bgw_register(BackgroundWorker *worker, const PgjWorkerLaunch *launch);
extern bool pgj_bgw_wait_latch(int64 timeout_ms);
extern int32 pgj_bgw_signals(int32 clear);
extern bool pgj_bgw_worker_continue(void);
extern void pgj_bgw_attach_signals(int32 flags);
extern void pgj_bgw_default_signals(void);
extern void pgj_bgw_begin(void);
extern void pgj_bgw_commit(void);
extern int32 pgj_bgw_abort(void);
extern void pgj_register_static_worker(const BackgroundWorker *worker, const PgjWorkerLaunch *launch);
extern int	pgj_startup_slots;	/* shared-memory start-up callbacks of static workers */
extern void pgj_request_startup_flags(void);

/* encoding.c: Java's UTF-8 to and from a database encoding other than UTF8 and SQL_ASCII */
extern int32 pgj_convert_text(const char *source, int64 length, bool to_server, int64 *out);

/*
 * builds.c: one build of each extension per session, switched at a transaction boundary after
 * a reinstall. The call handler and the hooks call pgj_check_builds at the first pgj entry of
 * each transaction (when pgj_builds_checked is false); call_handler.c forgets the functions of
 * a folder whose build was replaced, and jvm_boot.c asks Java whether it was.
 */
extern bool pgj_builds_checked;
extern int	pgj_hooks_running;
extern void pgj_check_builds(void);
extern int	pgj_build_folder(const char *name);
extern void pgj_build_watch(const char *name);
extern bool pgj_build_replaced(const char *name);
extern void pgj_forget_functions(int folder);

/* xact.c: transaction callbacks for Java */
extern int32 pgj_transaction_callbacks;
extern void pgj_watch_transactions(void);
extern int32 pgj_transaction_event(int32 event, int32 sub, int32 parent, bool report);
extern void pgj_watch_transaction_ends(void);
extern void pgj_transaction_ended(void);
extern int	pgj_java_log_min_messages;
extern int	pgj_java_client_min_messages;
extern void pgj_follow_log_thresholds(void);

/* hooks.c: query hooks in Java */
#define PGJ_HOOK_EXECUTOR_START		1
#define PGJ_HOOK_EXECUTOR_RUN		2
#define PGJ_HOOK_EXECUTOR_FINISH	3
#define PGJ_HOOK_EXECUTOR_END		4
#define PGJ_HOOK_PROCESS_UTILITY	5
#define PGJ_HOOK_PLANNER			6
/* What Java reads of a hook call (org.pgj.internal.hooks.HookCall). */
typedef struct PgjHookInfo
{
	int32		kind;			/* PGJ_HOOK_* */
	bool		proceeded;
	int32		operation;		/* CmdType */
	const char *text;			/* the query's source text */
	int64		query_id;
	int64		processed;		/* rows so far (es_processed) */
	const char *command_tag;	/* a utility statement's, e.g. "CREATE TABLE" */
	bool		top_level;
	int64		active;			/* bit i: declared hook class i runs here */
	/* The planner hook's plan, once planned: an EXPLAIN-like summary */
	double		plan_cost;		/* the top node's total cost */
	double		plan_rows;		/* its estimated rows */
	const char *plan_node;		/* its kind, as EXPLAIN names it */
} PgjHookInfo;

/* A relation a query or a plan node reads, named when it is planned (relid 0: none). */
typedef struct PgjRelationInfo
{
	Oid			relid;
	char		relkind;		/* pg_class.relkind */
	const char *nspname;
	const char *relname;
} PgjRelationInfo;

/* One node of the planner hook's plan tree, parents before their children (hooks.c). */
typedef struct PgjPlanNode
{
	int32		parent;			/* the parent's index; -1 for the plan's root and each subplan's */
	const char *name;			/* as EXPLAIN names the node */
	double		startup_cost;
	double		total_cost;
	double		rows;
	int32		width;
	PgjRelationInfo relation;	/* the relation it scans or modifies */
	PgjRelationInfo index;		/* the index an index scan uses */
} PgjPlanNode;

extern void pgj_declare_hooks(char **fields, int n);
extern PgjPlanNode *pgj_hook_plan_nodes(PgjHookInfo *call, int32 *count);
extern PgjRelationInfo *pgj_hook_relations(PgjHookInfo *call, int32 *count);
extern void pgj_hook_proceed(PgjHookInfo *call);
extern void pgj_hook_replan(PgjHookInfo *call, const char *setting, const char *value);
extern const char *pgj_hook_declared(int32 i, int32 which);
extern bool pgj_jvm_available(void);
extern bool pgj_try_jvm(const char **reason, const char **hint);
extern void pgj_run_hook(int64 call);
extern void pgj_run_log_hook(int64 edata, int64 active);
extern void pgj_set_log_message(ErrorData *edata, const char *message);

/* fdw.c ↔ jvm_boot.c: foreign data wrappers' Java side */
extern char *pgj_fdw_call(int32 op, const char *request, int length, int *answer_length);
extern int64 pgj_fdw_next(int64 scan);
extern void pgj_fdw_abandon(int64 scan);

/* shmem.c: the shared memory extensions declare */
extern void pgj_declare_shared(char **fields, int n);
extern void pgj_request_shared(void);
extern void *pgj_shared_attach(const char *name, int64 *out);

#define PGJ_SIGHUP_RECEIVED		0x1
#define PGJ_SIGTERM_RECEIVED	0x2
#define PGJ_SIGTERM_SEEN		0x4
#define PGJ_POSTMASTER_DIED		0x8

/* manifest.c: the extensions' runtime manifests ($sharedir/extension/<ext>.pgj) */
extern void pgj_read_manifests(bool preloading);

/* A setting declared by an extension; Java reads its value where the server writes it. */
typedef struct PgjSetting
{
	char	   *name;
	int32		kind;			/* 'b', 'i', 'r', 's', 'e' */
	bool		bool_value;
	int32		int_value;		/* int and enum (the option's index) */
	double		real_value;
	char	   *string_value;
} PgjSetting;

extern PgjSetting *pgj_setting(const char *name);

/* call_handler.c: the window function call running, for Java's WindowFrame */
extern FunctionCallInfo pgj_window_call;
extern Datum pgj_window_argument(struct WindowObjectData *winobj, int32 argno, int32 position, bool in_frame,
								 bool *flags);

/* direct_calls.c: Java calls server functions through fmgr (org.pgj.Server.call) */
#define PGJ_DIRECT_MAX_ARGS 16
typedef struct PgjDirectFunction
{
	int32		nargs;
	Oid			argtypes[PGJ_DIRECT_MAX_ARGS];
	Oid			rettype;
	bool		strict;
} PgjDirectFunction;

typedef struct PgjDirectCall
{
	Oid			fn;
	int32		nargs;
	bool		strict;
	Datum		args[PGJ_DIRECT_MAX_ARGS];
	bool		nulls[PGJ_DIRECT_MAX_ARGS];
	Datum		result;
	bool		isnull;
} PgjDirectCall;

extern int64 pgj_fmgr_generation;
extern Oid	pgj_fmgr_resolve(const char *name);
extern int32 pgj_fmgr_describe(Oid fn, PgjDirectFunction *out);
extern void pgj_fmgr_call(PgjDirectCall *call);

/* setting_hooks.c: check, assign and show hooks of extension settings, run in Java */
#define PGJ_SETTING_CHECK		0
#define PGJ_SETTING_ASSIGN		1
#define PGJ_SETTING_SHOW		2
#define PGJ_SETTING_TEXT_SIZE	1024
#define PGJ_SETTING_ACCEPTED	0
#define PGJ_SETTING_REFUSED		1	/* text: the check's reason */
#define PGJ_SETTING_SHOWN		2	/* text: the display form */
#define PGJ_SETTING_FAILED		3	/* an error (a cancel) is recorded for the server */
/* What Java reads of a hook call, and writes back into text (org.pgj.internal.settings.SettingHooks). */
typedef struct PgjSettingHookCall
{
	const char *extension;
	const char *class_name;
	const char *method;
	const char *setting;
	int32		kind;			/* the setting's: 'b', 'i', 'r', 's', 'e' */
	int32		hook;			/* PGJ_SETTING_CHECK, _ASSIGN, _SHOW */
	bool		bool_value;
	int32		int_value;		/* int and enum (the option's index) */
	double		real_value;
	const char *string_value;
	char		text[PGJ_SETTING_TEXT_SIZE];
} PgjSettingHookCall;

/* Field 9 on of a manifest's setting line: its hooks, if any; returns the server's hook functions. */
extern bool pgj_setting_hooks(char **fields, int n, PgjSetting *setting, void **check, void **assign, void **show);
extern void pgj_setting_hooks_defining(bool on);
extern int32 pgj_run_setting_hook(PgjSettingHookCall *call);
extern bool pgj_jvm_ready(void);

/* The most rows of a set Java reads ahead of the executor in one call (sets.c). */
#define PGJ_ROWS_AHEAD	64

/*
 * What Java writes when it resolves a function, kept in call_handler.c's entry for it: the FFM
 * upcall stub, and whether the method only returns one of its parameters unchanged
 * (FunctionResolver's ReturnedParameters), which the call handler then returns itself.
 */
typedef struct PgjFunctionSlot
{
	Datum		(*stub) (FunctionCallInfo fcinfo);	/* written once the FFM linker is ready */
	int32		returned_argument;	/* 1 + the parameter the method returns; 0: none */
	bool		polymorphic;	/* only where the call site's actual types of both are the same */
} PgjFunctionSlot;

/* The polymorphic positions whose actual types a call site keeps: the result and 8 arguments. */
#define PGJ_EXPR_TYPES	9

/*
 * What an FmgrInfo of a pgj function keeps in fn_extra, allocated in its fn_mcxt: the
 * function, and the set it is returning, since a set belongs to one call site (sets.c).
 */
typedef struct PgjCallSite
{
	struct PgjFunction *function;
	int64		set;			/* Java's handle of the running set; 0 when none */
	MemoryContext cxt;			/* fn_mcxt: its reset ends a set nobody shut down */
	bool		watched;		/* the reset callback on cxt is registered */
	/* Rows Java read ahead of the executor, returned one per call without calling Java */
	int32		ahead_count;	/* written by Java */
	bool		ahead_last;		/* written by Java: the set ended after these rows */
	int32		ahead_next;		/* the next one to return */
	Datum	   *ahead_values;	/* PGJ_ROWS_AHEAD of each */
	bool	   *ahead_nulls;
	MemoryContext ahead_cxt;	/* what by-reference rows point to; reset at each refill */
	/*
	 * Actual types of polymorphic positions, written by Java at the first call that asks: [0]
	 * the result, [1 + i] argument i; 0 until asked. fn_expr, which they come from, does not
	 * change for an FmgrInfo, so no row pays for get_fn_expr_argtype.
	 */
	Oid			expr_types[PGJ_EXPR_TYPES];
	/*
	 * 1 + the argument this call site returns without calling Java (PgjFunctionSlot), decided
	 * after a first call through Java succeeded; 0: every call goes to Java. Valid while the
	 * function is still the resolution `returns_for` names (a reinstall resolves it again).
	 */
	int32		returns_argument;
	int64		returns_for;
} PgjCallSite;

/* sets.c and rows.c */
extern int32 pgj_close_set(int64 set, bool report);
extern bool pgj_set_row_ahead(PgjCallSite *site, FunctionCallInfo fcinfo, Datum *result);
extern MemoryContext pgj_set_refill_begin(PgjCallSite *site);
extern Datum pgj_set_refill_end(PgjCallSite *site, FunctionCallInfo fcinfo, MemoryContext caller_cxt);
struct ExprContext;
extern void pgj_set_watch(struct ExprContext *econtext, PgjCallSite *site);
extern TupleDesc pgj_row_desc(Oid type, Oid fn_oid);
extern Form_pg_attribute pgj_tupdesc_attr(TupleDesc desc, int32 i);
extern Datum pgj_row_form(TupleDesc desc, Datum *values, bool *nulls);
extern HeapTuple pgj_tuple_form(TupleDesc desc, Datum *values, bool *nulls);
extern void pgj_row_deform(Datum datum, TupleDesc desc, Datum *values, bool *nulls);
extern Datum pgj_coerce_typmod(Datum datum, Oid type, int32 typmod);

/*
 * aggregates.c: a Java object that the server holds for Java, as a pointer to this: an aggregate's
 * state (its `internal` Datum), or the extra data of a GIN query key
 */
typedef struct PgjAggState
{
	MemoryContextCallback callback;	/* on the context it lives in: releases the object */
	int64		handle;			/* ObjectStates' handle of the object */
} PgjAggState;

extern Datum pgj_agg_state_new(FunctionCallInfo fcinfo, int64 handle);
extern PgjAggState *pgj_object_in_current_context(int64 handle);
extern void pgj_release_agg_state(int64 handle);

/* ranges.c */
extern RangeType *pgj_make_range(TypeCacheEntry *typcache, RangeBound *lower, RangeBound *upper,
								 bool empty);

/* facts.c: one entry of a table, the name Java reads it by and its value */
typedef struct PgjFact
{
	const char *name;
	int64		value;
} PgjFact;

/* functions.c, generated from pgj-api's @CFunction declarations: the fn.* entries */
extern const PgjFact pgj_function_facts[];

typedef struct PgjFactTable
{
	int64		count;
	const char *names;			/* one per line, NUL-terminated */
	int64	   *values;
} PgjFactTable;

extern const PgjFactTable *pgj_facts(void);

/* Flags passed to the Java resolver. */
#define PGJ_FN_STRICT	0x1
#define PGJ_FN_RETSET	0x2
#define PGJ_FN_PROCEDURE 0x4
/* Validate only (pgj_validator): resolve as a first call would, initialize no class, keep nothing. */
#define PGJ_FN_VALIDATE	0x8

/* Return codes of guarded calls, as Java sees them. */
#define PGJ_OK			0
#define PGJ_PG_ERROR	1
#define PGJ_WRONG_THREAD 2
#define PGJ_POISONED	3

#endif

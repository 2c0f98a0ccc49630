/*
 * Facts Java needs about this server build: struct offsets, type OIDs, constants, and the
 * addresses of globals. They come from this server's headers at build
 * time, so Java never hard-codes a layout. Java reads the table once at boot, by name.
 *
 * pgj-api's FactNamesTest fails the build when Java asks for a name this table lacks. The
 * functions Java calls are not here: functions.c, generated from their declarations in Java,
 * checks each prototype and lists their addresses, which pgj_facts() hands over with these.
 */
#include "pgj.h"

#include <signal.h>

#include "access/gin.h"
#include "access/htup_details.h"
#include "access/xact.h"
#include "executor/spi.h"
#include "executor/spi_priv.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type_d.h"
#include "commands/event_trigger.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "nodes/execnodes.h"
#include "miscadmin.h"
#include "postmaster/bgworker.h"
#include "postmaster/postmaster.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/geo_decls.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/portal.h"
#include "utils/regproc.h"
#include "utils/rangetypes.h"
#include "utils/rel.h"
#include "utils/typcache.h"
#include "utils/uuid.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "storage/lwlock.h"
#include "storage/pmsignal.h"

#define OFFSET(type, field) {#type "." #field, offsetof(type, field)}
#define SIZE(type) {"sizeof." #type, sizeof(type)}
#define CONST(name) {#name, (int64) (name)}
#define ADDR(sym) {"addr." #sym, (int64) &(sym)}

/* Without the signal, the interrupt watcher's tick notices and sets the sticky interrupt. */
#ifdef USE_POSTMASTER_DEATH_SIGNAL
#define POSTMASTER_DEATH_FLAG (&postmaster_possibly_dead)
#else
#define POSTMASTER_DEATH_FLAG (&pgj_sticky_interrupt)
#endif

static const PgjFact facts[] = {
	OFFSET(FunctionCallInfoBaseData, flinfo),
	OFFSET(FunctionCallInfoBaseData, context),
	OFFSET(FunctionCallInfoBaseData, resultinfo),
	OFFSET(FunctionCallInfoBaseData, fncollation),
	OFFSET(FunctionCallInfoBaseData, isnull),
	OFFSET(FunctionCallInfoBaseData, nargs),
	OFFSET(FunctionCallInfoBaseData, args),
	OFFSET(NullableDatum, value),
	OFFSET(NullableDatum, isnull),
	SIZE(NullableDatum),
	OFFSET(FmgrInfo, fn_oid),
	OFFSET(FmgrInfo, fn_extra),

	/* Sets and rows */
	OFFSET(PgjCallSite, set), OFFSET(PgjCallSite, ahead_count), OFFSET(PgjCallSite, ahead_last),
	OFFSET(PgjCallSite, ahead_values), OFFSET(PgjCallSite, ahead_nulls), OFFSET(PgjCallSite, ahead_cxt),
	CONST(PGJ_ROWS_AHEAD),
	OFFSET(PgjCallSite, expr_types), CONST(PGJ_EXPR_TYPES),
	OFFSET(PgjFunctionSlot, returned_argument), OFFSET(PgjFunctionSlot, polymorphic),
	OFFSET(ReturnSetInfo, type), OFFSET(ReturnSetInfo, econtext), OFFSET(ReturnSetInfo, allowedModes),
	OFFSET(ReturnSetInfo, returnMode),
	CONST(T_ReturnSetInfo), CONST(SFRM_ValuePerCall),
	SIZE(NodeTag), SIZE(SetFunctionReturnMode),
	OFFSET(TupleDescData, natts), OFFSET(TupleDescData, tdtypeid),
	OFFSET(FormData_pg_attribute, attname),
	OFFSET(FormData_pg_attribute, atttypid), OFFSET(FormData_pg_attribute, attisdropped),
	CONST(RECORDOID),
	OFFSET(PgjAggState, handle),
	/* A base type's receive function reads the message buffer (StringInfo) it is given. */
	OFFSET(StringInfoData, data), OFFSET(StringInfoData, len), OFFSET(StringInfoData, cursor),
	SIZE(sig_atomic_t),
	SIZE(bool),

	CONST(BOOLOID), CONST(INT2OID), CONST(INT4OID), CONST(INT8OID),
	CONST(FLOAT4OID), CONST(FLOAT8OID), CONST(TEXTOID), CONST(VARCHAROID),
	CONST(BPCHAROID), CONST(NAMEOID), CONST(BYTEAOID), CONST(VOIDOID),
	CONST(CSTRINGOID),

	/* Types (org.pgj.internal.datum): OIDs, layouts and limits */
	CONST(CHAROID), CONST(OIDOID), CONST(NUMERICOID), CONST(JSONOID), CONST(JSONBOID),
	CONST(DATEOID), CONST(TIMEOID), CONST(TIMETZOID), CONST(TIMESTAMPOID), CONST(TIMESTAMPTZOID),
	CONST(INTERVALOID), CONST(UUIDOID), CONST(INETOID), CONST(CIDROID), CONST(POINTOID),
	CONST(BOXOID), CONST(TIDOID), CONST(REGCLASSOID), CONST(INT4RANGEOID), CONST(INT8RANGEOID),
	CONST(NUMRANGEOID), CONST(DATERANGEOID), CONST(TSRANGEOID), CONST(TSTZRANGEOID),
	CONST(ANYELEMENTOID), CONST(ANYARRAYOID), CONST(ANYCOMPATIBLEOID),
	CONST(ANYCOMPATIBLEARRAYOID), CONST(ANYNONARRAYOID), CONST(INTERNALOID),
	CONST(INT2ARRAYOID), CONST(INT4ARRAYOID), CONST(INT8ARRAYOID), CONST(FLOAT4ARRAYOID),
	CONST(FLOAT8ARRAYOID),
	CONST(GIN_SEARCH_MODE_DEFAULT), CONST(GIN_SEARCH_MODE_INCLUDE_EMPTY), CONST(GIN_SEARCH_MODE_ALL),
	CONST(GIN_FALSE), CONST(GIN_TRUE), CONST(GIN_MAYBE),
	CONST(NAMEDATALEN), CONST(MAXIMUM_ALIGNOF), CONST(MAXDIM),
	CONST(POSTGRES_EPOCH_JDATE), CONST(DATETIME_MIN_JULIAN), CONST(DATE_END_JULIAN),
	CONST(MIN_TIMESTAMP), CONST(END_TIMESTAMP), CONST(DATEVAL_NOBEGIN), CONST(DATEVAL_NOEND),
	CONST(DT_NOBEGIN), CONST(DT_NOEND), CONST(USECS_PER_DAY), CONST(TZDISP_LIMIT),
	OFFSET(TimeTzADT, time), OFFSET(TimeTzADT, zone), SIZE(TimeTzADT),
	OFFSET(Interval, time), OFFSET(Interval, day), OFFSET(Interval, month), SIZE(Interval),
	CONST(UUID_LEN), OFFSET(Point, x), OFFSET(Point, y), SIZE(Point),
	OFFSET(BOX, high), OFFSET(BOX, low), SIZE(BOX),
	OFFSET(ItemPointerData, ip_blkid), OFFSET(ItemPointerData, ip_posid), SIZE(ItemPointerData),
	OFFSET(BlockIdData, bi_hi), OFFSET(BlockIdData, bi_lo),
	SIZE(ArrayType), OFFSET(ArrayType, ndim), OFFSET(ArrayType, dataoffset),
	OFFSET(ArrayType, elemtype),
	OFFSET(RangeBound, val), OFFSET(RangeBound, infinite), OFFSET(RangeBound, inclusive),
	OFFSET(RangeBound, lower), SIZE(RangeBound), OFFSET(RangeType, rangetypid),
	OFFSET(TypeCacheEntry, type_id), OFFSET(TypeCacheEntry, rngelemtype),
	CONST(TYPECACHE_RANGE_INFO),

	/* Transaction callbacks (org.pgj.hooks) */
	{"addr.pgj_transaction_callbacks", (int64) &pgj_transaction_callbacks},
	CONST(XACT_EVENT_COMMIT), CONST(XACT_EVENT_PARALLEL_COMMIT), CONST(XACT_EVENT_ABORT),
	CONST(XACT_EVENT_PARALLEL_ABORT), CONST(XACT_EVENT_PREPARE), CONST(XACT_EVENT_PRE_COMMIT),
	CONST(XACT_EVENT_PARALLEL_PRE_COMMIT), CONST(XACT_EVENT_PRE_PREPARE),
	CONST(SUBXACT_EVENT_START_SUB), CONST(SUBXACT_EVENT_COMMIT_SUB), CONST(SUBXACT_EVENT_ABORT_SUB),
	CONST(SUBXACT_EVENT_PRE_COMMIT_SUB),

	/* Query hooks (org.pgj.hooks) */
	OFFSET(PgjDirectFunction, nargs), OFFSET(PgjDirectFunction, argtypes), OFFSET(PgjDirectFunction, rettype),
	OFFSET(PgjDirectFunction, strict), SIZE(PgjDirectFunction),
	OFFSET(PgjDirectCall, fn), OFFSET(PgjDirectCall, nargs), OFFSET(PgjDirectCall, strict),
	OFFSET(PgjDirectCall, args), OFFSET(PgjDirectCall, nulls), OFFSET(PgjDirectCall, result),
	OFFSET(PgjDirectCall, isnull), SIZE(PgjDirectCall), CONST(PGJ_DIRECT_MAX_ARGS),
	ADDR(pgj_fmgr_generation), ADDR(pgj_window_call),
	OFFSET(PgjSettingHookCall, extension), OFFSET(PgjSettingHookCall, class_name),
	OFFSET(PgjSettingHookCall, method), OFFSET(PgjSettingHookCall, setting), OFFSET(PgjSettingHookCall, kind),
	OFFSET(PgjSettingHookCall, hook), OFFSET(PgjSettingHookCall, bool_value),
	OFFSET(PgjSettingHookCall, int_value), OFFSET(PgjSettingHookCall, real_value),
	OFFSET(PgjSettingHookCall, string_value), OFFSET(PgjSettingHookCall, text),
	CONST(PGJ_SETTING_CHECK), CONST(PGJ_SETTING_ASSIGN), CONST(PGJ_SETTING_SHOW),
	CONST(PGJ_SETTING_TEXT_SIZE), CONST(PGJ_SETTING_ACCEPTED), CONST(PGJ_SETTING_REFUSED),
	CONST(PGJ_SETTING_SHOWN), CONST(PGJ_SETTING_FAILED),
	OFFSET(ErrorData, elevel), OFFSET(ErrorData, output_to_server), OFFSET(ErrorData, output_to_client),
	OFFSET(ErrorData, sqlerrcode), OFFSET(ErrorData, message),
	OFFSET(PgjHookInfo, active),
	OFFSET(PgjHookInfo, kind), OFFSET(PgjHookInfo, proceeded), OFFSET(PgjHookInfo, operation),
	OFFSET(PgjHookInfo, text), OFFSET(PgjHookInfo, query_id), OFFSET(PgjHookInfo, processed),
	OFFSET(PgjHookInfo, command_tag), OFFSET(PgjHookInfo, top_level),
	OFFSET(PgjHookInfo, plan_cost), OFFSET(PgjHookInfo, plan_rows), OFFSET(PgjHookInfo, plan_node),
	SIZE(PgjPlanNode), OFFSET(PgjPlanNode, parent), OFFSET(PgjPlanNode, name),
	OFFSET(PgjPlanNode, startup_cost), OFFSET(PgjPlanNode, total_cost), OFFSET(PgjPlanNode, rows),
	OFFSET(PgjPlanNode, width), OFFSET(PgjPlanNode, relation), OFFSET(PgjPlanNode, index),
	SIZE(PgjRelationInfo), OFFSET(PgjRelationInfo, relid), OFFSET(PgjRelationInfo, relkind),
	OFFSET(PgjRelationInfo, nspname), OFFSET(PgjRelationInfo, relname),
	CONST(PGJ_HOOK_EXECUTOR_START), CONST(PGJ_HOOK_EXECUTOR_RUN), CONST(PGJ_HOOK_EXECUTOR_FINISH),
	CONST(PGJ_HOOK_EXECUTOR_END), CONST(PGJ_HOOK_PROCESS_UTILITY), CONST(PGJ_HOOK_PLANNER),
	CONST(CMD_SELECT), CONST(CMD_UPDATE), CONST(CMD_INSERT), CONST(CMD_DELETE), CONST(CMD_UTILITY),
	SIZE(CmdType),

	/* Shared memory (org.pgj.shmem) */
	CONST(LW_SHARED), CONST(LW_EXCLUSIVE), SIZE(pg_atomic_uint64),

	CONST(DEBUG5), CONST(DEBUG4), CONST(DEBUG3), CONST(DEBUG2), CONST(DEBUG1),
	CONST(LOG), CONST(INFO), CONST(NOTICE), CONST(WARNING), CONST(ERROR), CONST(FATAL),
	/* Java's loggers ask whether a level would be written anywhere (org.pgj.internal.logging). */
	ADDR(log_min_messages), ADDR(client_min_messages),
	/* The profile file the session's JVM records to (org.pgj.internal.profiling). */
	ADDR(pgj_profile_file),
	CONST(MCXT_ALLOC_NO_OOM), CONST(MaxAllocSize),
	CONST(PG_UTF8), CONST(PG_SQL_ASCII),
	CONST(PGJ_OK), CONST(PGJ_PG_ERROR), CONST(PGJ_WRONG_THREAD), CONST(PGJ_POISONED),
	CONST(PGJ_INTERRUPT_CANCEL), CONST(PGJ_INTERRUPT_TERMINATE), CONST(PGJ_INTERRUPT_POSTMASTER_DIED),
	ADDR(pgj_sticky_interrupt),
	CONST(PGJ_FN_STRICT), CONST(PGJ_FN_RETSET), CONST(PGJ_FN_PROCEDURE), CONST(PGJ_FN_VALIDATE),

	ADDR(InterruptPending),
	{"addr.postmaster_possibly_dead", (int64) POSTMASTER_DEATH_FLAG},
	ADDR(CurrentMemoryContext), ADDR(CurrentResourceOwner),
	ADDR(CurTransactionContext), OFFSET(MemoryContextData, parent), OFFSET(PgjMemoryWatch, alive),


	/* SPI (org.pgj.spi) */
	OFFSET(PortalData, name), OFFSET(PortalData, portalContext),
	OFFSET(_SPI_plan, plancxt),
	OFFSET(PgjCell, serial), OFFSET(PgjCell, nonatomic),
	OFFSET(PgjSpiRequest, sql), OFFSET(PgjSpiRequest, plan), OFFSET(PgjSpiRequest, cursor_name),
	OFFSET(PgjSpiRequest, nargs), OFFSET(PgjSpiRequest, flags),
	OFFSET(PgjSpiRequest, types), OFFSET(PgjSpiRequest, values), OFFSET(PgjSpiRequest, nulls),
	OFFSET(PgjSpiRequest, memory), OFFSET(PgjSpiRequest, rows),
	OFFSET(PgjSpiRows, rows), OFFSET(PgjSpiRows, bytes), OFFSET(PgjSpiRows, natts), OFFSET(PgjSpiRows, values),
	OFFSET(PgjSpiRows, nulls), OFFSET(PgjSpiRows, columns),
	SIZE(PgjSpiColumn), OFFSET(PgjSpiColumn, type), OFFSET(PgjSpiColumn, byval), OFFSET(PgjSpiColumn, name),
	SIZE(PgjSpiRequest), SIZE(Oid),
	CONST(PGJ_SPI_READ_ONLY), CONST(PGJ_SPI_INFER_TYPES), CONST(PGJ_SPI_KEEP_ROWS), CONST(PGJ_SPI_FIRST_ROW),
	CONST(UNKNOWNOID),
	CONST(ALLOCSET_DEFAULT_MINSIZE), CONST(ALLOCSET_DEFAULT_INITSIZE), CONST(ALLOCSET_DEFAULT_MAXSIZE),
	ADDR(SPI_processed), ADDR(SPI_result), ADDR(TopMemoryContext),
	/* Triggers (org.pgj.internal.triggers) */
	OFFSET(TriggerData, type), OFFSET(TriggerData, tg_event), OFFSET(TriggerData, tg_relation),
	OFFSET(TriggerData, tg_trigtuple), OFFSET(TriggerData, tg_newtuple), OFFSET(TriggerData, tg_trigger),
	OFFSET(TriggerData, tg_oldtable), OFFSET(TriggerData, tg_newtable),
	OFFSET(Trigger, tgname), OFFSET(Trigger, tgnargs), OFFSET(Trigger, tgargs),
	OFFSET(Trigger, tgoldtable), OFFSET(Trigger, tgnewtable), SIZE(TriggerEvent),
	OFFSET(RelationData, rd_id), OFFSET(RelationData, rd_rel), OFFSET(RelationData, rd_att),
	OFFSET(FormData_pg_class, relname), OFFSET(FormData_pg_class, relnamespace),
	OFFSET(FormData_pg_attribute, atttypmod),
	CONST(T_TriggerData), CONST(TRIGGEROID), CONST(EVENT_TRIGGEROID),
	OFFSET(EventTriggerData, event), OFFSET(EventTriggerData, tag), CONST(TRIGGER_EVENT_OPMASK), CONST(TRIGGER_EVENT_INSERT),
	CONST(TRIGGER_EVENT_DELETE), CONST(TRIGGER_EVENT_UPDATE), CONST(TRIGGER_EVENT_TRUNCATE),
	CONST(TRIGGER_EVENT_ROW), CONST(TRIGGER_EVENT_TIMINGMASK), CONST(TRIGGER_EVENT_BEFORE),
	CONST(TRIGGER_EVENT_AFTER), CONST(TRIGGER_EVENT_INSTEAD), CONST(SPI_OK_TD_REGISTER),
	ADDR(pgj_spi_depth),
	/* Background workers and settings (org.pgj.bgworker, org.pgj.guc) */
	OFFSET(BackgroundWorker, bgw_name), OFFSET(BackgroundWorker, bgw_type),
	OFFSET(BackgroundWorker, bgw_flags), OFFSET(BackgroundWorker, bgw_start_time),
	OFFSET(BackgroundWorker, bgw_restart_time), OFFSET(BackgroundWorker, bgw_main_arg),
	OFFSET(BackgroundWorker, bgw_extra), OFFSET(BackgroundWorker, bgw_notify_pid),
	SIZE(BackgroundWorker), SIZE(pid_t), CONST(BGW_MAXLEN), CONST(BGW_EXTRALEN),
	CONST(BGWORKER_SHMEM_ACCESS), CONST(BGWORKER_BACKEND_DATABASE_CONNECTION),
	CONST(BgWorkerStart_PostmasterStart), CONST(BgWorkerStart_ConsistentState),
	CONST(BgWorkerStart_RecoveryFinished), CONST(BGW_NEVER_RESTART),
	CONST(BGWH_STARTED), CONST(BGWH_NOT_YET_STARTED), CONST(BGWH_STOPPED), CONST(BGWH_POSTMASTER_DIED),
	CONST(PGJ_SIGHUP_RECEIVED), CONST(PGJ_SIGTERM_RECEIVED), CONST(PGJ_SIGTERM_SEEN), CONST(PGJ_POSTMASTER_DIED),
	OFFSET(PgjWorkerLaunch, extension), OFFSET(PgjWorkerLaunch, class_name), OFFSET(PgjWorkerLaunch, method),
	OFFSET(PgjWorkerLaunch, shmem_startup),
	SIZE(PgjWorkerLaunch), CONST(PGJ_CLASS_NAME_LEN),
	OFFSET(PgjSetting, kind), OFFSET(PgjSetting, bool_value), OFFSET(PgjSetting, int_value),
	OFFSET(PgjSetting, real_value), OFFSET(PgjSetting, string_value),
	ADDR(MyBgworkerEntry), ADDR(MyProcPid), ADDR(max_worker_processes), ADDR(pgj_worker_launch), ADDR(MyDatabaseId),
	{"str.sharedir", (int64) pgj_sharedir},
	{"str.server_version", (int64) PG_VERSION},
	{"server_version_num", PG_VERSION_NUM},
	{NULL, 0}
};

/*
 * What Java gets at boot: every name of both tables in one newline-separated string and the
 * values in one array, which jvm_boot.c hands over as Java objects.
 */
const PgjFactTable *
pgj_facts(void)
{
	static PgjFactTable table;
	const PgjFact *const tables[] = {facts, pgj_function_facts};
	size_t		length = 0;
	char	   *names;
	int			count = 0;

	if (table.names != NULL)
		return &table;
	for (int t = 0; t < lengthof(tables); t++)
		for (const PgjFact *f = tables[t]; f->name != NULL; f++, count++)
			length += strlen(f->name) + 1;
	names = MemoryContextAlloc(TopMemoryContext, length + 1);
	table.values = MemoryContextAlloc(TopMemoryContext, sizeof(int64) * count);
	length = 0;
	count = 0;
	for (int t = 0; t < lengthof(tables); t++)
		for (const PgjFact *f = tables[t]; f->name != NULL; f++, count++)
		{
			size_t		n = strlen(f->name);

			memcpy(names + length, f->name, n);
			names[length + n] = '\n';
			length += n + 1;
			table.values[count] = f->value;
		}
	names[length] = '\0';
	table.count = count;
	table.names = names;
	return &table;
}

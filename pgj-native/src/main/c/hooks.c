/*
 * Query hooks in Java (org.pgj.hooks.QueryHooks): when a manifest declares hook classes
 * ("hooks <ext> <class>"), pgj puts itself in the executor's four hooks and ProcessUtility. Each
 * call is described in a PgjHookCall on this stack and handed to Java, whose hooks call
 * pgj_hook_proceed (guarded) for the next hook or the standard function. A hook that returns
 * without proceeding is proceeded for: skipping an executor phase would break the query, and a
 * statement is refused by throwing. Parallel workers, and processes where Java cannot start,
 * run the query without Java, and so does every database where none of the extensions that
 * declare hooks is created.
 */
#include "pgj.h"

#include "access/parallel.h"
#include "access/xact.h"
#include "commands/extension.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/planner.h"
#include "parser/parsetree.h"
#include "utils/lsyscache.h"
#include "utils/guc.h"
#include "tcop/cmdtag.h"
#include "tcop/utility.h"

typedef struct PgjHookCall
{
	PgjHookInfo info;			/* first: Java reads it at the call's address */
	/* For proceeding */
	QueryDesc  *query;
	int			eflags;
	ScanDirection direction;
	uint64		count;
	bool		execute_once;
	PlannedStmt *pstmt;
	bool		read_only_tree;
	ProcessUtilityContext context;
	ParamListInfo params;
	QueryEnvironment *env;
	DestReceiver *dest;
	QueryCompletion *qc;
	Query	   *parse;			/* the planner's query, kept unplanned: each planning gets a copy */
	int			cursor_options;
	PlannedStmt *planned;		/* the planner hook's result */
} PgjHookCall;

/* The declared hook classes, whose extensions decide where they run. */
#define PGJ_MAX_HOOK_CLASSES 64
typedef struct DeclaredHooks
{
	char		extension[NAMEDATALEN];
	char	   *class_name;
} DeclaredHooks;

static DeclaredHooks declared[PGJ_MAX_HOOK_CLASSES];
static int	declared_count = 0;
static uint64 active_cache;		/* valid for the current transaction */
static bool active_cache_valid = false;

static bool installed = false;
static ExecutorStart_hook_type prev_start = NULL;
static ExecutorRun_hook_type prev_run = NULL;
static ExecutorFinish_hook_type prev_finish = NULL;
static ExecutorEnd_hook_type prev_end = NULL;
static ProcessUtility_hook_type prev_utility = NULL;
static emit_log_hook_type prev_emit_log = NULL;
static planner_hook_type prev_planner = NULL;
static bool in_emit_log = false;

static void
note_processed(PgjHookCall *call)
{
	if (call->query != NULL && call->query->estate != NULL)
		call->info.processed = (int64) call->query->estate->es_processed;
}

/* EXPLAIN's name of a plan node, for every kind of node the planners of 15 to 18 make. */
static const char *
node_name(Plan *plan)
{
	switch (nodeTag(plan))
	{
		case T_Result:
			return "Result";
		case T_ProjectSet:
			return "ProjectSet";
		case T_ModifyTable:
			return "ModifyTable";
		case T_Append:
			return "Append";
		case T_MergeAppend:
			return "Merge Append";
		case T_RecursiveUnion:
			return "Recursive Union";
		case T_BitmapAnd:
			return "BitmapAnd";
		case T_BitmapOr:
			return "BitmapOr";
		case T_SeqScan:
			return "Seq Scan";
		case T_SampleScan:
			return "Sample Scan";
		case T_IndexScan:
			return "Index Scan";
		case T_IndexOnlyScan:
			return "Index Only Scan";
		case T_BitmapIndexScan:
			return "Bitmap Index Scan";
		case T_BitmapHeapScan:
			return "Bitmap Heap Scan";
		case T_TidScan:
			return "Tid Scan";
		case T_TidRangeScan:
			return "Tid Range Scan";
		case T_SubqueryScan:
			return "Subquery Scan";
		case T_FunctionScan:
			return "Function Scan";
		case T_TableFuncScan:
			return "Table Function Scan";
		case T_ValuesScan:
			return "Values Scan";
		case T_CteScan:
			return "CTE Scan";
		case T_NamedTuplestoreScan:
			return "Named Tuplestore Scan";
		case T_WorkTableScan:
			return "WorkTable Scan";
		case T_ForeignScan:
			return "Foreign Scan";
		case T_CustomScan:
			return "Custom Scan";
		case T_NestLoop:
			return "Nested Loop";
		case T_MergeJoin:
			return "Merge Join";
		case T_HashJoin:
			return "Hash Join";
		case T_Material:
			return "Materialize";
		case T_Memoize:
			return "Memoize";
		case T_Sort:
			return "Sort";
		case T_IncrementalSort:
			return "Incremental Sort";
		case T_Group:
			return "Group";
		case T_Agg:
			return "Aggregate";
		case T_WindowAgg:
			return "WindowAgg";
		case T_Unique:
			return "Unique";
		case T_Gather:
			return "Gather";
		case T_GatherMerge:
			return "Gather Merge";
		case T_Hash:
			return "Hash";
		case T_SetOp:
			return "SetOp";
		case T_LockRows:
			return "LockRows";
		case T_Limit:
			return "Limit";
		default:
			return "Other";
	}
}

/*
 * Plans a copy of the query (planning changes the tree it is given, and a hook may plan again),
 * and records the plan's summary.
 */
static void
plan(PgjHookCall *call)
{
	/* A copy only when Java may plan again: most queries are planned once, unhooked */
	Query	   *parse = call->info.active != 0 ? copyObject(call->parse) : call->parse;

	if (prev_planner)
		call->planned = prev_planner(parse, call->info.text, call->cursor_options, call->params);
	else
		call->planned = standard_planner(parse, call->info.text, call->cursor_options, call->params);
	call->info.plan_cost = call->planned->planTree->total_cost;
	call->info.plan_rows = call->planned->planTree->plan_rows;
	call->info.plan_node = node_name(call->planned->planTree);
}

static void
proceed(PgjHookCall *call)
{
	call->info.proceeded = true;
	switch (call->info.kind)
	{
		case PGJ_HOOK_EXECUTOR_START:
			if (prev_start)
				prev_start(call->query, call->eflags);
			else
				standard_ExecutorStart(call->query, call->eflags);
			break;
		case PGJ_HOOK_EXECUTOR_RUN:
#if PG_VERSION_NUM >= 180000
			if (prev_run)
				prev_run(call->query, call->direction, call->count);
			else
				standard_ExecutorRun(call->query, call->direction, call->count);
#else
			if (prev_run)
				prev_run(call->query, call->direction, call->count, call->execute_once);
			else
				standard_ExecutorRun(call->query, call->direction, call->count, call->execute_once);
#endif
			break;
		case PGJ_HOOK_EXECUTOR_FINISH:
			if (prev_finish)
				prev_finish(call->query);
			else
				standard_ExecutorFinish(call->query);
			break;
		case PGJ_HOOK_EXECUTOR_END:
			note_processed(call);
			if (prev_end)
				prev_end(call->query);
			else
				standard_ExecutorEnd(call->query);
			return;
		case PGJ_HOOK_PROCESS_UTILITY:
			if (prev_utility)
				prev_utility(call->pstmt, call->info.text, call->read_only_tree, call->context, call->params,
							 call->env, call->dest, call->qc);
			else
				standard_ProcessUtility(call->pstmt, call->info.text, call->read_only_tree, call->context,
										call->params, call->env, call->dest, call->qc);
			return;
		case PGJ_HOOK_PLANNER:
			plan(call);
			return;
	}
	note_processed(call);
}

/* Java: the next hook, or the standard function. */
void
pgj_hook_proceed(PgjHookInfo *call)
{
	PgjHookCall *c = (PgjHookCall *) call;	/* its first member */

	if (c->info.proceeded)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("a pgj hook proceeded twice with the same call")));
	proceed(c);
}

/*
 * Java: plans the planner hook's query again, with one setting changed for this planning only,
 * and makes that plan the result. The same query planned again has the same target list, so
 * the executor gets what it expects whichever plan is kept.
 */
void
pgj_hook_replan(PgjHookInfo *call, const char *setting, const char *value)
{
	PgjHookCall *c = (PgjHookCall *) call;
	int			level;

	if (c->info.kind != PGJ_HOOK_PLANNER || !c->info.proceeded)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("a pgj planner hook can plan again only after proceeding")));
	level = NewGUCNestLevel();
	PG_TRY();
	{
		(void) set_config_option(setting, value, superuser() ? PGC_SUSET : PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
		plan(c);
	}
	PG_CATCH();
	{
		AtEOXact_GUC(false, level);
		PG_RE_THROW();
	}
	PG_END_TRY();
	AtEOXact_GUC(false, level);
}

/* The relation's name, schema and kind (catalog lookups: called guarded, from Java). */
static void
describe_relation(Oid relid, PgjRelationInfo *info)
{
	info->relid = relid;
	if (!OidIsValid(relid))
		return;
	info->relkind = get_rel_relkind(relid);
	info->relname = get_rel_name(relid);
	info->nspname = get_namespace_name(get_rel_namespace(relid));
}

/* The relation an entry of the plan's range table names, if it names one. */
static Oid
rte_relation(PlannedStmt *stmt, Index rti)
{
	RangeTblEntry *rte;

	if (rti == 0 || rti > (Index) list_length(stmt->rtable))
		return InvalidOid;
	rte = rt_fetch(rti, stmt->rtable);
	return rte->rtekind == RTE_RELATION ? rte->relid : InvalidOid;
}

typedef struct PlanNodes
{
	PlannedStmt *stmt;
	PgjPlanNode *nodes;
	int32		count;
	int32		size;
} PlanNodes;

static void add_plan(PlanNodes *acc, Plan *plan, int32 parent);

static void
add_plans(PlanNodes *acc, List *plans, int32 parent)
{
	ListCell   *lc;

	foreach(lc, plans)
		add_plan(acc, (Plan *) lfirst(lc), parent);
}

/* Adds the node and, after it, its children: the same ones EXPLAIN shows under it. */
static void
add_plan(PlanNodes *acc, Plan *plan, int32 parent)
{
	PgjPlanNode *node;
	int32		self;

	if (plan == NULL)
		return;
	check_stack_depth();
	if (acc->count == acc->size)
	{
		acc->size *= 2;
		acc->nodes = repalloc(acc->nodes, sizeof(PgjPlanNode) * acc->size);
	}
	self = acc->count++;
	node = &acc->nodes[self];
	memset(node, 0, sizeof(PgjPlanNode));
	node->parent = parent;
	node->name = node_name(plan);
	node->startup_cost = plan->startup_cost;
	node->total_cost = plan->total_cost;
	node->rows = plan->plan_rows;
	node->width = plan->plan_width;
	switch (nodeTag(plan))
	{
		case T_SeqScan:
		case T_SampleScan:
		case T_BitmapHeapScan:
		case T_TidScan:
		case T_TidRangeScan:
		case T_ForeignScan:
		case T_CustomScan:
			describe_relation(rte_relation(acc->stmt, ((Scan *) plan)->scanrelid), &node->relation);
			break;
		case T_IndexScan:
			describe_relation(rte_relation(acc->stmt, ((Scan *) plan)->scanrelid), &node->relation);
			describe_relation(((IndexScan *) plan)->indexid, &node->index);
			break;
		case T_IndexOnlyScan:
			describe_relation(rte_relation(acc->stmt, ((Scan *) plan)->scanrelid), &node->relation);
			describe_relation(((IndexOnlyScan *) plan)->indexid, &node->index);
			break;
		case T_BitmapIndexScan:
			/* it reads the index only (its Bitmap Heap Scan reads the table), as EXPLAIN says */
			describe_relation(((BitmapIndexScan *) plan)->indexid, &node->index);
			break;
		case T_ModifyTable:
			describe_relation(rte_relation(acc->stmt, ((ModifyTable *) plan)->nominalRelation), &node->relation);
			break;
		default:
			break;
	}
	/* node may move as children are added: only indexes from here on */
	add_plan(acc, outerPlan(plan), self);
	add_plan(acc, innerPlan(plan), self);
	switch (nodeTag(plan))
	{
		case T_Append:
			add_plans(acc, ((Append *) plan)->appendplans, self);
			break;
		case T_MergeAppend:
			add_plans(acc, ((MergeAppend *) plan)->mergeplans, self);
			break;
		case T_BitmapAnd:
			add_plans(acc, ((BitmapAnd *) plan)->bitmapplans, self);
			break;
		case T_BitmapOr:
			add_plans(acc, ((BitmapOr *) plan)->bitmapplans, self);
			break;
		case T_SubqueryScan:
			add_plan(acc, ((SubqueryScan *) plan)->subplan, self);
			break;
		case T_CustomScan:
			add_plans(acc, ((CustomScan *) plan)->custom_plans, self);
			break;
		default:
			break;
	}
}

/*
 * Java: the planner hook's plan as a list of nodes, each before its children: the plan's tree
 * first, then the tree of each subplan (SubPlans and InitPlans), each with parent -1. In the
 * current memory context (the planning's), read at once by Java.
 */
PgjPlanNode *
pgj_hook_plan_nodes(PgjHookInfo *call, int32 *count)
{
	PgjHookCall *c = (PgjHookCall *) call;
	PlanNodes	acc = {.stmt = c->planned, .size = 16};

	if (c->info.kind != PGJ_HOOK_PLANNER || c->planned == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("a pgj planner hook has a plan only after proceeding")));
	acc.nodes = palloc(sizeof(PgjPlanNode) * acc.size);
	add_plan(&acc, c->planned->planTree, -1);
	add_plans(&acc, c->planned->subplans, -1);
	*count = acc.count;
	return acc.nodes;
}

typedef struct QueryRelations
{
	List	   *relids;
} QueryRelations;

/*
 * Collects the relations a query's range tables name, its subqueries', CTEs' and sublinks'
 * included. A view is there once the rewriter expanded it: as the subquery entry that keeps
 * its OID (16+) or as the entries its rule's query adds for it (15).
 */
static bool
collect_relations(Node *node, QueryRelations *acc)
{
	if (node == NULL)
		return false;
	if (IsA(node, RangeTblEntry))
	{
		RangeTblEntry *rte = (RangeTblEntry *) node;

		if ((rte->rtekind == RTE_RELATION || rte->rtekind == RTE_SUBQUERY) && OidIsValid(rte->relid))
			acc->relids = list_append_unique_oid(acc->relids, rte->relid);
		return false;
	}
	if (IsA(node, Query))
		return query_tree_walker((Query *) node, collect_relations, acc, QTW_EXAMINE_RTES_BEFORE);
	return expression_tree_walker(node, collect_relations, acc);
}

/* Java: the relations the planner hook's query reads or writes, each once, in the order found. */
PgjRelationInfo *
pgj_hook_relations(PgjHookInfo *call, int32 *count)
{
	PgjHookCall *c = (PgjHookCall *) call;
	QueryRelations acc = {NIL};
	PgjRelationInfo *relations;
	ListCell   *lc;
	int32		i = 0;

	if (c->info.kind != PGJ_HOOK_PLANNER)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("only a pgj planner hook has the relations of its query")));
	check_stack_depth();
	(void) collect_relations((Node *) c->parse, &acc);
	relations = palloc0(sizeof(PgjRelationInfo) * (list_length(acc.relids) + 1));
	foreach(lc, acc.relids)
		describe_relation(lfirst_oid(lc), &relations[i++]);
	*count = i;
	return relations;
}

static void
forget_active(XactEvent event, void *arg)
{
	active_cache_valid = false;
}

/*
 * Which declared hook classes run here: those whose extension is created in this database, as
 * of the transaction's first query (a CREATE EXTENSION takes effect from the next one). None in
 * an aborted transaction, where the catalogs must not be read.
 */
static uint64
active_hooks(void)
{
	if (!IsTransactionState() || IsAbortedTransactionBlockState())
		return 0;
	if (!active_cache_valid)
	{
		active_cache = 0;
		for (int i = 0; i < declared_count; i++)
			if (OidIsValid(get_extension_oid(declared[i].extension, true)))
				active_cache |= UINT64CONST(1) << i;
		active_cache_valid = true;
	}
	return active_cache;
}

static void
run(PgjHookCall *call)
{
	if (call->query != NULL)
	{
		call->info.operation = (int32) call->query->operation;
		call->info.text = call->query->sourceText;
		call->info.query_id = call->query->plannedstmt != NULL ? (int64) call->query->plannedstmt->queryId : 0;
		note_processed(call);
	}
	if (IsParallelWorker() || (call->info.active = active_hooks()) == 0 || !pgj_jvm_available())
	{
		proceed(call);
		return;
	}
	/* The first pgj entry of a transaction may switch builds; none while a hook runs (builds.c). */
	if (unlikely(!pgj_builds_checked))
		pgj_check_builds();
	pgj_hooks_running++;
	PG_TRY();
	{
		pgj_run_hook((int64) call);
	}
	PG_FINALLY();
	{
		pgj_hooks_running--;
	}
	PG_END_TRY();
	if (pgj_error_pending())
		pgj_raise_pending();
	if (!call->info.proceeded)
		proceed(call);
}

static void
start_hook(QueryDesc *query, int eflags)
{
	PgjHookCall call = {.info.kind = PGJ_HOOK_EXECUTOR_START, .query = query, .eflags = eflags};

	run(&call);
}

#if PG_VERSION_NUM >= 180000
static void
run_hook(QueryDesc *query, ScanDirection direction, uint64 count)
{
	PgjHookCall call = {.info.kind = PGJ_HOOK_EXECUTOR_RUN, .query = query, .direction = direction, .count = count};

	run(&call);
}
#else
static void
run_hook(QueryDesc *query, ScanDirection direction, uint64 count, bool execute_once)
{
	PgjHookCall call = {.info.kind = PGJ_HOOK_EXECUTOR_RUN, .query = query, .direction = direction, .count = count,
	.execute_once = execute_once};

	run(&call);
}
#endif

static void
finish_hook(QueryDesc *query)
{
	PgjHookCall call = {.info.kind = PGJ_HOOK_EXECUTOR_FINISH, .query = query};

	run(&call);
}

static void
end_hook(QueryDesc *query)
{
	PgjHookCall call = {.info.kind = PGJ_HOOK_EXECUTOR_END, .query = query};

	run(&call);
}

static PlannedStmt *
planner_hook_fn(Query *parse, const char *text, int cursor_options, ParamListInfo params)
{
	PgjHookCall call = {.info.kind = PGJ_HOOK_PLANNER, .info.text = text, .info.operation = (int32) parse->commandType,
		.info.query_id = (int64) parse->queryId, .parse = parse,
	.cursor_options = cursor_options, .params = params};

	run(&call);
	return call.planned;
}

static void
utility_hook(PlannedStmt *pstmt, const char *text, bool read_only_tree, ProcessUtilityContext context,
			 ParamListInfo params, QueryEnvironment *env, DestReceiver *dest, QueryCompletion *qc)
{
	PgjHookCall call = {.info.kind = PGJ_HOOK_PROCESS_UTILITY, .info.text = text, .info.operation = (int32) CMD_UTILITY,
		.info.top_level = context == PROCESS_UTILITY_TOPLEVEL, .pstmt = pstmt, .context = context,
	.params = params, .env = env, .dest = dest, .qc = qc, .read_only_tree = read_only_tree};

	call.info.command_tag = GetCommandTagName(CreateCommandTag(pstmt->utilityStmt));
	run(&call);
}

/*
 * The emit_log hook: Java's hooks may read, change or suppress each log entry. They run only
 * where Java runs already (never started here), in a transaction whose active hooks are known
 * (no catalog is read here), and never inside themselves: what a hook logs passes unhooked.
 */
static void
emit_log(ErrorData *edata)
{
	if (prev_emit_log)
		prev_emit_log(edata);
	if (in_emit_log || !active_cache_valid || active_cache == 0 || !IsUnderPostmaster || IsParallelWorker()
		|| !pgj_jvm_ready())
		return;
	in_emit_log = true;
	PG_TRY();
	{
		pgj_run_log_hook((int64) edata, (int64) active_cache);
	}
	PG_FINALLY();
	{
		in_emit_log = false;
	}
	PG_END_TRY();
}

/* Java: a log entry's new message, in ErrorContext where the entry lives. */
void
pgj_set_log_message(ErrorData *edata, const char *message)
{
	edata->message = MemoryContextStrdup(ErrorContext, message);
}

/* Java: the extension (which 0) or class (which 1) of declared hook class i. */
const char *
pgj_hook_declared(int32 i, int32 which)
{
	if (i < 0 || i >= declared_count)
		return NULL;
	return which == 0 ? declared[i].extension : declared[i].class_name;
}

/* From manifest.c, in any process loading pgj.so: a hooks line puts pgj in the hooks, once. */
void
pgj_declare_hooks(char **f, int n)
{
	if (n < 3 || strlen(f[1]) >= NAMEDATALEN || declared_count == PGJ_MAX_HOOK_CLASSES)
	{
		ereport(LOG, (errmsg("pgj: skipping a hooks line of extension \"%s\"", f[1])));
		return;
	}
	strlcpy(declared[declared_count].extension, f[1], NAMEDATALEN);
	declared[declared_count].class_name = MemoryContextStrdup(TopMemoryContext, f[2]);
	declared_count++;
	if (installed)
		return;
	installed = true;
	RegisterXactCallback(forget_active, NULL);
	prev_start = ExecutorStart_hook;
	ExecutorStart_hook = start_hook;
	prev_run = ExecutorRun_hook;
	ExecutorRun_hook = run_hook;
	prev_finish = ExecutorFinish_hook;
	ExecutorFinish_hook = finish_hook;
	prev_end = ExecutorEnd_hook;
	ExecutorEnd_hook = end_hook;
	prev_utility = ProcessUtility_hook;
	ProcessUtility_hook = utility_hook;
	prev_emit_log = emit_log_hook;
	emit_log_hook = emit_log;
	prev_planner = planner_hook;
	planner_hook = planner_hook_fn;
}

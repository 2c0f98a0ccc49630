/*
 * Foreign data wrappers in Java (org.pgj.fdw.ForeignDataWrapper). A wrapper's handler and
 * validator are LANGUAGE C functions of pgj.so, <fdw>_handler and <fdw>_validator, members of
 * the extension that declares the wrapper: the extension names the class-path folder and the
 * function's name the wrapper, whose class Java finds in the extension's properties.
 *
 * Everything between C and Java is a list of strings in the database encoding (each ending in
 * NUL): no layout crosses the boundary, so the planner's structures, which move between majors,
 * are read here only. Planning gives Java the columns, the simple quals (column, operator,
 * constant), the query's order and LIMIT when they apply to this table alone; Java answers with
 * estimates, what it pushed down, its private state (kept in the plan as strings, so a cached
 * plan needs no Java object) and EXPLAIN lines. A scan's rows come back one at a time as text,
 * which the columns' input functions turn into values in the per-tuple memory context.
 */
#include "pgj.h"

#include "access/htup_details.h"
#include "access/reloptions.h"
#include "access/table.h"
#include "catalog/dependency.h"
#include "catalog/pg_am.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_foreign_data_wrapper.h"
#include "catalog/pg_foreign_server.h"
#include "catalog/pg_foreign_table.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_user_mapping.h"
#include "commands/defrem.h"
#include "commands/extension.h"
#include "executor/executor.h"
#include "foreign/fdwapi.h"
#include "foreign/foreign.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/appendinfo.h"
#include "optimizer/inherit.h"
#include "optimizer/optimizer.h"
#include "optimizer/pathnode.h"
#include "optimizer/paths.h"
#include "optimizer/planmain.h"
#include "optimizer/restrictinfo.h"
#include "parser/parsetree.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/sampling.h"
#include "utils/syscache.h"
#if PG_VERSION_NUM >= 180000
#include "commands/explain_format.h"
#include "commands/explain_state.h"
#else
#include "commands/explain.h"
#endif

/* What Java is asked (Boot.fdw); the numbers are ForeignDataWrappers' too. */
#define FDW_VALIDATE 1
#define FDW_PLAN 2
#define FDW_BEGIN 3
#define FDW_RESCAN 4
#define FDW_END 5
#define FDW_ROW_KEY 6
#define FDW_BEGIN_WRITES 7
#define FDW_WRITE 8
#define FDW_END_WRITES 9
#define FDW_IMPORT_SCHEMA 10

/* The junk column that carries the row key of an UPDATE or DELETE. */
#define ROW_KEY_COLUMN "pgj_row_key"

/* 18 counts disabled nodes in a path; 17 added the restrictions a foreign path checks itself. */
#if PG_VERSION_NUM >= 180000
#define PATH_DISABLED_NODES 0,
#else
#define PATH_DISABLED_NODES
#endif
#if PG_VERSION_NUM >= 170000
#define PATH_FDW_RESTRICTINFO NIL,
#else
#define PATH_FDW_RESTRICTINFO
#endif

PG_FUNCTION_INFO_V1(pgj_fdw_handler);
PGJ_EXPORT Datum pgj_fdw_handler(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(pgj_fdw_validator);
PGJ_EXPORT Datum pgj_fdw_validator(PG_FUNCTION_ARGS);

/* The planner's state for one foreign table, between GetForeignRelSize and GetForeignPlan. */
typedef struct PlannedRel
{
	char	   *folder;
	char	   *wrapper;
	List	   *candidates;		/* RestrictInfos described to Java, in order */
	List	   *local;			/* RestrictInfos the scan's Filter keeps */
	List	   *needed;			/* attribute numbers Java produces, in order */
	List	   *order;			/* the query's pathkeys when Java sorts, else NIL */
	double		startup_cost;
	double		total_cost;
	List	   *private;		/* String nodes: Java's state, then EXPLAIN label/value pairs */
} PlannedRel;

/* fdw_private of the ForeignScan: where each part is. */
enum
{
	PRIVATE_FOLDER,
	PRIVATE_WRAPPER,
	PRIVATE_NEEDED,				/* Integer list */
	PRIVATE_STATE,				/* String list */
	PRIVATE_EXPLAIN				/* String list of label, value pairs */
};

/* Reads Java's rows into slots: the columns Java gives, in order, with their input functions. */
typedef struct RowReader
{
	int			count;
	AttrNumber *attnums;
	FmgrInfo   *input;
	Oid		   *ioparams;
	int32	   *typmods;
	const char *relation;
	const char *column;			/* for the error context: the column being read */
	const char *position;		/* and where Java says the row came from */
} RowReader;

/* A running scan. */
typedef struct RunningScan
{
	int64		java;			/* Java's scan id; 0 once ended */
	RowReader	rows;
} RunningScan;

/* A running INSERT, UPDATE or DELETE. */
typedef struct RunningWrite
{
	int64		java;			/* Java's writer id; 0 once ended */
	const char *operation;
	List	   *targets;		/* attnums whose values Java gets */
	bool		returning;
	AttrNumber	key_junk;		/* the row key in the subplan's output */
	FmgrInfo	key_output;
	FmgrInfo   *output;			/* by attribute */
	RowReader	rows;			/* every column, for RETURNING */
} RunningWrite;

/* Strings for Java: each with its NUL. */
static void
put(StringInfo out, const char *s)
{
	appendBinaryStringInfo(out, s, strlen(s) + 1);
}

static void
put_int(StringInfo out, int64 value)
{
	char		text[32];

	snprintf(text, sizeof(text), INT64_FORMAT, value);
	put(out, text);
}

static void
put_options(StringInfo out, List *options)
{
	ListCell   *lc;

	put_int(out, list_length(options));
	foreach(lc, options)
	{
		DefElem    *d = lfirst_node(DefElem, lc);

		put(out, d->defname);
		put(out, defGetString(d));
	}
}

/* Java's answer, read in order. */
typedef struct Reply
{
	char	   *next;
	char	   *end;
} Reply;

static const char *
take(Reply *r)
{
	char	   *s = r->next;

	if (r->next >= r->end)
		elog(ERROR, "pgj: a foreign data wrapper's answer ended early");
	r->next += strlen(s) + 1;
	return s;
}

static int64
take_int(Reply *r)
{
	return strtoll(take(r), NULL, 10);
}

/* Java's side of the call; raises what Java recorded. */
static Reply
call_java(int32 op, StringInfo request)
{
	Reply		reply;
	int			length = 0;
	char	   *answer;

	if (unlikely(!pgj_builds_checked))
		pgj_check_builds();
	pgj_ensure_jvm();
	answer = pgj_fdw_call(op, request->data, request->len, &length);
	if (unlikely(pgj_java_interrupted))
		pgj_clear_java_interrupt();
	if (answer == NULL || pgj_error_pending())
		pgj_raise_pending();
	CHECK_FOR_INTERRUPTS();
	reply.next = answer;
	reply.end = answer + length;
	return reply;
}

/*
 * The wrapper a handler or validator function stands for: the extension it belongs to (its
 * class-path folder) and its name without the suffix.
 */
static void
wrapper_of_function(Oid fn, const char *suffix, char **folder, char **wrapper)
{
	Oid			extension = getExtensionOfObject(ProcedureRelationId, fn);
	char	   *name = get_func_name(fn);
	size_t		n = name == NULL ? 0 : strlen(name);
	size_t		k = strlen(suffix);

	if (!OidIsValid(extension) || n <= k || strcmp(name + n - k, suffix) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_ERROR),
				 errmsg("function %s is not the %s function of a pgj foreign data wrapper",
						name == NULL ? "?" : name, suffix + 1),
				 errhint("A pgj wrapper's functions are made by CREATE EXTENSION, named <wrapper>%s.", suffix)));
	*folder = get_extension_name(extension);
	*wrapper = pnstrdup(name, n - k);
}

static void
wrapper_of_table(Oid relid, char **folder, char **wrapper)
{
	ForeignTable *table = GetForeignTable(relid);
	ForeignServer *server = GetForeignServer(table->serverid);
	ForeignDataWrapper *fdw = GetForeignDataWrapper(server->fdwid);

	wrapper_of_function(fdw->fdwhandler, "_handler", folder, wrapper);
}

/* The user mapping's options, the user's own or PUBLIC's; none without a mapping. */
static List *
mapping_options(Oid user, Oid server)
{
	HeapTuple	tuple = SearchSysCache2(USERMAPPINGUSERSERVER, ObjectIdGetDatum(user), ObjectIdGetDatum(server));
	List	   *options = NIL;
	bool		isnull;
	Datum		datum;

	if (!HeapTupleIsValid(tuple))
		tuple = SearchSysCache2(USERMAPPINGUSERSERVER, ObjectIdGetDatum(InvalidOid), ObjectIdGetDatum(server));
	if (!HeapTupleIsValid(tuple))
		return NIL;
	datum = SysCacheGetAttr(USERMAPPINGUSERSERVER, tuple, Anum_pg_user_mapping_umoptions, &isnull);
	if (!isnull)
		options = untransformRelOptions(datum);
	ReleaseSysCache(tuple);
	return options;
}

/*
 * What every request about a table starts with: folder, wrapper, table, its options, its
 * server's and the user mapping's, and its columns (name, type, whether the scan needs it).
 */
static void
put_table(StringInfo out, const char *folder, const char *wrapper, Oid relid, List *needed)
{
	ForeignTable *table = GetForeignTable(relid);
	ForeignServer *server = GetForeignServer(table->serverid);
	Relation	rel = table_open(relid, NoLock);
	TupleDesc	desc = RelationGetDescr(rel);
	int			columns = 0;

	put(out, folder);
	put(out, wrapper);
	put(out, quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)), RelationGetRelationName(rel)));
	put_options(out, table->options);
	put_options(out, server->options);
	put_options(out, mapping_options(GetUserId(), server->serverid));
	for (int i = 0; i < desc->natts; i++)
		if (!pgj_tupdesc_attr(desc, i)->attisdropped)
			columns++;
	put_int(out, columns);
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute attr = pgj_tupdesc_attr(desc, i);

		if (attr->attisdropped)
			continue;
		put(out, NameStr(attr->attname));
		put(out, format_type_with_typemod(attr->atttypid, attr->atttypmod));
		put(out, list_member_int(needed, attr->attnum) ? "1" : "0");
	}
	table_close(rel, NoLock);
}

static Node *
strip_relabel(Node *node)
{
	while (node != NULL && IsA(node, RelabelType))
		node = (Node *) ((RelabelType *) node)->arg;
	return node;
}

/* A column of this table, not a system column nor a whole-row reference. */
static Var *
own_column(Node *node, Index relid)
{
	node = strip_relabel(node);
	if (node == NULL || !IsA(node, Var))
		return NULL;
	if (((Var *) node)->varno != relid || ((Var *) node)->varlevelsup != 0 || ((Var *) node)->varattno <= 0)
		return NULL;
	return (Var *) node;
}

static bool
default_collation(Oid collation)
{
	return !OidIsValid(collation) || collation == DEFAULT_COLLATION_OID;
}

/* A built-in comparison: what every remote side understands the same way. */
static const char *
simple_operator(Oid opno)
{
	static const char *const names[] = {"=", "<>", "<", "<=", ">", ">=", "~~", "!~~"};
	HeapTuple	tuple = SearchSysCache1(OPEROID, ObjectIdGetDatum(opno));
	const char *result = NULL;

	if (!HeapTupleIsValid(tuple))
		return NULL;
	if (((Form_pg_operator) GETSTRUCT(tuple))->oprnamespace == PG_CATALOG_NAMESPACE)
		for (int i = 0; i < lengthof(names); i++)
			if (strcmp(NameStr(((Form_pg_operator) GETSTRUCT(tuple))->oprname), names[i]) == 0)
				result = names[i];
	ReleaseSysCache(tuple);
	return result;
}

/*
 * A qual Java may take: `column op constant` (either way round) with a built-in comparison, or
 * `column IS [NOT] NULL`. Written as column, operator, constant as text, its type.
 */
static bool
put_qual(StringInfo out, RestrictInfo *ri, Index relid, Relation rel)
{
	Node	   *clause = (Node *) ri->clause;
	Var		   *var = NULL;
	const char *op = NULL;
	char	   *value = "";
	char	   *type = "";

	if (ri->pseudoconstant)
		return false;
	if (IsA(clause, OpExpr) && list_length(((OpExpr *) clause)->args) == 2)
	{
		OpExpr	   *expr = (OpExpr *) clause;
		Node	   *left = strip_relabel(linitial(expr->args));
		Node	   *right = strip_relabel(lsecond(expr->args));
		Oid			opno = expr->opno;
		Const	   *c;
		Oid			output;
		bool		varlena;

		if (!default_collation(expr->inputcollid))
			return false;
		if (IsA(left, Const))
		{
			Node	   *swap = left;

			left = right;
			right = swap;
			opno = get_commutator(opno);
		}
		if ((var = own_column(left, relid)) == NULL || !IsA(right, Const) || !OidIsValid(opno)
			|| (op = simple_operator(opno)) == NULL)
			return false;
		c = (Const *) right;
		if (c->constisnull)
			return false;
		getTypeOutputInfo(c->consttype, &output, &varlena);
		value = OidOutputFunctionCall(output, c->constvalue);
		type = format_type_be(c->consttype);
	}
	else if (IsA(clause, NullTest) && !((NullTest *) clause)->argisrow)
	{
		NullTest   *test = (NullTest *) clause;

		if ((var = own_column((Node *) test->arg, relid)) == NULL)
			return false;
		op = test->nulltesttype == IS_NULL ? "IS NULL" : "IS NOT NULL";
	}
	else
		return false;
	put(out, NameStr(pgj_tupdesc_attr(RelationGetDescr(rel), var->varattno - 1)->attname));
	put(out, op);
	put(out, value);
	put(out, type);
	return true;
}

/* Whether this table is all the query reads (the only case where its order and LIMIT are the query's). */
static bool
alone(PlannerInfo *root)
{
	return bms_membership(root->all_baserels) == BMS_SINGLETON && root->parse->setOperations == NULL
		&& root->parse->rowMarks == NIL;
}

/* The column a pathkey sorts by, with the type's default order and collation; 0 if none. */
static AttrNumber
pathkey_column(PathKey *key, Index relid)
{
	EquivalenceClass *ec = key->pk_eclass;
	ListCell   *lc;

	if (ec->ec_has_volatile || !default_collation(ec->ec_collation))
		return 0;
	foreach(lc, ec->ec_members)
	{
		EquivalenceMember *em = lfirst(lc);
		Var		   *var = own_column((Node *) em->em_expr, relid);
		Oid			opclass;

		if (var == NULL)
			continue;
		opclass = GetDefaultOpClass(var->vartype, BTREE_AM_OID);
		if (OidIsValid(opclass) && get_opclass_family(opclass) == key->pk_opfamily)
			return var->varattno;
	}
	return 0;
}

static bool
descending(PathKey *key)
{
#if PG_VERSION_NUM >= 180000
	return key->pk_cmptype == COMPARE_GT;
#else
	return key->pk_strategy == BTGreaterStrategyNumber;
#endif
}

/* The query's order, when every key is a column of this table; false (nothing written) otherwise. */
static bool
put_order(StringInfo out, PlannerInfo *root, Index relid, Relation rel)
{
	StringInfoData keys;
	ListCell   *lc;

	if (root->query_pathkeys == NIL || !alone(root))
		return false;
	initStringInfo(&keys);
	foreach(lc, root->query_pathkeys)
	{
		PathKey    *key = lfirst_node(PathKey, lc);
		AttrNumber	column = pathkey_column(key, relid);

		if (column == 0)
			return false;
		put(&keys, NameStr(pgj_tupdesc_attr(RelationGetDescr(rel), column - 1)->attname));
		put(&keys, descending(key) ? "1" : "0");
		put(&keys, key->pk_nulls_first ? "1" : "0");
	}
	put_int(out, list_length(root->query_pathkeys));
	appendBinaryStringInfo(out, keys.data, keys.len);
	return true;
}

static List *
take_strings(Reply *r, int count)
{
	List	   *strings = NIL;

	for (int i = 0; i < count; i++)
		strings = lappend(strings, makeString(pstrdup(take(r))));
	return strings;
}

static void
get_rel_size(PlannerInfo *root, RelOptInfo *baserel, Oid relid)
{
	PlannedRel *planned = palloc0(sizeof(PlannedRel));
	Bitmapset  *attrs = NULL;
	StringInfoData request;
	Relation	rel;
	ListCell   *lc;
	int			count = 0;
	int			candidates_at;
	bool		ordered;
	Reply		reply;
	List	   *pushed;
	int			state_count;

	wrapper_of_table(relid, &planned->folder, &planned->wrapper);
	pull_varattnos((Node *) baserel->reltarget->exprs, baserel->relid, &attrs);
	foreach(lc, baserel->baserestrictinfo)
		pull_varattnos((Node *) lfirst_node(RestrictInfo, lc)->clause, baserel->relid, &attrs);
	rel = table_open(relid, NoLock);
	for (int i = 0; i < RelationGetDescr(rel)->natts; i++)
	{
		Form_pg_attribute attr = pgj_tupdesc_attr(RelationGetDescr(rel), i);

		/* A whole-row reference (attribute 0) needs every column. */
		if (!attr->attisdropped
			&& (bms_is_member(attr->attnum - FirstLowInvalidHeapAttributeNumber, attrs)
				|| bms_is_member(0 - FirstLowInvalidHeapAttributeNumber, attrs)))
			planned->needed = lappend_int(planned->needed, attr->attnum);
	}
	initStringInfo(&request);
	put_table(&request, planned->folder, planned->wrapper, relid, planned->needed);
	/* The quals: their count goes first, so it is written once they are known. */
	candidates_at = request.len;
	put(&request, "0000000000");
	foreach(lc, baserel->baserestrictinfo)
	{
		RestrictInfo *ri = lfirst_node(RestrictInfo, lc);

		if (put_qual(&request, ri, baserel->relid, rel))
		{
			planned->candidates = lappend(planned->candidates, ri);
			count++;
		}
		else
			planned->local = lappend(planned->local, ri);
	}
	snprintf(request.data + candidates_at, 11, "%010d", count);
	ordered = put_order(&request, root, baserel->relid, rel);
	if (!ordered)
		put_int(&request, 0);
	put_int(&request, alone(root) && root->limit_tuples > 0 ? (int64) root->limit_tuples : -1);
	table_close(rel, NoLock);

	reply = call_java(FDW_PLAN, &request);
	baserel->rows = (double) take_int(&reply);
	planned->startup_cost = strtod(take(&reply), NULL);
	planned->total_cost = strtod(take(&reply), NULL);
	pushed = NIL;
	for (int64 i = 0, n = take_int(&reply); i < n; i++)
		pushed = lappend_int(pushed, (int) take_int(&reply));
	for (int i = 0; i < list_length(planned->candidates); i++)
		if (!list_member_int(pushed, i))
			planned->local = lappend(planned->local, list_nth(planned->candidates, i));
	if (take_int(&reply) != 0 && ordered)
		planned->order = root->query_pathkeys;
	state_count = (int) take_int(&reply);
	planned->private = list_make1(take_strings(&reply, state_count));
	planned->private = lappend(planned->private, take_strings(&reply, 2 * (int) take_int(&reply)));
	baserel->fdw_private = planned;
}

static void
get_paths(PlannerInfo *root, RelOptInfo *baserel, Oid relid)
{
	PlannedRel *planned = baserel->fdw_private;

	add_path(baserel, (Path *) create_foreignscan_path(root, baserel, NULL, baserel->rows, PATH_DISABLED_NODES
													   planned->startup_cost, planned->total_cost, planned->order,
													   NULL, NULL, PATH_FDW_RESTRICTINFO NIL));
}

static ForeignScan *
get_plan(PlannerInfo *root, RelOptInfo *baserel, Oid relid, ForeignPath *best_path, List *tlist,
		 List *scan_clauses, Plan *outer_plan)
{
	PlannedRel *planned = baserel->fdw_private;
	List	   *local = NIL;
	List	   *private;
	ListCell   *lc;

	/* The quals Java took are its own to apply; the Filter keeps the others. */
	foreach(lc, scan_clauses)
	{
		RestrictInfo *ri = lfirst_node(RestrictInfo, lc);

		if (!list_member_ptr(planned->candidates, ri) || list_member_ptr(planned->local, ri))
			local = lappend(local, ri);
	}
	private = list_make3(makeString(planned->folder), makeString(planned->wrapper), planned->needed);
	private = list_concat(private, planned->private);
	return make_foreignscan(tlist, extract_actual_clauses(local, false), baserel->relid, NIL, private, NIL, NIL,
							outer_plan);
}

/* Error context of a row: which table and column, and where Java says the row came from. */
static void
row_context(void *arg)
{
	RowReader  *r = arg;

	if (r->column != NULL && r->position != NULL)
		errcontext("foreign table %s, column %s, %s", r->relation, r->column, r->position);
	else if (r->column != NULL)
		errcontext("foreign table %s, column %s", r->relation, r->column);
}

/* Ends the Java side of a scan (FDW_END) or of writes (FDW_END_WRITES), once. */
static void
end_java(int32 op, int64 *java)
{
	StringInfoData request;

	if (*java == 0)
		return;
	initStringInfo(&request);
	put_int(&request, *java);
	*java = 0;
	(void) call_java(op, &request);
}

/*
 * The executor's memory went away without EndForeignScan or EndForeignModify (an error): Java
 * closes its side too. An error now only goes to the log, since this runs during the abort.
 */
static void
java_memory_gone(void *arg)
{
	int64	   *java = arg;

	if (*java != 0)
		pgj_fdw_abandon(*java);
	*java = 0;
}

static void
end_with_memory(EState *estate, int64 *java)
{
	MemoryContextCallback *callback = MemoryContextAllocZero(estate->es_query_cxt, sizeof(MemoryContextCallback));

	callback->func = java_memory_gone;
	callback->arg = java;
	MemoryContextRegisterResetCallback(estate->es_query_cxt, callback);
}

/* A reader of `attnums`' values, in that order. */
static void
reader_init(RowReader *r, Relation rel, List *attnums)
{
	ListCell   *lc;
	int			i = 0;

	r->relation = RelationGetRelationName(rel);
	r->count = list_length(attnums);
	r->attnums = palloc(sizeof(AttrNumber) * Max(r->count, 1));
	r->input = palloc(sizeof(FmgrInfo) * Max(r->count, 1));
	r->ioparams = palloc(sizeof(Oid) * Max(r->count, 1));
	r->typmods = palloc(sizeof(int32) * Max(r->count, 1));
	foreach(lc, attnums)
	{
		Form_pg_attribute attr = pgj_tupdesc_attr(RelationGetDescr(rel), lfirst_int(lc) - 1);
		Oid			input;

		r->attnums[i] = attr->attnum;
		getTypeInputInfo(attr->atttypid, &input, &r->ioparams[i]);
		fmgr_info(input, &r->input[i]);
		r->typmods[i] = attr->atttypmod;
		i++;
	}
}

/* The attribute numbers of the columns that are not dropped. */
static List *
live_columns(Relation rel)
{
	List	   *attnums = NIL;

	for (int i = 0; i < RelationGetDescr(rel)->natts; i++)
		if (!pgj_tupdesc_attr(RelationGetDescr(rel), i)->attisdropped)
			attnums = lappend_int(attnums, i + 1);
	return attnums;
}

static void
begin_scan(ForeignScanState *node, int eflags)
{
	ForeignScan *plan = (ForeignScan *) node->ss.ps.plan;
	Relation	rel = node->ss.ss_currentRelation;
	List	   *needed = lthird(plan->fdw_private);
	List	   *state = list_nth(plan->fdw_private, PRIVATE_STATE);
	RunningScan *scan = palloc0(sizeof(RunningScan));
	StringInfoData request;
	ListCell   *lc;
	Reply		reply;

	node->fdw_state = scan;
	if (eflags & EXEC_FLAG_EXPLAIN_ONLY)
		return;
	reader_init(&scan->rows, rel, needed);
	initStringInfo(&request);
	put_table(&request, strVal(linitial(plan->fdw_private)), strVal(lsecond(plan->fdw_private)),
			  RelationGetRelid(rel), needed);
	put_int(&request, list_length(state));
	foreach(lc, state)
		put(&request, strVal(lfirst(lc)));
	reply = call_java(FDW_BEGIN, &request);
	scan->java = take_int(&reply);
	end_with_memory(node->ss.ps.state, &scan->java);
}

/* Reads a 32-bit integer of Java's row at `at`. */
static int32
row_int(const char *row, int at)
{
	int32		value;

	memcpy(&value, row + at, sizeof(value));
	return value;
}

/*
 * Java's row: int32 count, int32 offset of the position text (-1: none), count int32 offsets of
 * the values (-1: NULL), then the NUL-terminated texts. Into `slot`, whose other columns are NULL.
 */
static void
read_row(RowReader *r, const char *row, TupleTableSlot *slot)
{
	ErrorContextCallback context;
	int			position;

	if (row_int(row, 0) != r->count)
		elog(ERROR, "pgj: the foreign data wrapper gave %d values for %d columns", row_int(row, 0), r->count);
	position = row_int(row, 4);
	r->position = position < 0 ? NULL : row + position;
	ExecClearTuple(slot);
	memset(slot->tts_isnull, true, sizeof(bool) * slot->tts_tupleDescriptor->natts);
	context.callback = row_context;
	context.arg = r;
	context.previous = error_context_stack;
	error_context_stack = &context;
	for (int i = 0; i < r->count; i++)
	{
		int			at = row_int(row, 8 + 4 * i);
		int			column = r->attnums[i] - 1;

		r->column = NameStr(pgj_tupdesc_attr(slot->tts_tupleDescriptor, column)->attname);
		slot->tts_isnull[column] = at < 0;
		slot->tts_values[column] = InputFunctionCall(&r->input[i], at < 0 ? NULL : (char *) row + at,
													 r->ioparams[i], r->typmods[i]);
	}
	r->column = NULL;
	error_context_stack = context.previous;
	ExecStoreVirtualTuple(slot);
}

/*
 * The wrapper's next row (its address in the reply buffer; 0 at the end), with the Java side's
 * error or a pending interrupt raised here, where a longjmp crosses no Java frame.
 */
static int64
next_row(int64 java)
{
	int64		address = pgj_fdw_next(java);

	if (unlikely(pgj_java_interrupted))
		pgj_clear_java_interrupt();
	if (address == -1 || pgj_error_pending())
		pgj_raise_pending();
	CHECK_FOR_INTERRUPTS();
	return address;
}

static TupleTableSlot *
iterate_scan(ForeignScanState *node)
{
	RunningScan *scan = node->fdw_state;
	TupleTableSlot *slot = node->ss.ss_ScanTupleSlot;
	int64		address;

	ExecClearTuple(slot);
	address = next_row(scan->java);
	if (address == 0)
		return slot;
	read_row(&scan->rows, (const char *) address, slot);
	return slot;
}

static void
rescan(ForeignScanState *node)
{
	RunningScan *scan = node->fdw_state;
	StringInfoData request;

	initStringInfo(&request);
	put_int(&request, scan->java);
	(void) call_java(FDW_RESCAN, &request);
}

static void
end_scan(ForeignScanState *node)
{
	RunningScan *scan = node->fdw_state;

	if (scan != NULL)
		end_java(FDW_END, &scan->java);
}

/*
 * ANALYZE's sample: the wrapper plans a scan of every live column with no qual, order or limit,
 * as for SELECT * FROM the table, and its rows stream through a reservoir of targrows rows
 * (Vitter's algorithm Z, utils/sampling.h), so the table is never held in memory. Each row is
 * read as a scan reads it, in a context reset per row, and formed into a tuple of the caller's
 * context. If anything fails, the caller's context going away ends the Java scan.
 */
static int
acquire_sample(Relation rel, int elevel, HeapTuple *rows, int targrows, double *totalrows, double *totaldeadrows)
{
	List	   *columns = live_columns(rel);
	TupleDesc	desc = RelationGetDescr(rel);
	TupleTableSlot *slot = MakeSingleTupleTableSlot(desc, &TTSOpsVirtual);
	MemoryContext per_row = AllocSetContextCreate(CurrentMemoryContext, "pgj foreign table sample row",
												  ALLOCSET_SMALL_SIZES);
	MemoryContextCallback *gone = palloc0(sizeof(MemoryContextCallback));
	int64	   *java = palloc0(sizeof(int64));
	char	   *folder;
	char	   *wrapper;
	StringInfoData request;
	Reply		reply;
	List	   *state;
	ListCell   *lc;
	RowReader	reader;
	ReservoirStateData reservoir;
	double		skip = -1;
	double		seen = 0;
	int			kept = 0;

	wrapper_of_table(RelationGetRelid(rel), &folder, &wrapper);
	reader_init(&reader, rel, columns);
	initStringInfo(&request);
	put_table(&request, folder, wrapper, RelationGetRelid(rel), columns);
	put(&request, "0000000000");	/* no quals */
	put_int(&request, 0);		/* no order */
	put_int(&request, -1);		/* no limit */
	reply = call_java(FDW_PLAN, &request);
	(void) take_int(&reply);	/* rows */
	(void) take(&reply);		/* startup and total cost */
	(void) take(&reply);
	for (int64 i = 0, n = take_int(&reply); i < n; i++)
		(void) take_int(&reply);	/* pushed quals: none asked */
	(void) take_int(&reply);	/* ordered: none asked */
	state = take_strings(&reply, (int) take_int(&reply));

	resetStringInfo(&request);
	put_table(&request, folder, wrapper, RelationGetRelid(rel), columns);
	put_int(&request, list_length(state));
	foreach(lc, state)
		put(&request, strVal(lfirst(lc)));
	reply = call_java(FDW_BEGIN, &request);
	*java = take_int(&reply);
	gone->func = java_memory_gone;
	gone->arg = java;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, gone);

	reservoir_init_selection_state(&reservoir, targrows);
	for (;;)
	{
		int64		address = next_row(*java);
		MemoryContext caller;
		HeapTuple	tuple;

		if (address == 0)
			break;
		MemoryContextReset(per_row);
		caller = MemoryContextSwitchTo(per_row);
		read_row(&reader, (const char *) address, slot);
		MemoryContextSwitchTo(caller);
		/* The first targrows rows fill the reservoir; then each later row replaces a random one, or is skipped. */
		if (kept < targrows)
			rows[kept++] = heap_form_tuple(desc, slot->tts_values, slot->tts_isnull);
		else
		{
			if (skip < 0)
				skip = reservoir_get_next_S(&reservoir, seen, targrows);
			if (skip <= 0)
			{
				int			k = (int) (targrows * sampler_random_fract(&reservoir.randstate));

				tuple = heap_form_tuple(desc, slot->tts_values, slot->tts_isnull);
				heap_freetuple(rows[k]);
				rows[k] = tuple;
			}
			skip -= 1;
		}
		seen += 1;
	}
	end_java(FDW_END, java);
	ExecDropSingleTupleTableSlot(slot);
	MemoryContextDelete(per_row);
	*totalrows = seen;
	*totaldeadrows = 0;
	ereport(elevel,
			(errmsg("\"%s\": foreign table of %.0f rows, %d rows in the sample",
					RelationGetRelationName(rel), seen, kept)));
	return kept;
}

/* ANALYZE of a foreign table: the sample comes from a scan through the wrapper. */
static bool
analyze_table(Relation rel, AcquireSampleRowsFunc *func, BlockNumber *totalpages)
{
	*func = acquire_sample;
	*totalpages = 1;			/* the wrapper knows no pages: ANALYZE keeps rows */
	return true;
}

/* What was pushed down and the wrapper's own lines, with VERBOSE. */
static void
explain_scan(ForeignScanState *node, ExplainState *es)
{
	ForeignScan *plan = (ForeignScan *) node->ss.ps.plan;
	List	   *lines = list_nth(plan->fdw_private, PRIVATE_EXPLAIN);

	if (!es->verbose)
		return;
	for (int i = 0; i + 1 < list_length(lines); i += 2)
		ExplainPropertyText(strVal(list_nth(lines, i)), strVal(list_nth(lines, i + 1)), es);
}

/* UPDATE and DELETE name rows by the wrapper's row key, which the subplan carries as a junk column. */
static void
add_update_targets(PlannerInfo *root, Index rtindex, RangeTblEntry *target_rte, Relation target_relation)
{
	Oid			relid = RelationGetRelid(target_relation);
	char	   *folder;
	char	   *wrapper;
	StringInfoData request;
	Reply		reply;
	const char *key;
	AttrNumber	attno;
	Form_pg_attribute attr;

	wrapper_of_table(relid, &folder, &wrapper);
	initStringInfo(&request);
	put_table(&request, folder, wrapper, relid, NIL);
	reply = call_java(FDW_ROW_KEY, &request);
	key = take(&reply);
	attno = get_attnum(relid, key);
	if (attno <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
				 errmsg("the row key \"%s\" of foreign table %s is not one of its columns", key,
						RelationGetRelationName(target_relation))));
	attr = pgj_tupdesc_attr(RelationGetDescr(target_relation), attno - 1);
	add_row_identity_var(root, makeVar(rtindex, attno, attr->atttypid, attr->atttypmod, attr->attcollation, 0),
						 rtindex, ROW_KEY_COLUMN);
}

/* What the writes send Java: every column for INSERT, the columns set for UPDATE; whether rows are returned. */
static List *
plan_modify(PlannerInfo *root, ModifyTable *plan, Index resultRelation, int subplan_index)
{
	RangeTblEntry *rte = planner_rt_fetch(resultRelation, root);
	List	   *targets = NIL;

	if (plan->operation == CMD_INSERT)
	{
		Relation	rel = table_open(rte->relid, NoLock);

		targets = live_columns(rel);
		table_close(rel, NoLock);
	}
	else if (plan->operation == CMD_UPDATE)
	{
		Bitmapset  *columns = get_rel_all_updated_cols(root, find_base_rel(root, resultRelation));
		int			column = -1;

		while ((column = bms_next_member(columns, column)) >= 0)
			if (column + FirstLowInvalidHeapAttributeNumber > 0)
				targets = lappend_int(targets, column + FirstLowInvalidHeapAttributeNumber);
	}
	return list_make2(targets, makeInteger(plan->returningLists != NIL));
}

static void
begin_modify(ModifyTableState *mtstate, ResultRelInfo *rinfo, List *fdw_private, int subplan_index, int eflags)
{
	Relation	rel = rinfo->ri_RelationDesc;
	TupleDesc	desc = RelationGetDescr(rel);
	RunningWrite *w = palloc0(sizeof(RunningWrite));
	StringInfoData request;
	char	   *folder;
	char	   *wrapper;
	Reply		reply;

	rinfo->ri_FdwState = w;
	if (eflags & EXEC_FLAG_EXPLAIN_ONLY)
		return;
	w->operation = mtstate->operation == CMD_INSERT ? "INSERT" : mtstate->operation == CMD_UPDATE ? "UPDATE" : "DELETE";
	w->targets = linitial(fdw_private);
	w->returning = intVal(lsecond(fdw_private)) != 0;
	if (mtstate->operation != CMD_INSERT)
	{
		List	   *tlist = outerPlanState(mtstate)->plan->targetlist;
		Oid			output;
		bool		varlena;

		w->key_junk = ExecFindJunkAttributeInTlist(tlist, ROW_KEY_COLUMN);
		if (!AttributeNumberIsValid(w->key_junk))
			elog(ERROR, "pgj: the row key column of foreign table %s is missing", RelationGetRelationName(rel));
		getTypeOutputInfo(exprType((Node *) ((TargetEntry *) list_nth(tlist, w->key_junk - 1))->expr), &output, &varlena);
		fmgr_info(output, &w->key_output);
	}
	w->output = palloc0(sizeof(FmgrInfo) * Max(desc->natts, 1));
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute attr = pgj_tupdesc_attr(desc, i);
		Oid			output;
		bool		varlena;

		if (attr->attisdropped)
			continue;
		getTypeOutputInfo(attr->atttypid, &output, &varlena);
		fmgr_info(output, &w->output[i]);
	}
	reader_init(&w->rows, rel, live_columns(rel));
	wrapper_of_table(RelationGetRelid(rel), &folder, &wrapper);
	initStringInfo(&request);
	put_table(&request, folder, wrapper, RelationGetRelid(rel), w->targets);
	put(&request, w->operation);
	put(&request, w->returning ? "1" : "0");
	reply = call_java(FDW_BEGIN_WRITES, &request);
	w->java = take_int(&reply);
	end_with_memory(mtstate->ps.state, &w->java);
}

/*
 * One row to Java: its key (UPDATE, DELETE) and the target columns' values (INSERT, UPDATE). The
 * row Java returns becomes `slot` for RETURNING; none means no row was written (not counted).
 */
static TupleTableSlot *
write_row(ResultRelInfo *rinfo, TupleTableSlot *slot, TupleTableSlot *planSlot)
{
	RunningWrite *w = rinfo->ri_FdwState;
	TupleDesc	desc = RelationGetDescr(rinfo->ri_RelationDesc);
	StringInfoData request;
	ListCell   *lc;
	Reply		reply;
	int64		row;

	initStringInfo(&request);
	put_int(&request, w->java);
	put(&request, w->operation);
	if (AttributeNumberIsValid(w->key_junk))
	{
		bool		isnull;
		Datum		key = ExecGetJunkAttribute(planSlot, w->key_junk, &isnull);

		put(&request, isnull ? "1" : "0");
		put(&request, isnull ? "" : OutputFunctionCall(&w->key_output, key));
	}
	else
	{
		put(&request, "1");
		put(&request, "");
	}
	if (strcmp(w->operation, "DELETE") == 0)
		put_int(&request, 0);
	else
	{
		slot_getallattrs(slot);
		put_int(&request, list_length(w->targets));
		foreach(lc, w->targets)
		{
			int			i = lfirst_int(lc) - 1;

			put(&request, NameStr(pgj_tupdesc_attr(desc, i)->attname));
			put(&request, slot->tts_isnull[i] ? "1" : "0");
			put(&request, slot->tts_isnull[i] ? "" : OutputFunctionCall(&w->output[i], slot->tts_values[i]));
		}
	}
	reply = call_java(FDW_WRITE, &request);
	row = take_int(&reply);
	if (row == 0)
		return NULL;
	if (w->returning)
		read_row(&w->rows, (const char *) row, slot);
	return slot;
}

static TupleTableSlot *
exec_insert(EState *estate, ResultRelInfo *rinfo, TupleTableSlot *slot, TupleTableSlot *planSlot)
{
	return write_row(rinfo, slot, planSlot);
}

static TupleTableSlot *
exec_update(EState *estate, ResultRelInfo *rinfo, TupleTableSlot *slot, TupleTableSlot *planSlot)
{
	return write_row(rinfo, slot, planSlot);
}

static TupleTableSlot *
exec_delete(EState *estate, ResultRelInfo *rinfo, TupleTableSlot *slot, TupleTableSlot *planSlot)
{
	return write_row(rinfo, slot, planSlot);
}

static void
end_modify(EState *estate, ResultRelInfo *rinfo)
{
	if (rinfo->ri_FdwState != NULL)
		end_java(FDW_END_WRITES, &((RunningWrite *) rinfo->ri_FdwState)->java);
}

/* IMPORT FOREIGN SCHEMA: Java writes the CREATE FOREIGN TABLE statements; the server filters and runs them. */
static List *
import_schema(ImportForeignSchemaStmt *stmt, Oid server_oid)
{
	ForeignServer *server = GetForeignServer(server_oid);
	ForeignDataWrapper *fdw = GetForeignDataWrapper(server->fdwid);
	char	   *folder;
	char	   *wrapper;
	StringInfoData request;
	ListCell   *lc;
	Reply		reply;
	List	   *statements = NIL;

	wrapper_of_function(fdw->fdwhandler, "_handler", &folder, &wrapper);
	initStringInfo(&request);
	put(&request, folder);
	put(&request, wrapper);
	put(&request, server->servername);
	put_options(&request, server->options);
	put_options(&request, mapping_options(GetUserId(), server_oid));
	put(&request, stmt->remote_schema);
	put(&request, stmt->local_schema);
	put(&request, stmt->list_type == FDW_IMPORT_SCHEMA_LIMIT_TO ? "LIMIT TO"
		: stmt->list_type == FDW_IMPORT_SCHEMA_EXCEPT ? "EXCEPT" : "ALL");
	put_int(&request, list_length(stmt->table_list));
	foreach(lc, stmt->table_list)
		put(&request, lfirst_node(RangeVar, lc)->relname);
	put_options(&request, stmt->options);
	reply = call_java(FDW_IMPORT_SCHEMA, &request);
	for (int64 i = 0, n = take_int(&reply); i < n; i++)
		statements = lappend(statements, pstrdup(take(&reply)));
	return statements;
}

Datum
pgj_fdw_handler(PG_FUNCTION_ARGS)
{
	FdwRoutine *routine = makeNode(FdwRoutine);

	routine->GetForeignRelSize = get_rel_size;
	routine->GetForeignPaths = get_paths;
	routine->GetForeignPlan = get_plan;
	routine->BeginForeignScan = begin_scan;
	routine->IterateForeignScan = iterate_scan;
	routine->ReScanForeignScan = rescan;
	routine->EndForeignScan = end_scan;
	routine->ExplainForeignScan = explain_scan;
	routine->AddForeignUpdateTargets = add_update_targets;
	routine->PlanForeignModify = plan_modify;
	routine->BeginForeignModify = begin_modify;
	routine->ExecForeignInsert = exec_insert;
	routine->ExecForeignUpdate = exec_update;
	routine->ExecForeignDelete = exec_delete;
	routine->EndForeignModify = end_modify;
	routine->ImportForeignSchema = import_schema;
	routine->AnalyzeForeignTable = analyze_table;
	PG_RETURN_POINTER(routine);
}

static const char *
option_target(Oid catalog)
{
	switch (catalog)
	{
		case ForeignDataWrapperRelationId:
			return "WRAPPER";
		case ForeignServerRelationId:
			return "SERVER";
		case UserMappingRelationId:
			return "USER_MAPPING";
		case ForeignTableRelationId:
			return "TABLE";
		case AttributeRelationId:
			return "COLUMN";
		default:
			return NULL;
	}
}

/*
 * Options of the wrapper, a server, a user mapping, a foreign table or a column: Java's validate
 * refuses bad ones. A wrapper without options (CREATE EXTENSION) needs no Java.
 */
Datum
pgj_fdw_validator(PG_FUNCTION_ARGS)
{
	List	   *options = untransformRelOptions(PG_GETARG_DATUM(0));
	Oid			catalog = PG_GETARG_OID(1);
	const char *target = option_target(catalog);
	char	   *folder;
	char	   *wrapper;
	StringInfoData request;

	if (target == NULL || (catalog == ForeignDataWrapperRelationId && options == NIL))
		PG_RETURN_VOID();
	wrapper_of_function(fcinfo->flinfo->fn_oid, "_validator", &folder, &wrapper);
	initStringInfo(&request);
	put(&request, folder);
	put(&request, wrapper);
	put(&request, target);
	put_options(&request, options);
	(void) call_java(FDW_VALIDATE, &request);
	PG_RETURN_VOID();
}

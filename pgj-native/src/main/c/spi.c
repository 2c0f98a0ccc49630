/*
 * Server-side support for org.pgj.spi: connection scopes, statements with parameters,
 * cursors, and liveness cells.
 *
 * A liveness cell is how Java knows that server memory it refers to still exists. Java never
 * holds a pointer without the cell of the memory context that owns it: the context's reset
 * callback clears the cell, whoever frees the context (SPI_finish, a subtransaction or
 * transaction abort, SPI_freeplan, PortalDrop, ...). Cells are malloc'd, never freed and
 * reused with a new serial, so reading one is always safe, and a stale handle (serial
 * mismatch) reads as dead.
 *
 * Everything here that Java calls runs under pgj_guard_call's PG_TRY; each is declared in
 * Java with its prototype (functions.c).
 */
#include "pgj.h"

#include <stdlib.h>

#include "access/detoast.h"
#include "access/xact.h"
#include "executor/spi.h"
#include "executor/spi_priv.h"
#include "nodes/params.h"
#include "parser/parse_param.h"
#include "parser/parse_type.h"
#include "parser/parser.h"
#include "tcop/pquery.h"
#include "parser/scansup.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
#include "utils/portal.h"
#include "utils/snapmgr.h"

/* See pgj.h. */
bool		pgj_nonatomic = false;
bool		pgj_read_only = false;
int			pgj_spi_depth = 0;

static PgjCell *free_cells = NULL;
static int64 next_serial = 1;

/* A cell, fresh or reused; never fails after its memory exists. */
static PgjCell *
cell_take(void)
{
	PgjCell    *cell = free_cells;

	if (cell != NULL)
		free_cells = cell->next_free;
	else
	{
		cell = malloc(sizeof(PgjCell));
		if (cell == NULL)
			ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	}
	cell->next_free = NULL;
	cell->serial = next_serial++;
	return cell;
}

static void
cell_release(void *arg)
{
	PgjCell    *cell = (PgjCell *) arg;

	cell->serial = 0;
	cell->next_free = free_cells;
	free_cells = cell;
}

static PgjCell *
track(MemoryContext cxt, MemoryContextCallbackFunction on_gone)
{
	/* The callback's memory first: if it fails, no cell is lost. */
	MemoryContextCallback *cb = MemoryContextAlloc(cxt, sizeof(MemoryContextCallback));
	PgjCell    *cell = cell_take();

	cb->func = on_gone;
	cb->arg = cell;
	MemoryContextRegisterResetCallback(cxt, cb);
	return cell;
}

/* Java: the cell of a memory context (a plan's, a portal's). */
PgjCell *
pgj_track(MemoryContext cxt)
{
	return track(cxt, cell_release);
}

static void
connection_gone(void *arg)
{
	cell_release(arg);
	pgj_spi_depth--;
}

/*
 * Java: SPI_connect, nonatomic when the innermost pgj call may end transactions (a
 * procedure called by a top-level CALL). Returns the cell of the connection's procedure
 * context, which SPI deletes when the connection ends by any path.
 */
PgjCell *
pgj_spi_connect(void)
{
	/*
	 * A nonatomic connection's memory lives in the CALL's portal, which an abort drops. With
	 * no portal (a background worker) nothing would drop it, and its cell could outlive the
	 * connection: such a caller ends transactions its own way.
	 */
	bool		nonatomic = pgj_nonatomic && PortalContext != NULL;
	int			rc = SPI_connect_ext(nonatomic ? SPI_OPT_NONATOMIC : 0);
	PgjCell    *cell;

	if (rc != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(rc));
	/* SPI_connect switched to the connection's procedure context. */
	cell = track(CurrentMemoryContext, connection_gone);
	cell->nonatomic = nonatomic;
	pgj_spi_depth++;
	return cell;
}

/*
 * Called by the call handler when a pgj function returns with connections it opened still
 * open: the caller's SPI state must be as it was. A by-reference result allocated while a
 * connection was current is first copied to the caller's memory context.
 */
Datum
pgj_spi_close_leaked(FunctionCallInfo fcinfo, Datum result, int depth, MemoryContext caller_cxt)
{
	int			leaked = pgj_spi_depth - depth;

	if (!fcinfo->isnull && !pgj_error_pending())
	{
		Oid			rettype = get_func_rettype(fcinfo->flinfo->fn_oid);
		int16		typlen;
		bool		typbyval;

		get_typlenbyval(rettype, &typlen, &typbyval);
		if (!typbyval)
		{
			MemoryContext old = MemoryContextSwitchTo(caller_cxt);

			result = datumCopy(result, typbyval, typlen);
			MemoryContextSwitchTo(old);
		}
	}
	while (pgj_spi_depth > depth)
	{
		int			before = pgj_spi_depth;

		SPI_finish();
		if (pgj_spi_depth == before)
			break;				/* not ours: leave the rest to the transaction's end */
	}
	MemoryContextSwitchTo(caller_cxt);
	ereport(WARNING,
			(errmsg("function %s returned with %d SPI connection scope(s) still open; pgj closed them",
					format_procedure(fcinfo->flinfo->fn_oid), leaked),
			 errhint("Close connection scopes with try-with-resources.")));
	return result;
}

/*
 * A snapshot for read-only statements that sees the effects of the earlier statements of
 * this transaction: the current one with the current command ID. SPI's read-only mode alone
 * would reuse the outer query's snapshot, which cannot see them.
 */
static bool
push_read_only_snapshot(void)
{
	if (!ActiveSnapshotSet())
	{
		if (ActivePortal == NULL)
			return false;		/* no snapshot to extend: SPI takes its own */
		EnsurePortalSnapshotExists();
	}
	/* Read-write statements advance the command counter after they ran. */
	PushCopiedSnapshot(GetActiveSnapshot());
	UpdateActiveSnapshotCommandId();
	return true;
}

/*
 * Rows for Java: PgjSpiRows (pgj.h) in the operation's memory, which Java reads and then
 * resets. Java never holds a pointer into a tuple table or any other server memory. By-reference
 * values are copied, and values stored out of line (TOASTed) are fetched while the statement's
 * snapshot is still there.
 */
typedef struct RowsBuilder
{
	DestReceiver pub;			/* first: SPI calls it as a DestReceiver */
	MemoryContext memory;
	TupleDesc	desc;
	PgjSpiRows *rows;
	uint64		capacity;
} RowsBuilder;

/* Rows that fit with the header, in its allocation: most statements that return rows return few. */
#define FIRST_ROWS 4

static void
rows_start(RowsBuilder *b, TupleDesc desc)
{
	int			natts = desc->natts;
	Size		header = MAXALIGN(offsetof(PgjSpiRows, columns) + natts * sizeof(PgjSpiColumn));
	PgjSpiRows *rows = MemoryContextAlloc(b->memory, header + FIRST_ROWS * natts * (sizeof(Datum) + sizeof(bool)));

	rows->rows = 0;
	rows->bytes = 0;
	rows->natts = natts;
	rows->values = (Datum *) ((char *) rows + header);
	rows->nulls = (bool *) (rows->values + FIRST_ROWS * natts);
	for (int c = 0; c < natts; c++)
	{
		Form_pg_attribute a = TupleDescAttr(desc, c);

		rows->columns[c].type = a->atttypid;
		rows->columns[c].byval = a->attbyval;
		memcpy(&rows->columns[c].name, &a->attname, NAMEDATALEN);
	}
	b->desc = desc;
	b->rows = rows;
	b->capacity = FIRST_ROWS;
}

static void
rows_add(RowsBuilder *b, const Datum *values, const bool *nulls)
{
	PgjSpiRows *rows = b->rows;
	int			natts = rows->natts;
	Datum	   *row;
	bool	   *row_nulls;
	MemoryContext old;

	if (rows->rows == b->capacity)
	{
		uint64		capacity = b->capacity * 2;
		Datum	   *values = MemoryContextAllocHuge(b->memory, capacity * natts * sizeof(Datum) + 1);
		bool	   *nulls = MemoryContextAllocHuge(b->memory, capacity * natts * sizeof(bool) + 1);

		memcpy(values, rows->values, rows->rows * natts * sizeof(Datum));
		memcpy(nulls, rows->nulls, rows->rows * natts * sizeof(bool));
		if (b->capacity > FIRST_ROWS)
		{
			pfree(rows->values);
			pfree(rows->nulls);
		}
		rows->values = values;
		rows->nulls = nulls;
		b->capacity = capacity;
	}
	row = rows->values + rows->rows * natts;
	row_nulls = rows->nulls + rows->rows * natts;
	old = MemoryContextSwitchTo(b->memory);
	for (int c = 0; c < natts; c++)
	{
		Form_pg_attribute a = TupleDescAttr(b->desc, c);
		Datum		v = values[c];

		row_nulls[c] = nulls[c];
		if (nulls[c] || a->attbyval)
			row[c] = nulls[c] ? (Datum) 0 : v;
		else
		{
			/* A pointer to data stored elsewhere: the data (an expanded object is flattened). */
			if (a->attlen == -1 && VARATT_IS_EXTERNAL(DatumGetPointer(v))
				&& !VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(v)))
				row[c] = PointerGetDatum(detoast_external_attr((struct varlena *) DatumGetPointer(v)));
			else
				row[c] = datumCopy(v, false, a->attlen);
			rows->bytes += datumGetSize(row[c], false, a->attlen);
		}
	}
	MemoryContextSwitchTo(old);
	rows->rows++;
}

static void
receiver_startup(DestReceiver *self, int operation, TupleDesc desc)
{
	/* Each statement of a multi-statement string starts afresh: SPI reports the last. */
	rows_start((RowsBuilder *) self, desc);
}

static bool
receiver_receive(TupleTableSlot *slot, DestReceiver *self)
{
	slot_getallattrs(slot);
	rows_add((RowsBuilder *) self, slot->tts_values, slot->tts_isnull);
	return true;
}

static bool
receiver_discard(TupleTableSlot *slot, DestReceiver *self)
{
	return true;
}

static void
receiver_nothing(DestReceiver *self)
{
}

/*
 * A receiver that builds the rows as the executor sends them: no tuple table to create, copy
 * into and free, as SPI's own receiver would. Its mydest is neither DestSPI nor DestNone, so
 * SPI reports a query as SPI_OK_SELECT without looking for a tuple table.
 */
static void
receiver_init(RowsBuilder *b, MemoryContext memory, bool keep)
{
	memset(b, 0, sizeof(*b));
	b->pub.receiveSlot = keep ? receiver_receive : receiver_discard;
	b->pub.rStartup = receiver_startup;
	b->pub.rShutdown = receiver_nothing;
	b->pub.rDestroy = receiver_nothing;
	b->pub.mydest = DestSQLFunction;
	b->memory = memory;
}

/* The rows of SPI_tuptable (a cursor's fetch), which is then freed. */
static PgjSpiRows *
take_rows(MemoryContext memory)
{
	SPITupleTable *table = SPI_tuptable;
	RowsBuilder b;
	Datum	   *values = palloc(Max(table->tupdesc->natts, 1) * sizeof(Datum));
	bool	   *nulls = palloc(Max(table->tupdesc->natts, 1) * sizeof(bool));

	receiver_init(&b, memory, true);
	rows_start(&b, table->tupdesc);
	for (uint64 r = 0; r < table->numvals; r++)
	{
		heap_deform_tuple(table->vals[r], table->tupdesc, values, nulls);
		rows_add(&b, values, nulls);
	}
	pfree(values);
	pfree(nulls);
	SPI_freetuptable(table);
	return b.rows;
}

/* The arguments, in the request's memory (Java resets it after the call). */
static ParamListInfo
param_list(PgjSpiRequest *req)
{
	ParamListInfo params;
	MemoryContext old;

	if (req->nargs <= 0)
		return NULL;
	old = MemoryContextSwitchTo(req->memory);
	params = makeParamList(req->nargs);
	MemoryContextSwitchTo(old);
	for (int i = 0; i < req->nargs; i++)
	{
		ParamExternData *p = &params->params[i];

		p->value = req->values[i];
		p->isnull = req->nulls[i];
		p->pflags = PARAM_FLAG_CONST;
		p->ptype = req->types[i];
	}
	return params;
}

/*
 * Lets the parser deduce the types of arguments given without one (Java nulls), as PREPARE
 * does: req->types holds the known types and UNKNOWNOID for the others.
 */
static void
infer_types_setup(ParseState *pstate, void *arg)
{
	PgjSpiRequest *req = (PgjSpiRequest *) arg;

	setup_parse_variable_parameters(pstate, &req->types, &req->nargs);
}

/* A plan for req->sql whose untyped arguments get their types from the statement. */
static SPIPlanPtr
prepare_inferring(PgjSpiRequest *req, int cursor_options)
{
	int			nargs = req->nargs;
	SPIPlanPtr	plan = SPI_prepare_params(req->sql, infer_types_setup, req, cursor_options);

	if (plan == NULL)
		elog(ERROR, "SPI_prepare_params failed: %s", SPI_result_code_string(SPI_result));
	/* Arguments the statement does not mention keep no type; their values are unused. */
	req->nargs = nargs;
	return plan;
}

static bool
starts_with_keyword(const char *sql, const char *keyword)
{
	size_t		n = strlen(keyword);

	while (scanner_isspace(*sql))
		sql++;
	return pg_strncasecmp(sql, keyword, n) == 0 && (sql[n] == '\0' || scanner_isspace(sql[n]));
}

/* Whether a statement may end transactions itself (CALL or DO), in a nonatomic connection. */
static bool
is_transaction_capable(PgjSpiRequest *req)
{
	if (!SPI_inside_nonatomic_context())
		return false;
	if (req->plan != NULL)
	{
		List	   *sources = SPI_plan_get_plan_sources(req->plan);

		if (list_length(sources) != 1)
			return false;
		return ((CachedPlanSource *) linitial(sources))->commandTag == CMDTAG_CALL
			|| ((CachedPlanSource *) linitial(sources))->commandTag == CMDTAG_DO;
	}
	else if (starts_with_keyword(req->sql, "call") || starts_with_keyword(req->sql, "do"))
	{
		List	   *raw = raw_parser(req->sql, RAW_PARSE_DEFAULT);
		Node	   *stmt;

		if (list_length(raw) != 1)
			return false;
		stmt = ((RawStmt *) linitial(raw))->stmt;
		return IsA(stmt, CallStmt) || IsA(stmt, DoStmt);
	}
	return false;
}

/*
 * Whether a prepared statement is only queries. Asked for their first row, they can stop
 * there, as PL/pgSQL's SELECT INTO does (data-modifying WITH queries still run to completion).
 */
static bool
only_queries(SPIPlanPtr plan)
{
	ListCell   *lc;

	foreach(lc, SPI_plan_get_plan_sources(plan))
	{
		if (((CachedPlanSource *) lfirst(lc))->commandTag != CMDTAG_SELECT)
			return false;
	}
	return true;
}

/* Java: runs req (SQL text or a prepared plan); returns SPI's result code. */
int32
pgj_spi_execute(PgjSpiRequest *req)
{
	/* A STABLE or IMMUTABLE function's statements run read-only, as PL/pgSQL's do. */
	bool		read_only = pgj_read_only || (req->flags & PGJ_SPI_READ_ONLY) != 0;
	SPIPlanPtr	temporary = NULL;
	SPIExecuteOptions options;
	RowsBuilder receiver;
	bool		single;
	bool		pushed;
	int			rc;

	if (req->plan == NULL && (req->flags & PGJ_SPI_INFER_TYPES) != 0)
		req->plan = temporary = prepare_inferring(req, 0);
	memset(&options, 0, sizeof(options));
	/*
	 * A prepared statement of one query sends its rows straight to Java's memory. SQL text may
	 * hold several statements, whose last one decides the result: SPI's tuple table tells.
	 */
	single = req->plan != NULL && list_length(SPI_plan_get_plan_sources(req->plan)) == 1;
	receiver_init(&receiver, req->memory, (req->flags & PGJ_SPI_KEEP_ROWS) != 0);
	options.dest = single ? (DestReceiver *) &receiver : NULL;
	options.params = param_list(req);
	options.read_only = read_only;
	options.allow_nonatomic = !read_only && is_transaction_capable(req);
	options.tcount = (req->flags & PGJ_SPI_FIRST_ROW) != 0 && req->plan != NULL && only_queries(req->plan) ? 1 : 0;
	/*
	 * select() of a VOLATILE function sees the earlier statements of its transaction; a
	 * non-volatile function keeps the snapshot of the query that called it, as PL/pgSQL's does.
	 */
	pushed = read_only && !pgj_read_only && push_read_only_snapshot();
	if (req->plan != NULL)
		rc = SPI_execute_plan_extended(req->plan, &options);
	else
		rc = SPI_execute_extended(req->sql, &options);
	if (pushed)
		PopActiveSnapshot();
	if (temporary != NULL)
		SPI_freeplan(temporary);
	req->rows = NULL;
	if (single)
		req->rows = rc >= 0 ? receiver.rows : NULL;
	else if (SPI_tuptable != NULL)
	{
		if (rc >= 0 && (req->flags & PGJ_SPI_KEEP_ROWS) != 0)
			req->rows = take_rows(req->memory);
		else
			SPI_freetuptable(SPI_tuptable);
	}
	return rc;
}

/* Java: opens a cursor for req; returns the portal. */
Portal
pgj_spi_open_cursor(PgjSpiRequest *req)
{
	SPIPlanPtr	temporary = NULL;
	Portal		portal;
	bool		pushed = false;

	if (req->plan == NULL)
		req->plan = temporary = (req->flags & PGJ_SPI_INFER_TYPES) != 0
			? prepare_inferring(req, 0)
			: SPI_prepare(req->sql, req->nargs, req->types);
	if (req->plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	/*
	 * In a VOLATILE function the cursor's snapshot sees the earlier statements of the
	 * transaction; a non-volatile function's is its caller's, and writes are refused.
	 */
	if (pgj_read_only && !ActiveSnapshotSet())
	{
		/* A read-only cursor takes the active snapshot, which a caller may not have set. */
		PushActiveSnapshot(GetTransactionSnapshot());
		pushed = true;
	}
	portal = SPI_cursor_open_with_paramlist(req->cursor_name, req->plan, param_list(req), pgj_read_only);
	if (pushed)
		PopActiveSnapshot();
	/* An unsaved plan is copied into the portal. */
	if (temporary != NULL)
		SPI_freeplan(temporary);
	return portal;
}

/* Java: fetches up to count rows from a cursor; returns them as take_rows does. */
PgjSpiRows *
pgj_spi_fetch(Portal portal, int64 count, MemoryContext memory)
{
	SPI_cursor_fetch(portal, true, count);
	return SPI_tuptable != NULL ? take_rows(memory) : NULL;
}

/* Java: the text form of a value, by its type's output function. */
char *
pgj_datum_out(Oid type, Datum value)
{
	Oid			output;
	bool		varlena;

	getTypeOutputInfo(type, &output, &varlena);
	return OidOutputFunctionCall(output, value);
}

/* Java: a value from its text form, by its type's input function. */
Datum
pgj_datum_in(Oid type, char *text)
{
	Oid			input;
	Oid			ioparam;

	getTypeInputInfo(type, &input, &ioparam);
	return OidInputFunctionCall(input, text, ioparam, -1);
}

/* Java: the OID of a type named as in SQL ("int4", "character varying(10)", "myschema.t[]"). */
Oid
pgj_type_oid(const char *name)
{
	Oid			type;
	int32		typmod;

#if PG_VERSION_NUM >= 160000
	parseTypeString(name, &type, &typmod, NULL);
#else
	parseTypeString(name, &type, &typmod, false);
#endif
	return type;
}

/*
 * Java: ends the transaction and starts a new one (COMMIT or ROLLBACK, chained or not) from
 * the innermost connection, which must be nonatomic; otherwise the server's own error.
 */
void
pgj_spi_end_transaction(bool commit, bool chain)
{
	/*
	 * SPI_commit needs a connection (Java only calls this from an open one); without one,
	 * the error SPI gives an atomic one.
	 */
	if (pgj_spi_depth <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TRANSACTION_TERMINATION),
				 errmsg("invalid transaction termination")));
	if (commit)
		chain ? SPI_commit_and_chain() : SPI_commit();
	else
		chain ? SPI_rollback_and_chain() : SPI_rollback();
}

package org.pgj.internal.spi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.pgj.internal.nativecall.Native.ALL;

import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * What org.pgj.spi needs from the native runtime (spi.c) and the server: the functions it calls,
 * declared here with their prototypes, and struct offsets and constants from the facts table.
 * A class of its own, so a backend that never runs SQL from Java never reads them; outside the
 * exported packages, so extension code sees none of it.
 */
public final class SpiNative {
    private SpiNative() {
    }

    private static final long CONNECT = Facts.get("fn.pgj_spi_connect");
    private static final long EXECUTE = Facts.get("fn.pgj_spi_execute");
    private static final long OPEN_CURSOR = Facts.get("fn.pgj_spi_open_cursor");
    private static final long FETCH = Facts.get("fn.pgj_spi_fetch");
    private static final long TRACK = Facts.get("fn.pgj_track");
    private static final long TYPE_OID = Facts.get("fn.pgj_type_oid");
    private static final long END_TRANSACTION = Facts.get("fn.pgj_spi_end_transaction");
    private static final long FINISH = Facts.get("fn.SPI_finish");
    private static final long PREPARE = Facts.get("fn.SPI_prepare");
    private static final long KEEP_PLAN = Facts.get("fn.SPI_keepplan");
    private static final long FREE_PLAN = Facts.get("fn.SPI_freeplan");
    private static final long CURSOR_FIND = Facts.get("fn.SPI_cursor_find");
    private static final long CURSOR_CLOSE = Facts.get("fn.SPI_cursor_close");
    private static final long RESULT_CODE_STRING = Facts.get("fn.SPI_result_code_string");
    private static final long CREATE_CONTEXT = Facts.get("fn.AllocSetContextCreateInternal");
    private static final long RESET_CONTEXT = Facts.get("fn.MemoryContextReset");
    private static final long QUOTE_IDENTIFIER = Facts.get("fn.quote_identifier");
    private static final long QUOTE_QUALIFIED_IDENTIFIER = Facts.get("fn.quote_qualified_identifier");
    private static final long QUOTE_LITERAL = Facts.get("fn.quote_literal_cstr");

    // globals
    public static final long SPI_PROCESSED = Facts.get("addr.SPI_processed");
    public static final long SPI_RESULT = Facts.get("addr.SPI_result");
    public static final long TOP_MEMORY_CONTEXT = Facts.get("addr.TopMemoryContext");
    public static final long CURRENT_MEMORY_CONTEXT = Facts.get("addr.CurrentMemoryContext");

    // layouts
    public static final long ROWS_ROWS = Facts.get("PgjSpiRows.rows");
    public static final long ROWS_NATTS = Facts.get("PgjSpiRows.natts");
    public static final long ROWS_BYTES = Facts.get("PgjSpiRows.bytes");
    public static final long ROWS_VALUES = Facts.get("PgjSpiRows.values");
    public static final long ROWS_NULLS = Facts.get("PgjSpiRows.nulls");
    public static final long ROWS_COLUMNS = Facts.get("PgjSpiRows.columns");
    public static final long COLUMN_SIZE = Facts.get("sizeof.PgjSpiColumn");
    public static final long COLUMN_TYPE = Facts.get("PgjSpiColumn.type");
    public static final long COLUMN_BYVAL = Facts.get("PgjSpiColumn.byval");
    public static final long COLUMN_NAME = Facts.get("PgjSpiColumn.name");
    public static final long PORTAL_NAME = Facts.get("PortalData.name");
    public static final long PORTAL_CONTEXT = Facts.get("PortalData.portalContext");
    public static final long PLAN_CONTEXT = Facts.get("_SPI_plan.plancxt");
    public static final long CELL_SERIAL = Facts.get("PgjCell.serial");
    public static final long CELL_NONATOMIC = Facts.get("PgjCell.nonatomic");
    public static final long REQUEST_SQL = Facts.get("PgjSpiRequest.sql");
    public static final long REQUEST_PLAN = Facts.get("PgjSpiRequest.plan");
    public static final long REQUEST_CURSOR_NAME = Facts.get("PgjSpiRequest.cursor_name");
    public static final long REQUEST_NARGS = Facts.get("PgjSpiRequest.nargs");
    public static final long REQUEST_FLAGS = Facts.get("PgjSpiRequest.flags");
    public static final long REQUEST_TYPES = Facts.get("PgjSpiRequest.types");
    public static final long REQUEST_VALUES = Facts.get("PgjSpiRequest.values");
    public static final long REQUEST_NULLS = Facts.get("PgjSpiRequest.nulls");
    public static final long REQUEST_MEMORY = Facts.get("PgjSpiRequest.memory");
    public static final long REQUEST_ROWS = Facts.get("PgjSpiRequest.rows");
    public static final long REQUEST_SIZE = Facts.get("sizeof.PgjSpiRequest");
    public static final long OID_SIZE = Facts.get("sizeof.Oid");

    // constants
    public static final int READ_ONLY = Facts.getInt("PGJ_SPI_READ_ONLY");
    public static final int INFER_TYPES = Facts.getInt("PGJ_SPI_INFER_TYPES");
    public static final int KEEP_ROWS = Facts.getInt("PGJ_SPI_KEEP_ROWS");
    public static final int FIRST_ROW = Facts.getInt("PGJ_SPI_FIRST_ROW");
    public static final int UNKNOWN_OID = Facts.getInt("UNKNOWNOID");
    public static final long CONTEXT_MIN = Facts.get("ALLOCSET_DEFAULT_MINSIZE");
    public static final long CONTEXT_INIT = Facts.get("ALLOCSET_DEFAULT_INITSIZE");
    public static final long CONTEXT_MAX = Facts.get("ALLOCSET_DEFAULT_MAXSIZE");

    static {
        if (Facts.get("sizeof.Oid") != 4 || Facts.get("sizeof.bool") != 1) {
            throw new IllegalStateException("pgj expects a 4-byte Oid and a 1-byte bool");
        }
    }

    public static int readInt(long address) {
        return ALL.get(JAVA_INT, address);
    }

    public static boolean readBool(long address) {
        return ALL.get(JAVA_BYTE, address) != 0;
    }

    /** Names of SPI's result codes by code + 64 (they run from about -13 to 18), read once each. */
    private static final String[] CODE_NAMES = new String[128];

    /** SPI's name of a result code, e.g. {@code SPI_ERROR_TRANSACTION}. */
    public static String resultCodeName(int code) {
        if (code < -64 || code >= 64) {
            return Native.readCString(resultCodeString(code));
        }
        String name = CODE_NAMES[code + 64];
        if (name == null) {
            name = Native.readCString(resultCodeString(code));
            CODE_NAMES[code + 64] = name;
        }
        return name;
    }

    /** What a statement returned, as SpiResult.status() says it: SPI_OK_INSERT_RETURNING is INSERT_RETURNING. */
    public static String status(int code) {
        String name = resultCodeName(code);
        return name.startsWith("SPI_OK_") ? name.substring(7) : name;
    }

    /** SPI_connect (nonatomic when the innermost pgj call may end transactions); the connection's cell. */
    @CFunction("PgjCell *pgj_spi_connect(void)")
    public static long spiConnect() {
        return Guard.call(CONNECT);
    }

    /** Runs the statement; SPI's result code (negative: an SPI error), the rows in the request. */
    @CFunction("int32 pgj_spi_execute(PgjSpiRequest *)")
    public static int spiExecute(long request) {
        return (int) Guard.call(EXECUTE, request);
    }

    /** Opens a cursor for the request; its portal. */
    @CFunction("Portal pgj_spi_open_cursor(PgjSpiRequest *)")
    public static long spiOpenCursor(long request) {
        return Guard.call(OPEN_CURSOR, request);
    }

    /** Up to {@code count} rows of a cursor, in {@code memory}; 0 when it returned none. */
    @CFunction("PgjSpiRows *pgj_spi_fetch(Portal, int64, MemoryContext)")
    public static long spiFetch(long portal, long count, long memory) {
        return Guard.call(FETCH, portal, count, memory);
    }

    /** A new liveness cell watching a memory context (a plan's, a portal's). */
    @CFunction("PgjCell *pgj_track(MemoryContext)")
    public static long track(long context) {
        return Guard.call(TRACK, context);
    }

    /** The OID of a type named as in SQL ("int4", "character varying(10)", "myschema.t[]"). */
    @CFunction("Oid pgj_type_oid(const char *)")
    public static int typeOid(long name) {
        return (int) Guard.call(TYPE_OID, name);
    }

    /** COMMIT or ROLLBACK, chained or not, from the innermost (nonatomic) connection. */
    @CFunction("void pgj_spi_end_transaction(bool, bool)")
    public static void spiEndTransaction(boolean commit, boolean chain) {
        Guard.call(END_TRANSACTION, commit ? 1 : 0, chain ? 1 : 0);
    }

    @CFunction(value = "int SPI_finish(void)", header = "executor/spi.h")
    public static int spiFinish() {
        return (int) Guard.call(FINISH);
    }

    /** A plan, or 0 with the reason in SPI_result. */
    @CFunction(value = "SPIPlanPtr SPI_prepare(const char *, int, Oid *)", header = "executor/spi.h")
    public static long spiPrepare(long sql, int nargs, long types) {
        return Guard.call(PREPARE, sql, nargs, types);
    }

    @CFunction(value = "int SPI_keepplan(SPIPlanPtr)", header = "executor/spi.h")
    public static int spiKeepplan(long plan) {
        return (int) Guard.call(KEEP_PLAN, plan);
    }

    @CFunction(value = "int SPI_freeplan(SPIPlanPtr)", header = "executor/spi.h")
    public static int spiFreeplan(long plan) {
        return (int) Guard.call(FREE_PLAN, plan);
    }

    /** The open cursor of that name; 0 for none. */
    @CFunction(value = "Portal SPI_cursor_find(const char *)", header = "executor/spi.h")
    public static long spiCursorFind(long name) {
        return Guard.call(CURSOR_FIND, name);
    }

    @CFunction(value = "void SPI_cursor_close(Portal)", header = "executor/spi.h")
    public static void spiCursorClose(long portal) {
        Guard.call(CURSOR_CLOSE, portal);
    }

    @CFunction(value = "const char *SPI_result_code_string(int)", header = "executor/spi.h")
    private static long resultCodeString(int code) {
        return Guard.call(RESULT_CODE_STRING, code);
    }

    /** AllocSetContextCreate's function: a memory context under {@code parent}. */
    @CFunction(value = "MemoryContext AllocSetContextCreateInternal(MemoryContext, const char *, Size, Size, Size)",
            header = "utils/memutils.h")
    public static long allocSetContextCreate(long parent, long name, long minSize, long initSize, long maxSize) {
        return Guard.call(CREATE_CONTEXT, parent, name, minSize, initSize, maxSize);
    }

    /** Never reports an error, and must run even after one: not guarded. */
    @CFunction(value = "void MemoryContextReset(MemoryContext)", header = "utils/memutils.h", call = CFunction.Call.DIRECT)
    public static void memoryContextReset(long context) {
        Native.direct(RESET_CONTEXT, context);
    }

    @CFunction(value = "const char *quote_identifier(const char *)", header = "utils/builtins.h")
    public static long quoteIdentifier(long identifier) {
        return Guard.call(QUOTE_IDENTIFIER, identifier);
    }

    @CFunction(value = "char *quote_qualified_identifier(const char *, const char *)", header = "utils/builtins.h")
    public static long quoteQualifiedIdentifier(long qualifier, long identifier) {
        return Guard.call(QUOTE_QUALIFIED_IDENTIFIER, qualifier, identifier);
    }

    @CFunction(value = "char *quote_literal_cstr(const char *)", header = "utils/builtins.h")
    public static long quoteLiteral(long literal) {
        return Guard.call(QUOTE_LITERAL, literal);
    }
}

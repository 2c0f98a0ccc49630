package org.pgj.spi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.pgj.internal.nativecall.Native.ALL;

import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * What org.pgj.spi needs from the native runtime (spi.c) and the server: function addresses,
 * struct offsets and constants, all from the facts table. A holder class, so a backend that
 * never runs SQL from Java never reads them.
 */
final class SpiNative {
    private SpiNative() {
    }

    // pgj's helpers (spi.c), all with the guard's signature
    static final long CONNECT = Facts.get("fn.pgj_spi_connect");
    static final long EXECUTE = Facts.get("fn.pgj_spi_execute");
    static final long OPEN_CURSOR = Facts.get("fn.pgj_spi_open_cursor");
    static final long FETCH = Facts.get("fn.pgj_spi_fetch");
    static final long TRACK = Facts.get("fn.pgj_track");
    static final long TYPE_OID = Facts.get("fn.pgj_type_oid");
    static final long END_TRANSACTION = Facts.get("fn.pgj_spi_end_transaction");

    // SPI and other server functions
    static final long FINISH = Facts.get("fn.SPI_finish");
    static final long PREPARE = Facts.get("fn.SPI_prepare");
    static final long KEEP_PLAN = Facts.get("fn.SPI_keepplan");
    static final long FREE_PLAN = Facts.get("fn.SPI_freeplan");
    static final long CURSOR_FIND = Facts.get("fn.SPI_cursor_find");
    static final long CURSOR_CLOSE = Facts.get("fn.SPI_cursor_close");
    static final long RESULT_CODE_STRING = Facts.get("fn.SPI_result_code_string");
    static final long CREATE_CONTEXT = Facts.get("fn.AllocSetContextCreateInternal");
    static final long RESET_CONTEXT = Facts.get("fn.MemoryContextReset");
    static final long QUOTE_IDENTIFIER = Facts.get("fn.quote_identifier");
    static final long QUOTE_QUALIFIED_IDENTIFIER = Facts.get("fn.quote_qualified_identifier");
    static final long QUOTE_LITERAL = Facts.get("fn.quote_literal_cstr");

    // globals
    static final long SPI_PROCESSED = Facts.get("addr.SPI_processed");
    static final long SPI_RESULT = Facts.get("addr.SPI_result");
    static final long TOP_MEMORY_CONTEXT = Facts.get("addr.TopMemoryContext");
    static final long CURRENT_MEMORY_CONTEXT = Facts.get("addr.CurrentMemoryContext");

    // layouts
    static final long ROWS_ROWS = Facts.get("PgjSpiRows.rows");
    static final long ROWS_NATTS = Facts.get("PgjSpiRows.natts");
    static final long ROWS_BYTES = Facts.get("PgjSpiRows.bytes");
    static final long ROWS_VALUES = Facts.get("PgjSpiRows.values");
    static final long ROWS_NULLS = Facts.get("PgjSpiRows.nulls");
    static final long ROWS_COLUMNS = Facts.get("PgjSpiRows.columns");
    static final long COLUMN_SIZE = Facts.get("sizeof.PgjSpiColumn");
    static final long COLUMN_TYPE = Facts.get("PgjSpiColumn.type");
    static final long COLUMN_BYVAL = Facts.get("PgjSpiColumn.byval");
    static final long COLUMN_NAME = Facts.get("PgjSpiColumn.name");
    static final long PORTAL_NAME = Facts.get("PortalData.name");
    static final long PORTAL_CONTEXT = Facts.get("PortalData.portalContext");
    static final long PLAN_CONTEXT = Facts.get("_SPI_plan.plancxt");
    static final long CELL_SERIAL = Facts.get("PgjCell.serial");
    static final long CELL_NONATOMIC = Facts.get("PgjCell.nonatomic");
    static final long REQUEST_SQL = Facts.get("PgjSpiRequest.sql");
    static final long REQUEST_PLAN = Facts.get("PgjSpiRequest.plan");
    static final long REQUEST_CURSOR_NAME = Facts.get("PgjSpiRequest.cursor_name");
    static final long REQUEST_NARGS = Facts.get("PgjSpiRequest.nargs");
    static final long REQUEST_FLAGS = Facts.get("PgjSpiRequest.flags");
    static final long REQUEST_TYPES = Facts.get("PgjSpiRequest.types");
    static final long REQUEST_VALUES = Facts.get("PgjSpiRequest.values");
    static final long REQUEST_NULLS = Facts.get("PgjSpiRequest.nulls");
    static final long REQUEST_MEMORY = Facts.get("PgjSpiRequest.memory");
    static final long REQUEST_ROWS = Facts.get("PgjSpiRequest.rows");
    static final long REQUEST_SIZE = Facts.get("sizeof.PgjSpiRequest");
    static final long OID_SIZE = Facts.get("sizeof.Oid");

    // constants
    static final int READ_ONLY = Facts.getInt("PGJ_SPI_READ_ONLY");
    static final int INFER_TYPES = Facts.getInt("PGJ_SPI_INFER_TYPES");
    static final int KEEP_ROWS = Facts.getInt("PGJ_SPI_KEEP_ROWS");
    static final int FIRST_ROW = Facts.getInt("PGJ_SPI_FIRST_ROW");
    static final int UNKNOWN_OID = Facts.getInt("UNKNOWNOID");
    static final long CONTEXT_MIN = Facts.get("ALLOCSET_DEFAULT_MINSIZE");
    static final long CONTEXT_INIT = Facts.get("ALLOCSET_DEFAULT_INITSIZE");
    static final long CONTEXT_MAX = Facts.get("ALLOCSET_DEFAULT_MAXSIZE");

    static {
        if (Facts.get("sizeof.Oid") != 4 || Facts.get("sizeof.bool") != 1) {
            throw new IllegalStateException("pgj expects a 4-byte Oid and a 1-byte bool");
        }
    }

    static int readInt(long address) {
        return ALL.get(JAVA_INT, address);
    }

    static boolean readBool(long address) {
        return ALL.get(JAVA_BYTE, address) != 0;
    }

    /** Names of SPI's result codes by code + 64 (they run from about -13 to 18), read once each. */
    private static final String[] CODE_NAMES = new String[128];

    /** SPI's name of a result code, e.g. {@code SPI_ERROR_TRANSACTION}. */
    static String resultCodeName(int code) {
        if (code < -64 || code >= 64) {
            return Native.readCString(Guard.call(RESULT_CODE_STRING, code));
        }
        String name = CODE_NAMES[code + 64];
        if (name == null) {
            name = Native.readCString(Guard.call(RESULT_CODE_STRING, code));
            CODE_NAMES[code + 64] = name;
        }
        return name;
    }

    /** What a statement returned, as SpiResult.status() says it: SPI_OK_INSERT_RETURNING is INSERT_RETURNING. */
    static String status(int code) {
        String name = resultCodeName(code);
        return name.startsWith("SPI_OK_") ? name.substring(7) : name;
    }
}

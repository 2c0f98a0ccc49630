package org.pgj.internal.triggers;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.pgj.internal.nativecall.Native.ALL;

import java.util.ArrayDeque;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;

/**
 * Makes the transition tables of a running trigger ({@code REFERENCING NEW TABLE AS ...})
 * visible to the SQL it runs: each SPI connection scope the trigger function opens gets them
 * registered (SPI_register_trigger_data), as PL/pgSQL does for its one connection. Scopes
 * opened by functions the trigger's SQL calls are one level deeper and do not.
 */
public final class TransitionTables {
    private static final long OLD_TABLE = Facts.get("TriggerData.tg_oldtable");
    private static final long NEW_TABLE = Facts.get("TriggerData.tg_newtable");
    private static final long SPI_DEPTH = Facts.get("addr.pgj_spi_depth");
    private static final long REGISTER = Facts.get("fn.SPI_register_trigger_data");
    private static final int REGISTERED = Facts.getInt("SPI_OK_TD_REGISTER");

    /** Running trigger calls that have transition tables, innermost first, with the SPI depth they started at. */
    private static final ArrayDeque<Running> RUNNING = new ArrayDeque<>();

    private record Running(TriggerCall call, int depth) {
    }

    private TransitionTables() {
    }

    static void enter(TriggerCall call) {
        if (ALL.get(JAVA_LONG, call.data + OLD_TABLE) != 0 || ALL.get(JAVA_LONG, call.data + NEW_TABLE) != 0) {
            RUNNING.push(new Running(call, depth()));
        }
    }

    static void exit(TriggerCall call) {
        RUNNING.removeIf(r -> r.call == call);
    }

    /** Called by {@link org.pgj.spi.SpiConnection} right after {@code SPI_connect}. */
    public static void connected() {
        Running top = RUNNING.peek();
        if (top == null || depth() != top.depth + 1) {
            return;
        }
        int rc = registerTriggerData(top.call.data);
        if (rc != REGISTERED) {
            throw new PgException(SqlState.INTERNAL_ERROR, "SPI_register_trigger_data failed with code " + rc);
        }
    }

    @CFunction(value = "int SPI_register_trigger_data(TriggerData *)", header = "executor/spi.h")
    private static int registerTriggerData(long data) {
        return (int) Guard.call(REGISTER, data);
    }

    private static int depth() {
        return ALL.get(JAVA_INT, SPI_DEPTH);
    }
}

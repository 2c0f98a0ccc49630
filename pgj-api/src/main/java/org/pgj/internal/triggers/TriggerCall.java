package org.pgj.internal.triggers;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.pgj.internal.nativecall.Native.ALL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.datum.Conversions;
import org.pgj.internal.datum.TypeMapping;
import org.pgj.internal.datum.Varlena;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.nativecall.ServerNames;
import org.pgj.triggers.Trigger;
import org.pgj.triggers.TriggerEvent;
import org.pgj.triggers.TriggerLevel;
import org.pgj.triggers.TriggerRow;
import org.pgj.triggers.TriggerWhen;
import org.pgj.types.Oid;

/**
 * One call of a trigger function: the TriggerData that {@code fcinfo->context} points to, read
 * with offsets from facts.c. Its rows live until the call returns; the memory behind them is the
 * trigger manager's, which the executor resets after the row.
 */
final class TriggerCall implements Trigger {
    private static final long FC_CONTEXT = Facts.get("FunctionCallInfoBaseData.context");
    private static final long TD_EVENT = Facts.get("TriggerData.tg_event");
    private static final long TD_RELATION = Facts.get("TriggerData.tg_relation");
    private static final long TD_TRIGTUPLE = Facts.get("TriggerData.tg_trigtuple");
    private static final long TD_NEWTUPLE = Facts.get("TriggerData.tg_newtuple");
    private static final long TD_TRIGGER = Facts.get("TriggerData.tg_trigger");
    private static final long TG_NAME = Facts.get("Trigger.tgname");
    private static final long TG_NARGS = Facts.get("Trigger.tgnargs");
    private static final long TG_ARGS = Facts.get("Trigger.tgargs");
    private static final long TG_OLD_TABLE = Facts.get("Trigger.tgoldtable");
    private static final long TG_NEW_TABLE = Facts.get("Trigger.tgnewtable");
    private static final long REL_ID = Facts.get("RelationData.rd_id");
    private static final long REL_FORM = Facts.get("RelationData.rd_rel");
    private static final long REL_DESC = Facts.get("RelationData.rd_att");
    private static final long CLASS_NAME = Facts.get("FormData_pg_class.relname");
    private static final long CLASS_NAMESPACE = Facts.get("FormData_pg_class.relnamespace");
    private static final int OP_MASK = Facts.getInt("TRIGGER_EVENT_OPMASK");
    private static final int OP_INSERT = Facts.getInt("TRIGGER_EVENT_INSERT");
    private static final int OP_DELETE = Facts.getInt("TRIGGER_EVENT_DELETE");
    private static final int OP_UPDATE = Facts.getInt("TRIGGER_EVENT_UPDATE");
    private static final int ROW_FLAG = Facts.getInt("TRIGGER_EVENT_ROW");
    private static final int TIMING_MASK = Facts.getInt("TRIGGER_EVENT_TIMINGMASK");
    private static final int TIMING_BEFORE = Facts.getInt("TRIGGER_EVENT_BEFORE");
    private static final int TIMING_INSTEAD = Facts.getInt("TRIGGER_EVENT_INSTEAD");
    private static final int TIMING_AFTER = Facts.getInt("TRIGGER_EVENT_AFTER");
    private static final long CURRENT_MEMORY_CONTEXT = Facts.get("addr.CurrentMemoryContext");

    static {
        if (Facts.get("sizeof.TriggerEvent") != 4) {
            throw new IllegalStateException("pgj expects a 4-byte TriggerEvent");
        }
    }

    final TriggerFunction function;
    /** TriggerData* */
    final long data;
    private final long trigger;
    private final long relation;
    private final int event;
    /** The memory context the trigger manager called in: returned tuples and set values live there. */
    private final long memory;
    private boolean live = true;
    private TableColumns columns;
    private TableRow oldRow;
    private TableRow newRow;

    TriggerCall(TriggerFunction function, long fcinfo) {
        this.function = function;
        this.data = ALL.get(JAVA_LONG, fcinfo + FC_CONTEXT);
        this.trigger = ALL.get(JAVA_LONG, data + TD_TRIGGER);
        this.relation = ALL.get(JAVA_LONG, data + TD_RELATION);
        this.event = ALL.get(JAVA_INT, data + TD_EVENT);
        this.memory = ALL.get(JAVA_LONG, CURRENT_MEMORY_CONTEXT);
    }

    @Override
    public String name() {
        checkLive();
        return ServerEncoding.readCString(ALL.get(JAVA_LONG, trigger + TG_NAME));
    }

    @Override
    public String tableName() {
        checkLive();
        return ServerEncoding.readCString(ALL.get(JAVA_LONG, relation + REL_FORM) + CLASS_NAME);
    }

    @Override
    public String tableSchema() {
        checkLive();
        int namespace = ALL.get(JAVA_INT, ALL.get(JAVA_LONG, relation + REL_FORM) + CLASS_NAMESPACE);
        return inCallMemory(() -> ServerNames.getNamespaceName(namespace));
    }

    @Override
    public Oid relationId() {
        checkLive();
        return new Oid(Integer.toUnsignedLong(ALL.get(JAVA_INT, relation + REL_ID)));
    }

    @Override
    public TriggerWhen when() {
        checkLive();
        int timing = event & TIMING_MASK;
        return timing == TIMING_BEFORE ? TriggerWhen.BEFORE : timing == TIMING_INSTEAD ? TriggerWhen.INSTEAD_OF : TriggerWhen.AFTER;
    }

    @Override
    public TriggerLevel level() {
        checkLive();
        return (event & ROW_FLAG) != 0 ? TriggerLevel.ROW : TriggerLevel.STATEMENT;
    }

    @Override
    public TriggerEvent event() {
        checkLive();
        int op = event & OP_MASK;
        return op == OP_INSERT ? TriggerEvent.INSERT : op == OP_UPDATE ? TriggerEvent.UPDATE
                : op == OP_DELETE ? TriggerEvent.DELETE : TriggerEvent.TRUNCATE;
    }

    @Override
    public List<String> arguments() {
        checkLive();
        int count = ALL.get(JAVA_SHORT, trigger + TG_NARGS);
        long args = ALL.get(JAVA_LONG, trigger + TG_ARGS);
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(ServerEncoding.readCString(ALL.get(JAVA_LONG, args + 8L * i)));
        }
        return List.copyOf(list);
    }

    @Override
    public TriggerRow oldRow() {
        checkLive();
        TriggerEvent op = event();
        if (oldRow == null && level() == TriggerLevel.ROW && (op == TriggerEvent.UPDATE || op == TriggerEvent.DELETE)) {
            oldRow = TableRow.of(this, ALL.get(JAVA_LONG, data + TD_TRIGTUPLE));
        }
        return oldRow;
    }

    @Override
    public TriggerRow newRow() {
        checkLive();
        TriggerEvent op = event();
        if (newRow == null && level() == TriggerLevel.ROW && (op == TriggerEvent.INSERT || op == TriggerEvent.UPDATE)) {
            newRow = TableRow.of(this, ALL.get(JAVA_LONG, data + (op == TriggerEvent.UPDATE ? TD_NEWTUPLE : TD_TRIGTUPLE)));
        }
        return newRow;
    }

    @Override
    public Optional<String> oldTableName() {
        checkLive();
        return Optional.ofNullable(ServerEncoding.readCString(ALL.get(JAVA_LONG, trigger + TG_OLD_TABLE)));
    }

    @Override
    public Optional<String> newTableName() {
        checkLive();
        return Optional.ofNullable(ServerEncoding.readCString(ALL.get(JAVA_LONG, trigger + TG_NEW_TABLE)));
    }

    @Override
    public String toString() {
        return live ? "trigger " + name() + " " + when() + " " + event() + " FOR EACH " + level() + " on " + tableName()
                : "a trigger call that has returned";
    }

    /** Whether the server uses what the trigger returns: row-level BEFORE and INSTEAD OF triggers. */
    boolean resultMatters() {
        return (event & ROW_FLAG) != 0 && (event & TIMING_MASK) != TIMING_AFTER;
    }

    /**
     * The HeapTuple for what the method returned: the row, a record's row, 0 to skip the
     * operation; for a void method, the row the operation would go on with.
     */
    long result(Object returned, boolean isVoid) {
        if (!resultMatters()) {
            return 0;
        }
        if (isVoid) {
            return ALL.get(JAVA_LONG, data + (event() == TriggerEvent.UPDATE ? TD_NEWTUPLE : TD_TRIGTUPLE));
        }
        return switch (returned) {
            case null -> 0;
            case TableRow row when row.call == this -> row.heapTuple();
            case TableRow row -> throw new PgException(SqlState.DATATYPE_MISMATCH, "trigger " + name() + " on "
                    + tableName() + " returned a row of another trigger call", null,
                    "Return trigger.newRow() or trigger.oldRow() of this call, or a record.");
            case Record record -> TableRow.ofComposite(this, inCallMemory(() -> toComposite(record))).heapTuple();
            default -> throw new PgException(SqlState.DATATYPE_MISMATCH, "trigger " + name() + " returned a "
                    + returned.getClass().getName() + ", which is not a row");
        };
    }

    /** The record as a composite Datum of the table's row type, in the current memory context. */
    private long toComposite(Record record) {
        return Conversions.write(recordMapping(record.getClass()), record);
    }

    /** How a record maps to this table's row type, or 42804 when it does not fit. */
    TypeMapping recordMapping(Class<?> type) {
        return function.recordMapping(type, columns(), tableName());
    }

    TableColumns columns() {
        if (columns == null) {
            columns = new TableColumns(ALL.get(JAVA_LONG, relation + REL_DESC), tableName());
        }
        return columns;
    }

    String typeName(int type) {
        return inCallMemory(() -> ServerNames.formatTypeBe(type));
    }

    /** palloc in the trigger manager's memory, which the executor resets after the row: cheaper than an arena per call. */
    long allocate(long bytes) {
        return inCallMemory(() -> Varlena.palloc(bytes));
    }

    /** Runs {@code action} with the trigger manager's memory context current. */
    long inCallMemory(LongSupplier action) {
        long previous = ALL.get(JAVA_LONG, CURRENT_MEMORY_CONTEXT);
        ALL.set(JAVA_LONG, CURRENT_MEMORY_CONTEXT, memory);
        try {
            return action.getAsLong();
        } finally {
            ALL.set(JAVA_LONG, CURRENT_MEMORY_CONTEXT, previous);
        }
    }

    /** The same for a name the server pallocs and Java reads at once. */
    private String inCallMemory(Supplier<String> name) {
        String[] read = new String[1];
        inCallMemory(() -> {
            read[0] = name.get();
            return 0;
        });
        return read[0];
    }

    void checkLive() {
        Backend.checkThread();
        if (!live) {
            throw new IllegalStateException("this trigger call has returned: a Trigger and its rows are valid only"
                    + " during the call of the trigger function");
        }
    }

    void end() {
        live = false;
    }
}

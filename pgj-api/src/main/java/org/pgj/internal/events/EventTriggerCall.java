package org.pgj.internal.events;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pgj.events.EventTrigger;
import org.pgj.events.EventTriggerEvent;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiRow;

/**
 * One call of an event trigger function: the EventTriggerData that {@code fcinfo->context}
 * points to. What the command did comes from the server's own functions for event triggers
 * ({@code pg_event_trigger_ddl_commands()} and the others), through SPI, so it is what a
 * PL/pgSQL event trigger sees.
 */
final class EventTriggerCall implements EventTrigger {
    private static final long FC_CONTEXT = Facts.get("FunctionCallInfoBaseData.context");
    private static final long EVENT = Facts.get("EventTriggerData.event");
    private static final long TAG = Facts.get("EventTriggerData.tag");
    private static final long TAG_NAME = Facts.get("fn.GetCommandTagName");

    private final EventTriggerEvent event;
    private final String tag;
    private boolean ended;

    EventTriggerCall(long fcinfo) {
        long data = Native.readLong(fcinfo + FC_CONTEXT);
        event = EventTriggerEvent.valueOf(Native.readCString(Native.readLong(data + EVENT)).toUpperCase(Locale.ROOT));
        tag = Native.readCString(commandTagName(Native.ALL.get(JAVA_INT, data + TAG)));
    }

    @CFunction(value = "const char *GetCommandTagName(CommandTag)", header = "tcop/cmdtag.h")
    private static long commandTagName(int tag) {
        return Guard.call(TAG_NAME, tag);
    }

    void end() {
        ended = true;
    }

    private void check(EventTriggerEvent expected, String what) {
        if (ended) {
            throw new IllegalStateException("an EventTrigger is valid only while its trigger function runs");
        }
        if (event != expected) {
            throw new IllegalStateException(what + " are known only to a " + expected.sqlName() + " event trigger, not at "
                    + event.sqlName());
        }
    }

    @Override
    public EventTriggerEvent event() {
        return event;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public List<DdlCommand> commands() {
        check(EventTriggerEvent.DDL_COMMAND_END, "the commands");
        List<DdlCommand> commands = new ArrayList<>();
        try (SpiConnection spi = Spi.connect()) {
            for (SpiRow r : spi.select("SELECT command_tag, object_type, schema_name, object_identity, in_extension"
                    + " FROM pg_catalog.pg_event_trigger_ddl_commands()")) {
                commands.add(new DdlCommand(r.getString(1), r.getString(2), Optional.ofNullable(r.getString(3)),
                        r.getString(4), r.getBoolean(5)));
            }
        }
        return List.copyOf(commands);
    }

    @Override
    public List<DroppedObject> droppedObjects() {
        check(EventTriggerEvent.SQL_DROP, "the dropped objects");
        List<DroppedObject> dropped = new ArrayList<>();
        try (SpiConnection spi = Spi.connect()) {
            for (SpiRow r : spi.select("SELECT object_type, schema_name, object_name, object_identity, original, normal,"
                    + " is_temporary FROM pg_catalog.pg_event_trigger_dropped_objects()")) {
                dropped.add(new DroppedObject(r.getString(1), Optional.ofNullable(r.getString(2)),
                        Optional.ofNullable(r.getString(3)), r.getString(4), r.getBoolean(5), r.getBoolean(6),
                        r.getBoolean(7)));
            }
        }
        return List.copyOf(dropped);
    }

    @Override
    public String rewrittenTable() {
        check(EventTriggerEvent.TABLE_REWRITE, "the rewritten table");
        return Spi.getOne("SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.oid = pg_catalog.pg_event_trigger_table_rewrite_oid()", String.class).orElseThrow();
    }

    @Override
    public int rewriteReason() {
        check(EventTriggerEvent.TABLE_REWRITE, "the rewrite reason");
        return Spi.getOne("SELECT pg_catalog.pg_event_trigger_table_rewrite_reason()", Integer.class).orElseThrow();
    }
}

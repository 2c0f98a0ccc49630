package org.pgj.events;

import java.util.List;
import java.util.Optional;

/**
 * What an event trigger is called for: the event, the command's tag, and what the command did.
 * Valid only while the trigger function runs.
 */
public interface EventTrigger {
    EventTriggerEvent event();

    /** The command tag, e.g. {@code CREATE TABLE}. */
    String tag();

    /**
     * The commands a {@code ddl_command_end} trigger's statement ran
     * ({@code pg_event_trigger_ddl_commands()}); IllegalStateException at other events.
     */
    List<DdlCommand> commands();

    /** The objects a {@code sql_drop} trigger's statement dropped ({@code pg_event_trigger_dropped_objects()}). */
    List<DroppedObject> droppedObjects();

    /** The table a {@code table_rewrite} trigger's statement is about to rewrite, schema-qualified and quoted as needed ({@code public.t}). */
    String rewrittenTable();

    /** Why the table is rewritten ({@code pg_event_trigger_table_rewrite_reason()}: a bit mask). */
    int rewriteReason();

    /** One row of {@code pg_event_trigger_ddl_commands()}. */
    record DdlCommand(String commandTag, String objectType, Optional<String> schemaName, String objectIdentity,
            boolean inExtension) {
    }

    /** One row of {@code pg_event_trigger_dropped_objects()}. */
    record DroppedObject(String objectType, Optional<String> schemaName, Optional<String> objectName,
            String objectIdentity, boolean original, boolean normal, boolean temporary) {
    }
}

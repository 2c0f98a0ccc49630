package org.pgj.events;

/** The events an event trigger fires on ({@code CREATE EVENT TRIGGER name ON event}). */
public enum EventTriggerEvent {
    /** Before a DDL command runs. */
    DDL_COMMAND_START,
    /** After a DDL command ran, in its transaction: {@link EventTrigger#commands()} says what it did. */
    DDL_COMMAND_END,
    /** After a command dropped objects: {@link EventTrigger#droppedObjects()} lists them. */
    SQL_DROP,
    /** Before a table is rewritten ({@code ALTER TABLE ... TYPE}, ...): {@link EventTrigger#rewrittenTable()}. */
    TABLE_REWRITE;

    /** The event's name in SQL, e.g. {@code ddl_command_end}. */
    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

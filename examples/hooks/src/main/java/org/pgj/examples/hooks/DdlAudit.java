package org.pgj.examples.hooks;

import java.util.ArrayList;
import java.util.List;
import org.pgj.Pg;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.events.EventTrigger;
import org.pgj.events.EventTriggerEvent;
import org.pgj.events.PgEventTrigger;
import org.pgj.functions.PgFunction;
import org.pgj.guc.Gucs;

/** Event triggers: what DDL ran, what it dropped and rewrote, and a refusal to drop tables named kept_*. */
public final class DdlAudit {
    /** This backend's notes, oldest first. */
    private static final List<String> NOTES = new ArrayList<>();

    private DdlAudit() {
    }

    @PgEventTrigger(event = EventTriggerEvent.DDL_COMMAND_START, tags = {"CREATE TABLE", "DROP TABLE", "ALTER TABLE"})
    public static void ddlStarts(EventTrigger trigger) {
        while (Gucs.of(AuditSettings.class).holdDdl()) {
            Pg.checkForInterrupts();
        }
        NOTES.add("start " + trigger.tag());
    }

    @PgEventTrigger(event = EventTriggerEvent.DDL_COMMAND_END)
    public static void ddlEnds(EventTrigger trigger) {
        for (EventTrigger.DdlCommand command : trigger.commands()) {
            NOTES.add("end " + command.commandTag() + " " + command.objectType() + " " + command.objectIdentity());
        }
    }

    @PgEventTrigger(event = EventTriggerEvent.SQL_DROP)
    public static void dropped(EventTrigger trigger) {
        for (EventTrigger.DroppedObject object : trigger.droppedObjects()) {
            if (object.original() && object.objectType().equals("table")
                    && object.objectName().orElse("").startsWith("kept_")) {
                throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "table " + object.objectIdentity() + " is kept");
            }
            if (object.original()) {
                NOTES.add("dropped " + object.objectType() + " " + object.objectIdentity());
            }
        }
    }

    @PgEventTrigger(event = EventTriggerEvent.TABLE_REWRITE, name = "table_rewritten")
    public static void rewritten(EventTrigger trigger) {
        NOTES.add("rewrite " + trigger.rewrittenTable() + " reason " + trigger.rewriteReason());
    }

    /** The notes so far, which it then forgets. */
    @PgFunction
    public static String[] ddlNotes() {
        String[] notes = NOTES.toArray(String[]::new);
        NOTES.clear();
        return notes;
    }
}

package org.pgj.examples.triggers;

import org.pgj.spi.Spi;
import org.pgj.triggers.PgTrigger;
import org.pgj.triggers.Trigger;
import org.pgj.triggers.TriggerRow;

/**
 * INSTEAD OF triggers make a view writable: the trigger does the work on the table below and
 * returns the row to say it did (null: nothing done for this row).
 */
public final class Views {
    private Views() {
    }

    /**
     * INSTEAD OF INSERT OR UPDATE OR DELETE on a view (id, label) of a table (id, name) named by
     * the trigger's argument: writes the table, and labels are stored upper-cased.
     */
    @PgTrigger
    public static TriggerRow writeThrough(Trigger trigger) {
        String table = Spi.quoteIdentifier(trigger.arguments().getFirst());
        switch (trigger.event()) {
            case INSERT -> {
                TriggerRow row = trigger.newRow();
                Spi.run("INSERT INTO " + table + " (id, name) VALUES ($1, upper($2))", row.getInt("id"), row.getString("label"));
                return row;
            }
            case UPDATE -> {
                long n = Spi.run("UPDATE " + table + " SET name = upper($2) WHERE id = $1",
                        trigger.oldRow().getInt("id"), trigger.newRow().getString("label"));
                return n == 0 ? null : trigger.newRow();
            }
            default -> {
                long n = Spi.run("DELETE FROM " + table + " WHERE id = $1", trigger.oldRow().getInt("id"));
                return n == 0 ? null : trigger.oldRow();
            }
        }
    }
}

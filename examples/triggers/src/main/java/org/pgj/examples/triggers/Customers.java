package org.pgj.examples.triggers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.pgj.functions.ExtensionSql;
import org.pgj.triggers.PgTrigger;
import org.pgj.triggers.Trigger;
import org.pgj.triggers.TriggerEvent;
import org.pgj.triggers.TriggerRow;

/** Row-level BEFORE triggers: modify the new row, skip it, compare it with the old one. */
@ExtensionSql(name = "customers", position = ExtensionSql.Position.LAST, sql = """
        CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email text, updated_at timestamptz);
        CREATE TRIGGER customers_normalize BEFORE INSERT OR UPDATE ON customers
            FOR EACH ROW EXECUTE FUNCTION normalize_email();
        """)
public final class Customers {
    private Customers() {
    }

    /** BEFORE INSERT OR UPDATE: trims and lower-cases the email, and stamps updated_at. */
    @PgTrigger
    public static TriggerRow normalizeEmail(Trigger trigger) {
        TriggerRow row = trigger.newRow();
        String email = row.getString("email");
        if (email != null) {
            row.set("email", email.strip().toLowerCase(Locale.ROOT));
        }
        return row.set("updated_at", OffsetDateTime.now());
    }

    /** BEFORE INSERT: a row whose column (the trigger's first argument) is blank is not inserted. */
    @PgTrigger
    public static TriggerRow skipBlank(Trigger trigger) {
        TriggerRow row = trigger.newRow();
        String value = row.getString(trigger.arguments().getFirst());
        return value == null || value.isBlank() ? null : row;
    }

    /**
     * BEFORE UPDATE: a price may fall by at most the percentage given as the trigger's argument;
     * a larger drop is limited to it. NULL prices pass as they are.
     */
    @PgTrigger
    public static TriggerRow limitPriceDrop(Trigger trigger) {
        BigDecimal maxDrop = new BigDecimal(trigger.arguments().getFirst());
        BigDecimal before = trigger.oldRow().get("price", BigDecimal.class);
        BigDecimal after = trigger.newRow().get("price", BigDecimal.class);
        if (before == null || after == null) {
            return trigger.newRow();
        }
        BigDecimal floor = before.multiply(BigDecimal.valueOf(100).subtract(maxDrop)).movePointLeft(2);
        return after.compareTo(floor) < 0 ? trigger.newRow().set("price", floor) : trigger.newRow();
    }

    /** BEFORE DELETE: rows marked as kept (a true column named by the argument) are not deleted. */
    @PgTrigger
    public static TriggerRow protectKept(Trigger trigger) {
        Boolean kept = trigger.oldRow().get(trigger.arguments().getFirst(), Boolean.class);
        return Boolean.TRUE.equals(kept) ? null : trigger.oldRow();
    }

    /** BEFORE INSERT OR UPDATE: sets the columns named as the trigger's arguments to NULL. */
    @PgTrigger
    public static TriggerRow clearColumns(Trigger trigger) {
        TriggerRow row = trigger.newRow();
        trigger.arguments().forEach(column -> row.set(column, null));
        return row;
    }

    /** BEFORE INSERT, UPDATE or DELETE, changing nothing: a void trigger lets the row through unchanged. */
    @PgTrigger
    public static void passThrough(Trigger trigger) {
        TriggerRow row = trigger.event() == TriggerEvent.DELETE ? trigger.oldRow() : trigger.newRow();
        row.set(1, null); // not returned, so not applied
    }
}

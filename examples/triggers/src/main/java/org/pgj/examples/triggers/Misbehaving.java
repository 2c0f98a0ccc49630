package org.pgj.examples.triggers;

import java.util.Optional;
import org.pgj.spi.Spi;
import org.pgj.triggers.PgTrigger;
import org.pgj.triggers.Trigger;
import org.pgj.triggers.TriggerRow;

/** A BEFORE row trigger that breaks the rules its argument names: every way must be a clean SQL error. */
public final class Misbehaving {
    private static TriggerRow keptRow;
    private static Trigger keptTrigger;

    private Misbehaving() {
    }

    /** A record that fits no table of the tests: too few components. */
    public record Lonely(String only) {
    }

    /** A record of the right arity (id integer, name text) but with a component of the wrong type. */
    public record WrongTypes(int id, Optional<Integer> name) {
    }

    /** Breaks the rule its argument names, else returns the new row. */
    @PgTrigger
    public static TriggerRow misbehave(Trigger trigger) {
        TriggerRow row = trigger.newRow();
        switch (trigger.arguments().getFirst()) {
            case "unknown_column" -> row.set("no_such_column", 1);
            case "unknown_ordinal" -> row.get(99);
            case "wrong_java_type" -> row.set("id", 2.5);
            case "bad_text" -> row.set("id", "not a number");
            case "read_as_wrong_type" -> row.get("name", Integer.class);
            case "null_into_primitive" -> row.getInt("name_length");
            case "null_into_not_null" -> row.set("name", null);
            case "keep_row" -> keptRow = row;
            case "stale_row" -> {
                return keptRow;
            }
            case "keep_trigger" -> keptTrigger = trigger;
            case "stale_trigger" -> keptTrigger.name();
            case "throw" -> throw new IllegalStateException("the trigger refuses " + row.get("name"));
            case "leak_scope" -> {
                Spi.connect(); // left open: pgj closes it with a WARNING, and the row set meanwhile survives
                row.set("name", Spi.getOne("SELECT 'set in a leaked ' || $1", String.class, "scope").orElseThrow());
            }
            default -> {
            }
        }
        return row;
    }

    /** Returns a record that does not fit the table: {@code lonely} too few components, else one of the wrong type. */
    @PgTrigger
    public static Record wrongRecord(Trigger trigger) {
        return trigger.arguments().getFirst().equals("lonely") ? new Lonely("x") : new WrongTypes(1, Optional.of(2));
    }
}

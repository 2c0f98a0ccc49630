package org.pgj.examples.triggers;

import org.pgj.triggers.PgTrigger;
import org.pgj.triggers.Trigger;
import org.pgj.triggers.TriggerRow;

/** Reads and writes columns of many types, by name and by ordinal, with the type mappings of function arguments. */
public final class RoundTrips {
    private RoundTrips() {
    }

    /**
     * BEFORE INSERT: each argument {@code column:java.Type} reads the column as that Java type and
     * sets it back, {@code column} alone as its natural Java type, {@code #n} the n-th column;
     * {@code column=text} sets the column from its text form.
     */
    @PgTrigger
    public static TriggerRow roundTrip(Trigger trigger) throws ClassNotFoundException {
        TriggerRow row = trigger.newRow();
        for (String argument : trigger.arguments()) {
            if (argument.contains("=")) {
                String[] assignment = argument.split("=", 2);
                row.set(assignment[0], assignment[1]);
            } else if (argument.startsWith("#")) {
                int ordinal = Integer.parseInt(argument.substring(1));
                row.set(ordinal, row.get(ordinal));
            } else if (argument.contains(":")) {
                String[] typed = argument.split(":", 2);
                row.set(typed[0], row.get(typed[0], Class.forName(typed[1])));
            } else {
                row.set(argument, row.get(argument));
            }
        }
        return row;
    }
}

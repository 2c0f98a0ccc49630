package org.pgj.triggers;

import java.util.List;
import java.util.Optional;
import org.pgj.types.Oid;

/**
 * One firing of a trigger, as the trigger manager describes it: what fired it, on which table,
 * and the rows. Valid during the call of the trigger function only; using it or its rows later
 * throws {@link IllegalStateException}.
 *
 * <p>When the trigger declares transition tables ({@code REFERENCING NEW TABLE AS new_rows}),
 * SQL run through {@link org.pgj.spi.Spi} by the trigger function reads them by those names:
 * {@code SELECT count(*) FROM new_rows}.
 */
public interface Trigger {
    /** The trigger's name, as in {@code CREATE TRIGGER name}. */
    String name();

    /** The name of the table (or view) the trigger is on. */
    String tableName();

    /** The schema of that table. */
    String tableSchema();

    /** The OID of that table. */
    Oid relationId();

    TriggerWhen when();

    TriggerLevel level();

    TriggerEvent event();

    /** The arguments of {@code EXECUTE FUNCTION name(args)}, as strings; empty for none. */
    List<String> arguments();

    /**
     * The row before the operation: for {@code UPDATE} and {@code DELETE} row-level triggers;
     * null otherwise.
     */
    TriggerRow oldRow();

    /**
     * The row after the operation: for {@code INSERT} and {@code UPDATE} row-level triggers; null
     * otherwise. Return it, possibly modified, from a {@code BEFORE} trigger.
     */
    TriggerRow newRow();

    /** The name of the old transition table ({@code REFERENCING OLD TABLE AS name}), if any. */
    Optional<String> oldTableName();

    /** The name of the new transition table ({@code REFERENCING NEW TABLE AS name}), if any. */
    Optional<String> newTableName();
}

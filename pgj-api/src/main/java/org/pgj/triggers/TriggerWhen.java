package org.pgj.triggers;

/** When a trigger fires, relative to the operation: {@code CREATE TRIGGER ... BEFORE | AFTER | INSTEAD OF}. */
public enum TriggerWhen {
    BEFORE,
    AFTER,
    /** Instead of the operation, on a view: returning the row says the trigger did it. */
    INSTEAD_OF
}

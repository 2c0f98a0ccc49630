package org.pgj.triggers;

/** The operation that fired a trigger. */
public enum TriggerEvent {
    INSERT,
    UPDATE,
    DELETE,
    TRUNCATE
}

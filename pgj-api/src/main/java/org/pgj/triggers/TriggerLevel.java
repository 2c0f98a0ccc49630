package org.pgj.triggers;

/** Whether a trigger fires once per row or once per statement: {@code FOR EACH ROW | STATEMENT}. */
public enum TriggerLevel {
    ROW,
    STATEMENT
}

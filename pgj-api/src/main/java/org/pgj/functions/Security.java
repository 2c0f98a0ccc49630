package org.pgj.functions;

/** Whose privileges a function runs with. */
public enum Security {
    INVOKER,
    DEFINER
}

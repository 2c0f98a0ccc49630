package org.pgj.functions;

/** The planner's volatility category of a function. */
public enum Volatility {
    IMMUTABLE,
    STABLE,
    VOLATILE
}

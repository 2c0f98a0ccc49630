package org.pgj.functions;

/** Parallel safety of a function. */
public enum Parallel {
    SAFE,
    RESTRICTED,
    UNSAFE
}

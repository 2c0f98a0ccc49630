package org.pgj.functions;

/** Whether a function is called when an argument is NULL. */
public enum Strictness {
    /** STRICT unless a parameter can hold NULL (boxed, {@code Optional} or {@link Nullable}). */
    INFER,
    /** Always {@code STRICT}: NULL in any argument gives NULL without calling Java. */
    STRICT,
    /** Always {@code CALLED ON NULL INPUT}. */
    CALLED_ON_NULL_INPUT
}

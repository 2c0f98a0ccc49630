package org.pgj.indexes;

/**
 * What a GIN consistent function ({@link GinSupport.Role#CONSISTENT}) decides on: for each query
 * key, whether the indexed item has it. The row is rechecked with the operator unless the function
 * says {@code recheck(false)}: an answer from keys alone is then exact.
 *
 * @param <K> the Java type of the operator class's storage type
 */
public interface GinCheck<K> extends GinKeys<K> {
    /** Whether the item has key {@code i}. */
    boolean has(int i);

    /** Whether the server rechecks the row with the operator; true until set otherwise. */
    void recheck(boolean recheck);
}

package org.pgj.indexes;

/**
 * What a GIN tri-consistent function ({@link GinSupport.Role#TRI_CONSISTENT}) decides on: for each
 * query key, whether the item has it, does not, or may have it. Its answer {@link GinTernary#MAYBE}
 * has the row rechecked with the operator.
 *
 * @param <K> the Java type of the operator class's storage type
 */
public interface GinTriCheck<K> extends GinKeys<K> {
    /** Whether the item has key {@code i}: TRUE, FALSE or MAYBE. */
    GinTernary has(int i);
}

package org.pgj.indexes;

/**
 * The query's keys as a consistent function sees them: the strategy, and per key (from 0) the key,
 * whether it is a NULL key, and the extra data {@link GinQuery} attached to it. Valid only during
 * the call it was passed to.
 *
 * @param <K> the Java type of the operator class's storage type
 */
public interface GinKeys<K> {
    /** The operator's strategy number. */
    int strategy();

    /** How many keys {@code extractQuery} returned. */
    int keyCount();

    /** Key {@code i}, or null for a NULL key. */
    K key(int i);

    /** The extra data attached to key {@code i}, or null. */
    Object extra(int i);
}

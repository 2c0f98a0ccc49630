package org.pgj.indexes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a GIN {@code extractQuery} function returns: the keys to look up, each with whether it is a
 * partial match (then {@code comparePartial} decides which index keys match it) and extra data
 * for the consistent functions, and the search mode. The C function's {@code nkeys},
 * {@code pmatch}, {@code extra_data}, {@code nullFlags} and {@code searchMode} arguments, filled in
 * by pgj from it.
 *
 * <pre>{@code
 * List<String> words = words(query);
 * return words.isEmpty() ? GinQuery.all() : GinQuery.of(words);
 * }</pre>
 *
 * @param <K> the Java type of the operator class's storage type
 */
public final class GinQuery<K> {
    private final List<K> keys = new ArrayList<>();
    private final List<Boolean> partial = new ArrayList<>();
    private final List<Object> extras = new ArrayList<>();
    private GinSearchMode searchMode = GinSearchMode.DEFAULT;

    private GinQuery() {
    }

    /** No keys yet, in the {@link GinSearchMode#DEFAULT} mode: as is, it matches no row. */
    public static <K> GinQuery<K> empty() {
        return new GinQuery<>();
    }

    /** Exact matches of {@code keys} (a null element is a NULL key). */
    public static <K> GinQuery<K> of(List<? extends K> keys) {
        GinQuery<K> query = new GinQuery<>();
        keys.forEach(query::add);
        return query;
    }

    /** Every non-NULL item, for a query that keys cannot narrow ({@link GinSearchMode#ALL}). */
    public static <K> GinQuery<K> all() {
        return new GinQuery<K>().searchMode(GinSearchMode.ALL);
    }

    /** Adds an exact key. */
    public GinQuery<K> add(K key) {
        return add(key, false, null);
    }

    /**
     * Adds a key; {@code partialMatch} has GIN call {@code comparePartial} on the index keys from
     * this one on; {@code extra} (null for none) is handed to the consistent and comparePartial
     * functions with this key.
     */
    public GinQuery<K> add(K key, boolean partialMatch, Object extra) {
        keys.add(key);
        partial.add(partialMatch);
        extras.add(extra);
        return this;
    }

    /** Sets the search mode. */
    public GinQuery<K> searchMode(GinSearchMode mode) {
        searchMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** The keys, in the order added. */
    public List<K> keys() {
        return Collections.unmodifiableList(keys);
    }

    /** Whether key {@code i} is a partial match. */
    public boolean partialMatch(int i) {
        return partial.get(i);
    }

    /** Whether any key is a partial match. */
    public boolean hasPartialMatch() {
        return partial.contains(true);
    }

    /** The extra data of key {@code i}, or null. */
    public Object extra(int i) {
        return extras.get(i);
    }

    /** Whether any key has extra data. */
    public boolean hasExtra() {
        return extras.stream().anyMatch(Objects::nonNull);
    }

    public GinSearchMode searchMode() {
        return searchMode;
    }
}

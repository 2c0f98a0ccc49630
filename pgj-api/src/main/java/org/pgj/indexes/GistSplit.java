package org.pgj.indexes;

import java.util.List;

/**
 * What a GiST {@code pickSplit} function returns: which of the keys it was given (by position, from
 * 0) go to the left page and which to the right, and each side's union key. Every position must be
 * on exactly one side. Without union keys ({@link #of(List, List)}) pgj computes them with the
 * class's {@link GistSupport.Role#UNION} method.
 *
 * <pre>{@code
 * return GistSplit.of(left, right);   // List<Integer> each
 * }</pre>
 *
 * @param <K> the Java type of the operator class's storage type
 */
public record GistSplit<K>(List<Integer> left, K leftUnion, List<Integer> right, K rightUnion) {
    public GistSplit {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** The split, its union keys computed by the class's {@code UNION} method. */
    public static <K> GistSplit<K> of(List<Integer> left, List<Integer> right) {
        return new GistSplit<>(left, null, right, null);
    }

    /** The split with its union keys. */
    public static <K> GistSplit<K> of(List<Integer> left, K leftUnion, List<Integer> right, K rightUnion) {
        return new GistSplit<>(left, leftUnion, right, rightUnion);
    }
}

package org.pgj.examples.indexes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.pgj.indexes.GistSplit;
import org.pgj.indexes.GistSupport;
import org.pgj.indexes.GistSupport.Role;
import org.pgj.indexes.IndexMethod;
import org.pgj.indexes.IndexOperator;
import org.pgj.indexes.PgOperatorClass;
import org.pgj.types.Box;

/**
 * A GiST operator class for boxes that stores the boxes themselves (no storage type, no
 * compress): keys are boxes at every level, and its consistent function never knows whether a key
 * is a leaf's, so the server rechecks each row with the operator, the default.
 */
@PgOperatorClass(name = "java_box_ops", method = IndexMethod.GIST, type = "box", operators = {
        @IndexOperator(strategy = BoxIndex.OVERLAPS, operator = "&&"),
        @IndexOperator(strategy = BoxIndex.CONTAINS, operator = "@>"),
        @IndexOperator(strategy = BoxIndex.CONTAINED, operator = "<@")})
public final class BoxIndex {
    public static final int OVERLAPS = 3;
    public static final int CONTAINS = 7;
    public static final int CONTAINED = 8;

    private BoxIndex() {
    }

    /** Whether a box under the key may match; the operator decides on the row (recheck). */
    @GistSupport(Role.CONSISTENT)
    public static boolean consistent(Box key, Box query, int strategy) {
        return switch (strategy) {
            case OVERLAPS, CONTAINED -> PointIndex.overlaps(key, query);
            case CONTAINS -> PointIndex.cover(key, query).equals(key);
            default -> throw new IllegalArgumentException("java_box_ops has no strategy " + strategy);
        };
    }

    /** Keys are stored as they are; read back as they are. */
    @GistSupport(Role.DECOMPRESS)
    public static Box decompress(Box stored) {
        return stored;
    }

    @GistSupport(Role.UNION)
    public static Box union(List<Box> keys) {
        return keys.stream().reduce(PointIndex::cover).orElseThrow();
    }

    @GistSupport(Role.PENALTY)
    public static float penalty(Box original, Box added) {
        Box grown = PointIndex.cover(original, added);
        return (float) (perimeter(grown) - perimeter(original));
    }

    /** Halves by the lower left corner's x, and names each half's union itself. */
    @GistSupport(Role.PICKSPLIT)
    public static GistSplit<Box> pickSplit(List<Box> keys) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, keys.size()).boxed().toList());
        order.sort(Comparator.comparingDouble(i -> keys.get(i).low().x()));
        List<Integer> left = order.subList(0, order.size() / 2);
        List<Integer> right = order.subList(order.size() / 2, order.size());
        return GistSplit.of(left, union(left.stream().map(keys::get).toList()), right,
                union(right.stream().map(keys::get).toList()));
    }

    @GistSupport(Role.SAME)
    public static boolean same(Box a, Box b) {
        return a.equals(b);
    }

    private static double perimeter(Box b) {
        return (b.high().x() - b.low().x()) + (b.high().y() - b.low().y());
    }
}

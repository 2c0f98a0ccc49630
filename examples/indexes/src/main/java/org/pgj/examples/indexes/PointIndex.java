package org.pgj.examples.indexes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.pgj.errors.PgException;
import org.pgj.indexes.GistCheck;
import org.pgj.indexes.GistSplit;
import org.pgj.indexes.GistSupport;
import org.pgj.indexes.GistSupport.Role;
import org.pgj.indexes.IndexMethod;
import org.pgj.indexes.IndexOperator;
import org.pgj.indexes.PgOperatorClass;
import org.pgj.types.Box;
import org.pgj.types.Point;

/**
 * A GiST operator class for points, written in Java: an R-tree whose keys are bounding boxes. It
 * answers the server's own point operators (the same as {@code ~=}, inside a box {@code <@}) and
 * nearest-neighbour order ({@code ORDER BY p <-> point}), and returns points from its keys for
 * index-only scans.
 */
@PgOperatorClass(name = "java_point_ops", method = IndexMethod.GIST, type = "point", storage = "box", operators = {
        @IndexOperator(strategy = PointIndex.SAME, operator = "~=(point, point)"),
        @IndexOperator(strategy = PointIndex.INSIDE, operator = "<@(point, box)"),
        @IndexOperator(strategy = PointIndex.NEAREST, operator = "<->(point, point)", orderBy = "float_ops")})
public final class PointIndex {
    public static final int SAME = 6;
    public static final int NEAREST = 15;
    public static final int INSIDE = 28;

    private PointIndex() {
    }

    /** A point's key is the box of just that point. */
    @GistSupport(Role.COMPRESS)
    public static Box compress(Point p) {
        if (Double.isNaN(p.x()) || Double.isNaN(p.y())) {
            throw new PgException("22023", "java_point_ops cannot index a point with NaN coordinates");
        }
        return new Box(p, p);
    }

    /** Whether a point under the key may match: exact on a leaf, where the key is the point. */
    @GistSupport(Role.CONSISTENT)
    public static boolean consistent(Box key, Object query, int strategy, GistCheck check) {
        check.recheck(false);
        return switch (query) {
            case Point p when strategy == SAME -> contains(key, p);
            case Box b when strategy == INSIDE -> overlaps(key, b);
            default -> throw new IllegalArgumentException("java_point_ops has no strategy " + strategy);
        };
    }

    /** The distance to the key's box: a point's own distance on a leaf, a lower bound above it. */
    @GistSupport(Role.DISTANCE)
    public static double distance(Box key, Point query, int strategy) {
        double dx = Math.max(0, Math.max(key.low().x() - query.x(), query.x() - key.high().x()));
        double dy = Math.max(0, Math.max(key.low().y() - query.y(), query.y() - key.high().y()));
        return Math.hypot(dx, dy);
    }

    @GistSupport(Role.UNION)
    public static Box union(List<Box> keys) {
        Box all = keys.getFirst();
        for (Box b : keys) {
            all = cover(all, b);
        }
        return all;
    }

    /** How much the key's area grows to take the added one. */
    @GistSupport(Role.PENALTY)
    public static float penalty(Box original, Box added) {
        return (float) (area(cover(original, added)) - area(original));
    }

    /** Sorts the keys along the wider axis of their cover and cuts in the middle. */
    @GistSupport(Role.PICKSPLIT)
    public static GistSplit<Box> pickSplit(List<Box> keys) {
        Box all = union(keys);
        boolean alongX = all.high().x() - all.low().x() >= all.high().y() - all.low().y();
        List<Integer> order = new ArrayList<>(IntStream.range(0, keys.size()).boxed().toList());
        order.sort(Comparator.comparingDouble(i -> alongX ? center(keys.get(i)).x() : center(keys.get(i)).y()));
        int half = order.size() / 2;
        return GistSplit.of(order.subList(0, half), order.subList(half, order.size()));
    }

    @GistSupport(Role.SAME)
    public static boolean same(Box a, Box b) {
        return a.equals(b);
    }

    /** The point back from a leaf's key, for index-only scans. */
    @GistSupport(Role.FETCH)
    public static Point fetch(Box key) {
        return key.low();
    }

    static boolean contains(Box box, Point p) {
        return box.low().x() <= p.x() && p.x() <= box.high().x() && box.low().y() <= p.y() && p.y() <= box.high().y();
    }

    static boolean overlaps(Box a, Box b) {
        return a.low().x() <= b.high().x() && b.low().x() <= a.high().x() && a.low().y() <= b.high().y()
                && b.low().y() <= a.high().y();
    }

    static Box cover(Box a, Box b) {
        return new Box(new Point(Math.max(a.high().x(), b.high().x()), Math.max(a.high().y(), b.high().y())),
                new Point(Math.min(a.low().x(), b.low().x()), Math.min(a.low().y(), b.low().y())));
    }

    private static double area(Box b) {
        return (b.high().x() - b.low().x()) * (b.high().y() - b.low().y());
    }

    private static Point center(Box b) {
        return new Point((b.low().x() + b.high().x()) / 2, (b.low().y() + b.high().y()) / 2);
    }
}

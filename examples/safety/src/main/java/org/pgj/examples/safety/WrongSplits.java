package org.pgj.examples.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.pgj.functions.PgFunction;
import org.pgj.indexes.GistSplit;
import org.pgj.indexes.GistSupport;
import org.pgj.indexes.GistSupport.Role;
import org.pgj.indexes.IndexMethod;
import org.pgj.indexes.IndexOperator;
import org.pgj.indexes.PgOperatorClass;
import org.pgj.types.Box;
import org.pgj.types.Point;

/**
 * A GiST class over boxes whose picksplit answers as the session asks ({@link #wrongSplit}):
 * right, or in each of the ways a split can be wrong. pgj must refuse a wrong one with an ERROR
 * before GiST writes a page, never build a broken index or crash.
 */
@PgOperatorClass(name = "wrong_split_ops", method = IndexMethod.GIST, type = "box",
        operators = @IndexOperator(strategy = 3, operator = "&&"))
public final class WrongSplits {
    /** How the next picksplits answer, in this backend. */
    private static String mode = "right";

    private WrongSplits() {
    }

    /** Sets how picksplit answers: right, missing, twice, outside, null, empty or throw; returns the old mode. */
    @PgFunction
    public static String wrongSplit(String next) {
        String old = mode;
        mode = next;
        return old;
    }

    @GistSupport(Role.PICKSPLIT)
    public static GistSplit<Box> pickSplit(List<Box> keys) {
        int n = keys.size();
        List<Integer> left = new ArrayList<>(IntStream.range(0, n / 2).boxed().toList());
        List<Integer> right = new ArrayList<>(IntStream.range(n / 2, n).boxed().toList());
        switch (mode) {
            case "missing" -> right.removeLast();
            case "twice" -> right.add(left.getFirst());
            case "outside" -> right.add(n);
            case "null" -> {
                return null;
            }
            case "empty" -> {
                return GistSplit.of(List.of(), keys.getFirst(), IntStream.range(0, n).boxed().toList(), union(keys));
            }
            case "throw" -> throw new IllegalStateException("picksplit gave up");
            default -> {
            }
        }
        return GistSplit.of(left, right);
    }

    @GistSupport(Role.CONSISTENT)
    public static boolean consistent(Box key, Box query, int strategy) {
        return key.low().x() <= query.high().x() && query.low().x() <= key.high().x()
                && key.low().y() <= query.high().y() && query.low().y() <= key.high().y();
    }

    @GistSupport(Role.UNION)
    public static Box union(List<Box> keys) {
        double lx = Double.MAX_VALUE;
        double ly = Double.MAX_VALUE;
        double hx = -Double.MAX_VALUE;
        double hy = -Double.MAX_VALUE;
        for (Box b : keys) {
            lx = Math.min(lx, b.low().x());
            ly = Math.min(ly, b.low().y());
            hx = Math.max(hx, b.high().x());
            hy = Math.max(hy, b.high().y());
        }
        return new Box(new Point(hx, hy), new Point(lx, ly));
    }

    @GistSupport(Role.PENALTY)
    public static float penalty(Box original, Box added) {
        return 0;
    }

    @GistSupport(Role.SAME)
    public static boolean same(Box a, Box b) {
        return a.equals(b);
    }
}

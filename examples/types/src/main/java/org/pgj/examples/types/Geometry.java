package org.pgj.examples.types;

import java.util.Optional;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;
import org.pgj.types.Box;
import org.pgj.types.Point;

/** point and box. */
public final class Geometry {
    private Geometry() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Point> echoPoint(Optional<Point> p) {
        return p;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Box> echoBox(Optional<Box> b) {
        return b;
    }

    /** To compare with the server's area(). */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double boxArea(Box b) {
        return (b.high().x() - b.low().x()) * (b.high().y() - b.low().y());
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Box boxOf(Point a, Point b) {
        return new Box(a, b);
    }
}

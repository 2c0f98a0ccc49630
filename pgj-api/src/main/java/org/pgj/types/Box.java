package org.pgj.types;

/**
 * A {@code box}, by its upper-right and lower-left corners. Any two opposite corners may be
 * given: like PostgreSQL's own box constructor, this one orders them.
 */
public record Box(Point high, Point low) {
    public Box {
        Point h = new Point(Math.max(high.x(), low.x()), Math.max(high.y(), low.y()));
        Point l = new Point(Math.min(high.x(), low.x()), Math.min(high.y(), low.y()));
        high = h;
        low = l;
    }
}

package org.pgj.examples.functions;

import org.pgj.examples.functions.Rows.Vec2;
import org.pgj.functions.PgCast;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/** Operators and casts of the composite type vec2. */
public final class Vectors {
    private Vectors() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @PgOperator(value = "+", commutator = "+")
    public static Vec2 vecAdd(Vec2 a, Vec2 b) {
        return new Vec2(a.x() + b.x(), a.y() + b.y());
    }

    /** A prefix operator: -v. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @PgOperator("-")
    public static Vec2 vecNegate(Vec2 v) {
        return new Vec2(-v.x(), -v.y());
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @PgOperator(value = "~=", commutator = "~=", negator = "!~=", restrict = "eqsel", join = "eqjoinsel",
            hashes = true, merges = true)
    public static boolean vecNear(Vec2 a, Vec2 b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y()) < 1e-9;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @PgOperator(value = "!~=", commutator = "!~=", negator = "~=", restrict = "neqsel", join = "neqjoinsel")
    public static boolean vecFar(Vec2 a, Vec2 b) {
        return !vecNear(a, b);
    }

    /** vec(3, 4)::float8 is 5: an explicit cast. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @PgCast
    public static double vecLength(Vec2 v) {
        return Math.hypot(v.x(), v.y());
    }

    /** Assigning a vec2 to a text column writes "(x, y)". */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @PgCast(context = PgCast.Context.ASSIGNMENT)
    public static String vecText(Vec2 v) {
        return "(" + v.x() + ", " + v.y() + ")";
    }

    /** A number is a vector on the diagonal wherever a vec2 is expected: vec(1, 2) + 3. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @PgCast(context = PgCast.Context.IMPLICIT)
    public static Vec2 diagonal(int d) {
        return new Vec2(d, d);
    }
}

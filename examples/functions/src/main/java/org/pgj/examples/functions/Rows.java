package org.pgj.examples.functions;

import java.util.Optional;
import java.util.stream.Stream;
import org.pgj.functions.CompositeType;
import org.pgj.functions.ExtensionSql;
import org.pgj.functions.Nullable;
import org.pgj.functions.OutParameters;
import org.pgj.functions.PgFunction;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;

/** Java records as composite types, in and out, nested, with NULL fields. */
@ExtensionSql(name = "inventory", position = ExtensionSql.Position.FIRST,
        sql = "CREATE TABLE inventory(name text PRIMARY KEY, quantity integer NOT NULL);")
public final class Rows {
    private Rows() {
    }

    /** CREATE TYPE vec2 AS (x double precision, y double precision). */
    public record Vec2(double x, double y) {
    }

    /** A nested composite, and fields that may be NULL. */
    public record Pin(String label, Vec2 at, Optional<Integer> weight) {
    }

    /** The row type of the table inventory, which exists already. */
    @CompositeType(name = "inventory", existing = true)
    public record Stock(String name, int quantity) {
    }

    /** A single row of named columns: SELECT * FROM vec(1, 2) has columns x and y. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Vec2 vec(double x, double y) {
        return new Vec2(x, y);
    }

    /** Polar coordinates, returned as OUT parameters: SELECT * FROM polar(3, 4) has columns r and theta. */
    public record Polar(double r, double theta) {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @OutParameters
    public static Polar polar(double x, double y) {
        return new Polar(Math.hypot(x, y), Math.atan2(y, x));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double norm(Vec2 v) {
        return Math.hypot(v.x(), v.y());
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Pin pin(@Nullable String label, Vec2 at, Integer weight) {
        return new Pin(label, at, Optional.ofNullable(weight));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String describePin(Pin p) {
        return p.label() + " at (" + p.at().x() + ", " + p.at().y() + ")" + p.weight().map(w -> " weighing " + w).orElse("");
    }

    /** An Optional record takes a NULL row. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String maybePin(Optional<Pin> p) {
        return p.map(Rows::describePin).orElse("no pin");
    }

    /** SETOF vec2 rather than RETURNS TABLE: @SqlType names the element type. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("vec2")
    public static Stream<Vec2> corners(Vec2 size) {
        return Stream.of(new Vec2(0, 0), new Vec2(size.x(), 0), size, new Vec2(0, size.y()));
    }

    /** A record with a NULL field in, the record with the field filled out. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Pin weighed(Pin p, int weight) {
        return new Pin(p.label(), p.at(), Optional.of(p.weight().orElse(0) + weight));
    }

    /** A row of an existing type (a table's), in and out. */
    @PgFunction(requires = "inventory")
    public static Stock restocked(Stock s, int more) {
        return new Stock(s.name(), s.quantity() + more);
    }

    /** Records in and a stream of them out: RETURNS TABLE(x double precision, y double precision). */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Stream<Vec2> walk(Vec2 from, Vec2 step, int steps) {
        return Stream.iterate(from, v -> new Vec2(v.x() + step.x(), v.y() + step.y())).limit(steps);
    }
}

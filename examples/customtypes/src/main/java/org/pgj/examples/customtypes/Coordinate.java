package org.pgj.examples.customtypes;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;
import org.pgj.types.PgType;
import org.pgj.types.PgType.Derive;
import org.pgj.types.TypeCodec;

/**
 * A point on Earth, {@code '(48.8566,2.3522)'} in SQL, stored in 16 bytes of fixed length (two
 * doubles, aligned as doubles) that the Datum points to: no varlena header, never TOASTed.
 *
 * @param latitude degrees north
 * @param longitude degrees east
 */
@PgType(codec = Coordinate.Codec.class, internalLength = 16, alignment = PgType.Alignment.DOUBLE, derive = Derive.EQ)
public record Coordinate(double latitude, double longitude) {
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Coordinate midpoint(Coordinate a, Coordinate b) {
        return new Coordinate((a.latitude + b.latitude) / 2, (a.longitude + b.longitude) / 2);
    }

    /** Arrays of a fixed-length type by reference, both ways: the midpoints of each leg. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static List<Coordinate> midpoints(List<Coordinate> path) {
        List<Coordinate> legs = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            legs.add(midpoint(path.get(i - 1), path.get(i)));
        }
        return legs;
    }

    /** Text {@code (latitude,longitude)}; binary: the two doubles. */
    public static final class Codec implements TypeCodec<Coordinate> {
        @Override
        public String toText(Coordinate c) {
            return "(" + c.latitude + "," + c.longitude + ")";
        }

        @Override
        public Coordinate fromText(String text) {
            String[] parts = text.strip().replaceAll("^\\(|\\)$", "").split(",");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a coordinate is (latitude,longitude)");
            }
            return new Coordinate(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        }

        @Override
        public byte[] toBinary(Coordinate c) {
            return ByteBuffer.allocate(16).putDouble(c.latitude).putDouble(c.longitude).array();
        }

        @Override
        public Coordinate fromBinary(byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return new Coordinate(b.getDouble(), b.getDouble());
        }
    }
}

package org.pgj.examples.customtypes;

import java.util.HexFormat;
import org.pgj.functions.PgFunction;
import org.pgj.types.PgType;
import org.pgj.types.PgType.Derive;
import org.pgj.types.TypeCodec;

/** A colour written {@code '#ff8800'} in SQL and stored in three bytes, through a codec of its own. */
@PgType(codec = Rgb.Hex.class, derive = {Derive.EQ, Derive.HASH})
public record Rgb(int red, int green, int blue) {
    public Rgb {
        if ((red | green | blue) >>> 8 != 0) {
            throw new IllegalArgumentException("each of red, green and blue is 0 to 255");
        }
    }

    /** How many codecs this backend made: one, at the first value (never when a function is only resolved). */
    @PgFunction
    public static int rgbCodecsMade() {
        return Hex.made;
    }

    /** Text {@code #rrggbb}; binary: the three bytes. */
    public static final class Hex implements TypeCodec<Rgb> {
        private static int made;

        public Hex() {
            made++;
        }

        @Override
        public String toText(Rgb c) {
            return "#" + HexFormat.of().toHexDigits((byte) c.red()) + HexFormat.of().toHexDigits((byte) c.green())
                    + HexFormat.of().toHexDigits((byte) c.blue());
        }

        @Override
        public Rgb fromText(String text) {
            if (!text.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("a colour is # and six hexadecimal digits");
            }
            int rgb = HexFormat.fromHexDigits(text, 1, 7);
            return new Rgb(rgb >> 16, rgb >> 8 & 0xFF, rgb & 0xFF);
        }

        @Override
        public byte[] toBinary(Rgb c) {
            return new byte[] {(byte) c.red(), (byte) c.green(), (byte) c.blue()};
        }

        @Override
        public Rgb fromBinary(byte[] bytes) {
            if (bytes.length != 3) {
                throw new IllegalArgumentException("a colour is 3 bytes, not " + bytes.length);
            }
            return new Rgb(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF);
        }
    }
}

package org.pgj.examples.customtypes;

import java.nio.charset.StandardCharsets;
import org.pgj.types.PgType;
import org.pgj.types.TypeCodec;

/**
 * An ICAO airport code, {@code 'LFPG'}, stored in exactly four bytes. Its codec does not check the
 * length, so that the tests see what pgj does with a codec that writes another length: an error.
 *
 * @param code four letters
 */
@PgType(codec = AirportCode.Codec.class, internalLength = 4, alignment = PgType.Alignment.CHAR)
public record AirportCode(String code) {
    /** Text and binary: the letters. */
    public static final class Codec implements TypeCodec<AirportCode> {
        @Override
        public String toText(AirportCode a) {
            return a.code;
        }

        @Override
        public AirportCode fromText(String text) {
            return new AirportCode(text);
        }

        @Override
        public byte[] toBinary(AirportCode a) {
            return a.code.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public AirportCode fromBinary(byte[] bytes) {
            return new AirportCode(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}

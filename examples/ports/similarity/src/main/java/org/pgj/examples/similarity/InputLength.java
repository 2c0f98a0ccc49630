package org.pgj.examples.similarity;

import java.nio.charset.StandardCharsets;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;

/** The original's limit on its text arguments, which bounds the quadratic measures' work. */
final class InputLength {
    static final int MAX_BYTES = 1024;

    private InputLength() {
    }

    /** Refuses an argument longer than {@link #MAX_BYTES} bytes (UTF-8), with the original's error. */
    static void check(String a, String b) {
        if (tooLong(a) || tooLong(b)) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "argument exceeds the maximum length of " + MAX_BYTES + " bytes");
        }
    }

    private static boolean tooLong(String s) {
        // A UTF-8 character is at most 3 bytes per UTF-16 unit: most strings need no encoding.
        return s.length() * 3 > MAX_BYTES && s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}

package org.pgj.examples.types;

import org.pgj.functions.ExtensionSql;
import org.pgj.functions.PgFunction;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;

/** Domains map as their base type; the server checks their constraints on results too. */
@ExtensionSql(name = "domains", position = ExtensionSql.Position.FIRST, sql = """
        CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
        CREATE DOMAIN short_text AS text CHECK (length(VALUE) <= 5);
        CREATE DOMAIN positive_ints AS integer[] CHECK (0 < ALL (VALUE));
        CREATE DOMAIN required_text AS text NOT NULL;
        """)
public final class Domains {
    private Domains() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("positive_int")
    public static int decrement(@SqlType("positive_int") int i) {
        return i - 1;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("short_text")
    public static String repeatShort(@SqlType("short_text") String s, int times) {
        return s.repeat(times);
    }

    /** A NULL result of a NOT NULL domain is the server's 23502. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("required_text")
    public static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("positive_ints")
    public static int[] shiftAll(@SqlType("positive_ints") int[] values, int by) {
        int[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += by;
        }
        return out;
    }
}

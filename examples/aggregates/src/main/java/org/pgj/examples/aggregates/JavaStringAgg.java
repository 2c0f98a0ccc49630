package org.pgj.examples.aggregates;

import org.pgj.aggregates.FinalFunction;
import org.pgj.aggregates.FinalizeModify;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.StateFunction;
import org.pgj.functions.Nullable;

/** string_agg(text, text) on a StringBuilder that lives in Java for the whole group. */
@PgAggregate(name = "java_string_agg", finalizeModify = FinalizeModify.READ_ONLY)
public final class JavaStringAgg {
    private JavaStringAgg() {
    }

    /** A NULL value is skipped; a NULL delimiter is none, as in string_agg. */
    @StateFunction
    public static StringBuilder append(StringBuilder text, String value, @Nullable String delimiter) {
        if (value.equals("boom")) {
            throw new IllegalStateException("cannot aggregate 'boom'");
        }
        if (text == null) {
            return new StringBuilder(value);
        }
        return text.append(delimiter == null ? "" : delimiter).append(value);
    }

    @FinalFunction
    public static String result(StringBuilder text) {
        return text.toString();
    }
}

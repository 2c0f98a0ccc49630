package org.pgj.bench;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One large value to Java and back (an int[] of {@value BenchServer#ARRAY_ELEMENTS} elements, a
 * text of {@value BenchServer#TEXT_BYTES} bytes), against the server making a binary copy of the
 * same stored, TOASTed value: the work Java does, not a conversion to text and back.
 */
final class TypesSection implements Section {
    static final double MAX_RATIO = 2.0;

    @Override
    public String name() {
        return "types";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        try (Connection c = run.connect()) {
            run.step("[types] an int[] of " + BenchServer.ARRAY_ELEMENTS + " elements and a text of "
                    + BenchServer.TEXT_BYTES + " bytes, to Java and back");
            run.compare(c, Comparison.of("types int[]", 1)
                    // A slice of the whole array: detoasted, and its elements copied into a new array.
                    .baseline("int[] binary copy a[1:n]", "SELECT array_length(a[1:" + BenchServer.ARRAY_ELEMENTS + "], 1) FROM big_values")
                    .add("int[] Java echo_ints", "SELECT array_length(echo_ints(a), 1) FROM big_values", MAX_RATIO)
                    // No targets: the text round trip the bench used to compare with, and every element boxed (Integer[]).
                    .add("int[] array_out + array_in", "SELECT array_length(a::text::int4[], 1) FROM big_values", null)
                    .add("int[] read as Integer[] (count_nulls)", "SELECT array_length(a, 1) + count_nulls(a) FROM big_values", null));
            run.compare(c, Comparison.of("types int[] read", 1)
                    // The same sum over the stored array: its elements copied into an int[], or read where they lie (IntBuffer).
                    .baseline("int[] copied (sum_ints)", "SELECT sum_ints(a) FROM big_values")
                    .add("IntBuffer view (sum_int_view)", "SELECT sum_int_view(a) FROM big_values", null));
            run.compare(c, Comparison.of("types text", 1)
                    // textcat with an empty text: detoasted and copied into a new text.
                    .baseline("text binary copy t || ''", "SELECT length(t || '') FROM big_values")
                    .add("text Java echo_text", "SELECT length(echo_text(t)) FROM big_values", MAX_RATIO)
                    .add("text textout + textin", "SELECT length(textin(textout(t))) FROM big_values", null));
        }
    }
}

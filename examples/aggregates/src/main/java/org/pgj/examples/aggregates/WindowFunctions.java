package org.pgj.examples.aggregates;

import org.pgj.functions.PgFunction;
import org.pgj.windows.WindowFrame;

/** Window functions in Java, the counterparts of the built-in row_number, lag, lead, first_value and nth_value. */
public final class WindowFunctions {
    private WindowFunctions() {
    }

    @PgFunction(window = true)
    public static long javaRowNumber() {
        return WindowFrame.current().currentPosition() + 1;
    }

    /** The share of the partition's rows before this one. */
    @PgFunction(window = true)
    public static double javaShareBefore() {
        WindowFrame frame = WindowFrame.current();
        return (double) frame.currentPosition() / frame.partitionRowCount();
    }

    /** The value {@code offset} rows before the current one in the partition; NULL when there is none. */
    @PgFunction(window = true)
    public static Integer javaLag(Integer value, int offset) {
        return WindowFrame.current().argumentInPartition(0, -offset, Integer.class);
    }

    @PgFunction(window = true)
    public static Integer javaLead(Integer value, int offset) {
        return WindowFrame.current().argumentInPartition(0, offset, Integer.class);
    }

    @PgFunction(window = true)
    public static String javaLagText(String value, int offset) {
        return WindowFrame.current().argumentInPartition(0, -offset, String.class);
    }

    @PgFunction(window = true)
    public static Integer javaFirstValue(Integer value) {
        return WindowFrame.current().argumentInFrame(0, 0, Integer.class);
    }

    /** The value at the {@code n}th row of the frame, from 1 as nth_value counts. */
    @PgFunction(window = true)
    public static Integer javaNthValue(Integer value, int n) {
        return WindowFrame.current().argumentInFrame(0, n - 1L, Integer.class);
    }

    /** Not a window function: WindowFrame.current() refuses. */
    @PgFunction
    public static long notAWindow() {
        return WindowFrame.current().currentPosition();
    }
}

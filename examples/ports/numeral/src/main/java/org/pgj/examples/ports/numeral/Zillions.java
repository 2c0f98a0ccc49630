package org.pgj.examples.ports.numeral;

import java.util.function.IntFunction;

/**
 * How the original writes a number in words, in either language: "minus" and the magnitude, or the
 * word for zero; the magnitude as a group per zillion it holds, largest first, then what is left
 * below a million, separated by blanks.
 */
final class Zillions {
    /** The zillions the original names, largest first: 10^18 down to 10^6. */
    static final long[] VALUES = {1_000_000_000_000_000_000L, 1_000_000_000_000_000L, 1_000_000_000_000L,
        1_000_000_000L, 1_000_000L};

    /** One zillion's group: {@code count} (1 to 999) of the zillion at {@code index} in {@link #VALUES}. */
    @FunctionalInterface
    interface Group {
        String words(int index, int count);
    }

    private Zillions() {
    }

    static String words(long value, String zero, Group group, IntFunction<String> belowMillion) {
        if (value == 0) {
            return zero;
        }
        // -value of the smallest long is itself: read as unsigned, it is the right magnitude.
        long magnitude = value < 0 ? -value : value;
        StringBuilder text = new StringBuilder(value < 0 ? "minus " : "");
        int start = text.length();
        long rest = magnitude;
        for (int i = 0; i < VALUES.length; i++) {
            if (Long.compareUnsigned(rest, VALUES[i]) >= 0) {
                append(text, start, group.words(i, (int) Long.divideUnsigned(rest, VALUES[i])));
                rest = Long.remainderUnsigned(rest, VALUES[i]);
            }
        }
        if (rest > 0) {
            append(text, start, belowMillion.apply((int) rest));
        }
        return text.toString();
    }

    private static void append(StringBuilder text, int start, String words) {
        if (text.length() > start) {
            text.append(' ');
        }
        text.append(words);
    }
}

package org.pgj.examples.demo;

import org.pgj.functions.PgFunction;

/** A function to stop in with a debugger (pgj debug): DebuggerTest sets a breakpoint in {@link #checked}. */
public final class Debugging {
    private Debugging() {
    }

    /** A word's hash, as String.hashCode but in a long; {@code checked} sees the word and its weight. */
    @PgFunction
    public static long weigh(String word) {
        long weight = 0;
        for (char ch : word.toCharArray()) {
            weight = weight * 31 + ch;
        }
        return checked(word, weight);
    }

    static long checked(String word, long weight) {
        return weight;
    }
}

package org.pgj.processor;

import java.util.Comparator;

/**
 * Where an object was declared: the owner (binary class name or package name) and its place
 * there. Unconstrained objects are written in this order, which does not depend on the order
 * the build hands source files to the compiler, so the script is the same on every machine.
 */
record SourceOrder(String owner, int index) implements Comparable<SourceOrder> {
    private static final Comparator<SourceOrder> ORDER =
            Comparator.comparing(SourceOrder::owner).thenComparingInt(SourceOrder::index);

    @Override
    public int compareTo(SourceOrder other) {
        return ORDER.compare(this, other);
    }
}

package org.pgj.types;

/** A {@code point}. */
public record Point(double x, double y) {
}

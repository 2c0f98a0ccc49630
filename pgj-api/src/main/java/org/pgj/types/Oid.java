package org.pgj.types;

/** An {@code oid}: an unsigned 32-bit object identifier, here as a non-negative long. */
public record Oid(long value) {
    public Oid {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("OID " + value + " is out of range");
        }
    }
}

package org.pgj.types;

/** A {@code tid}: a row's physical position, block number (unsigned 32 bits) and line pointer offset. */
public record Tid(long block, int offset) {
    public Tid {
        if (block < 0 || block > 0xFFFF_FFFFL || offset < 0 || offset > 0xFFFF) {
            throw new IllegalArgumentException("tid (" + block + "," + offset + ") is out of range");
        }
    }
}

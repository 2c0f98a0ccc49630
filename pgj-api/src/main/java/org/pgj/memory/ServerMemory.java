package org.pgj.memory;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;
import org.pgj.internal.nativecall.Native;

/**
 * Server memory allocated in a {@link MemoryContext}, freed with it. Every access checks that the
 * context still holds it and that the bytes are inside it: after a reset or delete an access
 * throws {@link org.pgj.errors.PgException} 55000, out of bounds {@link IndexOutOfBoundsException}.
 */
public final class ServerMemory {
    private final MemoryContext context;
    private final long address;
    private final long size;

    ServerMemory(MemoryContext context, long address, long size) {
        this.context = context;
        this.address = address;
        this.size = size;
    }

    public long size() {
        return size;
    }

    public MemoryContext context() {
        return context;
    }

    /** Whether the memory still exists (its context was neither reset nor deleted). */
    public boolean isValid() {
        return context.isValid();
    }

    public byte getByte(long offset) {
        return Native.ALL.get(JAVA_BYTE, at(offset, 1));
    }

    public void setByte(long offset, byte value) {
        Native.ALL.set(JAVA_BYTE, at(offset, 1), value);
    }

    public int getInt(long offset) {
        return Native.ALL.get(JAVA_INT_UNALIGNED, at(offset, 4));
    }

    public void setInt(long offset, int value) {
        Native.ALL.set(JAVA_INT_UNALIGNED, at(offset, 4), value);
    }

    public long getLong(long offset) {
        return Native.ALL.get(JAVA_LONG_UNALIGNED, at(offset, 8));
    }

    public void setLong(long offset, long value) {
        Native.ALL.set(JAVA_LONG_UNALIGNED, at(offset, 8), value);
    }

    /** Copies {@code length} bytes from {@code offset} into a new array. */
    public byte[] getBytes(long offset, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(Native.ALL, JAVA_BYTE, at(offset, length), bytes, 0, length);
        return bytes;
    }

    public void setBytes(long offset, byte[] bytes) {
        MemorySegment.copy(bytes, 0, Native.ALL, JAVA_BYTE, at(offset, bytes.length), bytes.length);
    }

    private long at(long offset, long length) {
        context.checkValid();
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException(
                    "bytes " + offset + ".." + (offset + length) + " are outside this memory of " + size + " bytes");
        }
        return address + offset;
    }

    @Override
    public String toString() {
        return size + " bytes in " + context;
    }
}

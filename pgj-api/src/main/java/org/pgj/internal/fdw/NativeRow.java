package org.pgj.internal.fdw;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.pgj.fdw.Row;
import org.pgj.internal.encoding.ServerEncoding;

/**
 * A row as fdw.c reads it, in memory of the scan's own: int32 count, int32 offset of the
 * position text (-1: none), count int32 offsets of the values (-1: NULL), then the texts, each
 * ending in NUL, in the database encoding. The memory grows as rows need and is freed when the
 * scan ends, on the backend's thread.
 */
final class NativeRow implements Row {
    private final int count;
    private final byte[][] values;
    private byte[] position;
    private Arena arena = Arena.ofConfined();
    private MemorySegment memory;

    NativeRow(int count) {
        this.count = count;
        this.values = new byte[count][];
        this.memory = arena.allocate(1024, 8);
    }

    @Override
    public void set(int index, Object value) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("value " + index + " of a row with " + count + " needed columns");
        }
        values[index] = value == null ? null : ServerEncoding.encode(value.toString());
    }

    @Override
    public void position(String where) {
        position = where == null ? null : ServerEncoding.encode(where);
    }

    void clear() {
        Arrays.fill(values, null);
        position = null;
    }

    /** Lays the row out and returns its address. */
    long write() {
        int header = 8 + 4 * count;
        int size = header + (position == null ? 0 : position.length + 1);
        for (byte[] v : values) {
            size += v == null ? 0 : v.length + 1;
        }
        if (size > memory.byteSize()) {
            Arena bigger = Arena.ofConfined();
            memory = bigger.allocate(Math.max(size, memory.byteSize() * 2), 8);
            arena.close();
            arena = bigger;
        }
        int at = header;
        memory.set(JAVA_INT_UNALIGNED, 0, count);
        memory.set(JAVA_INT_UNALIGNED, 4, position == null ? -1 : at);
        if (position != null) {
            at = text(position, at);
        }
        for (int i = 0; i < count; i++) {
            byte[] v = values[i];
            memory.set(JAVA_INT_UNALIGNED, 8 + 4L * i, v == null ? -1 : at);
            if (v != null) {
                at = text(v, at);
            }
        }
        return memory.address();
    }

    private int text(byte[] bytes, int at) {
        MemorySegment.copy(bytes, 0, memory, JAVA_BYTE, at, bytes.length);
        memory.set(JAVA_BYTE, at + bytes.length, (byte) 0);
        return at + bytes.length + 1;
    }

    void free() {
        arena.close();
    }
}

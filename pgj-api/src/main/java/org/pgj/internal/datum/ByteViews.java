package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * {@code bytea} as a read-only {@link ByteBuffer} over the server's own bytes: no copy. It is
 * valid during the call (see {@link CallScope}); copy what must outlive it.
 */
public final class ByteViews {
    private ByteViews() {
    }

    public static ByteBuffer viewFrom(long d) {
        long value = Varlena.detoasted(d);
        MemorySegment bytes = MemorySegment.ofAddress(value + Varlena.dataOffsetOf(value))
                .reinterpret(Varlena.dataLengthOf(value), CallScope.arena(), null);
        return bytes.asByteBuffer().asReadOnlyBuffer();
    }

    /** The buffer's remaining bytes, copied into a new bytea; the buffer's position is left alone. */
    public static long viewTo(ByteBuffer v) {
        int length = v.remaining();
        long address = Varlena.allocate(length);
        MemorySegment.copy(MemorySegment.ofBuffer(v), JAVA_BYTE, 0, ALL, JAVA_BYTE, address + Varlena.dataOffsetOf(address), length);
        return address;
    }
}

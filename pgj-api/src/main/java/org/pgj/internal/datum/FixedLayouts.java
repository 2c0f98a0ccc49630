package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;
import static org.pgj.internal.nativecall.Native.ALL;

import java.nio.ByteOrder;
import java.util.UUID;
import org.pgj.internal.nativecall.Facts;
import org.pgj.types.Box;
import org.pgj.types.Point;
import org.pgj.types.Tid;

/**
 * Small fixed-size by-reference types read and written in place: {@code uuid} (16 bytes, most
 * significant first), {@code point} and {@code box} (doubles), {@code tid} (three uint16).
 */
public final class FixedLayouts {
    private static final int UUID_LEN = Facts.getInt("UUID_LEN");
    private static final long POINT_X = Facts.get("Point.x");
    private static final long POINT_Y = Facts.get("Point.y");
    private static final long POINT_SIZE = Facts.get("sizeof.Point");
    private static final long BOX_HIGH = Facts.get("BOX.high");
    private static final long BOX_LOW = Facts.get("BOX.low");
    private static final long BOX_SIZE = Facts.get("sizeof.BOX");
    private static final long TID_BLOCK = Facts.get("ItemPointerData.ip_blkid");
    private static final long TID_OFFSET = Facts.get("ItemPointerData.ip_posid");
    private static final long TID_SIZE = Facts.get("sizeof.ItemPointerData");
    private static final long BLOCK_HI = Facts.get("BlockIdData.bi_hi");
    private static final long BLOCK_LO = Facts.get("BlockIdData.bi_lo");
    private static final java.lang.foreign.ValueLayout.OfLong BIG_ENDIAN_LONG = JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private FixedLayouts() {
    }

    public static UUID uuidFrom(long d) {
        return new UUID(ALL.get(BIG_ENDIAN_LONG, d), ALL.get(BIG_ENDIAN_LONG, d + 8));
    }

    public static long uuidTo(UUID v) {
        long address = Varlena.palloc(UUID_LEN);
        ALL.set(BIG_ENDIAN_LONG, address, v.getMostSignificantBits());
        ALL.set(BIG_ENDIAN_LONG, address + 8, v.getLeastSignificantBits());
        return address;
    }

    private static Point point(long address) {
        return new Point(ALL.get(JAVA_DOUBLE_UNALIGNED, address + POINT_X), ALL.get(JAVA_DOUBLE_UNALIGNED, address + POINT_Y));
    }

    private static void point(long address, Point p) {
        ALL.set(JAVA_DOUBLE_UNALIGNED, address + POINT_X, p.x());
        ALL.set(JAVA_DOUBLE_UNALIGNED, address + POINT_Y, p.y());
    }

    public static Point pointFrom(long d) {
        return point(d);
    }

    public static long pointTo(Point v) {
        long address = Varlena.palloc(POINT_SIZE);
        point(address, v);
        return address;
    }

    public static Box boxFrom(long d) {
        return new Box(point(d + BOX_HIGH), point(d + BOX_LOW));
    }

    public static long boxTo(Box v) {
        long address = Varlena.palloc(BOX_SIZE);
        point(address + BOX_HIGH, v.high());
        point(address + BOX_LOW, v.low());
        return address;
    }

    public static Tid tidFrom(long d) {
        long hi = ALL.get(JAVA_SHORT_UNALIGNED, d + TID_BLOCK + BLOCK_HI) & 0xFFFF;
        long lo = ALL.get(JAVA_SHORT_UNALIGNED, d + TID_BLOCK + BLOCK_LO) & 0xFFFF;
        return new Tid(hi << 16 | lo, ALL.get(JAVA_SHORT_UNALIGNED, d + TID_OFFSET) & 0xFFFF);
    }

    public static long tidTo(Tid v) {
        long address = Varlena.palloc(TID_SIZE);
        ALL.set(JAVA_SHORT_UNALIGNED, address + TID_BLOCK + BLOCK_HI, (short) (v.block() >>> 16));
        ALL.set(JAVA_SHORT_UNALIGNED, address + TID_BLOCK + BLOCK_LO, (short) v.block());
        ALL.set(JAVA_SHORT_UNALIGNED, address + TID_OFFSET, (short) v.offset());
        return address;
    }
}

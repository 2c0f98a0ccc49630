package org.pgj.internal.datum;

import org.pgj.internal.nativecall.Facts;
import org.pgj.types.Inet;

/**
 * {@code inet} and {@code cidr} through their text forms: their in-memory layout is private to
 * the server, and the input functions check what Java cannot know (a cidr with host bits set).
 */
public final class Network {
    private static final int INET = Facts.getInt("INETOID");
    private static final int CIDR = Facts.getInt("CIDROID");

    private Network() {
    }

    public static Inet inetFrom(long d) {
        return Inet.parse(TextForms.out(INET, d));
    }

    public static long inetTo(Inet v) {
        return TextForms.in(INET, v.toString());
    }

    public static Inet cidrFrom(long d) {
        return Inet.parse(TextForms.out(CIDR, d));
    }

    public static long cidrTo(Inet v) {
        return TextForms.in(CIDR, v.toString());
    }
}

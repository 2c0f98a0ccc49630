package org.pgj.types;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An {@code inet} or {@code cidr} value: an IPv4 or IPv6 address and its prefix length (32 or
 * 128 for a single host).
 */
public record Inet(InetAddress address, int prefix) {
    public Inet {
        int bits = address.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix " + prefix + " is out of range for " + address.getHostAddress());
        }
    }

    /** A single host: the full prefix. */
    public static Inet of(InetAddress address) {
        return new Inet(address, address.getAddress().length * 8);
    }

    /** Parses {@code 192.168.0.1}, {@code 10.0.0.0/8} or {@code ::1/128} (literals only: no DNS lookup). */
    public static Inet parse(String text) {
        int slash = text.indexOf('/');
        String literal = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = InetAddress.ofLiteral(literal);
        if (address instanceof Inet4Address && literal.contains(":")) {
            // ::ffff:1.2.3.4 is an IPv6 address to the server; InetAddress would make it IPv4.
            address = ipv6(address);
        }
        return slash < 0 ? of(address) : new Inet(address, Integer.parseInt(text.substring(slash + 1)));
    }

    private static InetAddress ipv6(InetAddress v4) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(v4.getAddress(), 0, mapped, 12, 4);
        try {
            return Inet6Address.getByAddress(null, mapped, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The text form PostgreSQL accepts: address/prefix. */
    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefix;
    }
}

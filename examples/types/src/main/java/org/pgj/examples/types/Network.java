package org.pgj.examples.types;

import java.util.Optional;
import org.pgj.functions.PgFunction;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;
import org.pgj.types.Inet;

/** inet and cidr. */
public final class Network {
    private Network() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Inet> echoInet(Optional<Inet> i) {
        return i;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("cidr")
    public static Optional<Inet> echoCidr(@SqlType("cidr") Optional<Inet> i) {
        return i;
    }

    /** The prefix length, to compare with the server's masklen(). */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int prefix(Inet i) {
        return i.prefix();
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String hostAddress(Inet i) {
        return i.address().getHostAddress();
    }

    /** A network built in Java; host bits set make an invalid cidr, the server's own error. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("cidr")
    public static Inet network(String address, int prefix) {
        return new Inet(java.net.InetAddress.ofLiteral(address), prefix);
    }
}

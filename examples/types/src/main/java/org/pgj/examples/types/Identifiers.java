package org.pgj.examples.types;

import java.util.Optional;
import java.util.UUID;
import org.pgj.functions.PgFunction;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;
import org.pgj.types.Oid;
import org.pgj.types.RegClass;
import org.pgj.types.Tid;

/** uuid, oid, tid and regclass. */
public final class Identifiers {
    private Identifiers() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<UUID> echoUuid(Optional<UUID> u) {
        return u;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Oid> echoOid(Optional<Oid> o) {
        return o;
    }

    /** An oid as a Java long: unsigned, 0 to 4294967295. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static long oidValue(@SqlType("oid") long o) {
        return o;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("oid")
    public static long toOid(long o) {
        return o;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Tid> echoTid(Optional<Tid> t) {
        return t;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String tidString(Tid t) {
        return t.block() + "/" + t.offset();
    }

    @PgFunction(volatility = Volatility.STABLE)
    public static Optional<RegClass> echoRegclass(Optional<RegClass> r) {
        return r;
    }

    @PgFunction(volatility = Volatility.STABLE)
    public static long regclassOid(RegClass r) {
        return r.oid().value();
    }
}

package org.pgj.examples.customtypes;

import java.util.Comparator;
import org.pgj.types.PgType;
import org.pgj.types.PgType.Derive;

/** A SQL type {@code version}, {@code '{"major":1,"minor":2,"patch":3}'} in SQL, ordered as compareTo orders it. */
@PgType(derive = {Derive.EQ, Derive.ORD, Derive.HASH})
public record Version(int major, int minor, int patch) implements Comparable<Version> {
    private static final Comparator<Version> ORDER =
            Comparator.comparingInt(Version::major).thenComparingInt(Version::minor).thenComparingInt(Version::patch);

    @Override
    public int compareTo(Version other) {
        return ORDER.compare(this, other);
    }
}

package org.pgj.examples.types;

import java.util.List;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;

/** Functions over Money, a type mapped with @MappedBy. */
public final class Prices {
    private Prices() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Money total(List<Money> prices) {
        return new Money(prices.stream().mapToLong(Money::cents).sum());
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static long cents(Money m) {
        return m.cents();
    }

    /** A type mapped to a domain of the extension's own. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Semver bumpMinor(Semver v) {
        return new Semver(v.major(), v.minor() + 1, 0);
    }

    /** Major versions can only grow: a negative one fails the domain's check on the way out. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Semver withMajor(Semver v, int major) {
        return new Semver(major, v.minor(), v.patch());
    }
}

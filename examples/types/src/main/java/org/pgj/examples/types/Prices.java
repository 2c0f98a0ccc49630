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
}

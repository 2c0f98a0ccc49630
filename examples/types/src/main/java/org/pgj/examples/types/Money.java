package org.pgj.examples.types;

import java.math.BigDecimal;
import org.pgj.types.MappedBy;
import org.pgj.types.TypeConverter;

/** A type of the extension's own, stored as numeric: pgj needs no change to map it. */
@MappedBy(value = Money.AsNumeric.class, sqlType = "numeric")
public record Money(long cents) {
    /** Money travels as a BigDecimal, which pgj maps to numeric. */
    public static final class AsNumeric implements TypeConverter<Money, BigDecimal> {
        @Override
        public BigDecimal toCarrier(Money money) {
            return BigDecimal.valueOf(money.cents(), 2);
        }

        @Override
        public Money fromCarrier(BigDecimal amount) {
            return new Money(amount.movePointRight(2).longValueExact());
        }
    }
}

package org.pgj.examples.triggers;

import java.math.BigDecimal;
import java.util.Optional;
import org.pgj.triggers.PgTrigger;
import org.pgj.triggers.Trigger;

/** Rows as records: read the new row as one, return another. */
public final class Products {
    private Products() {
    }

    /** A row of a table (id integer, name text, price numeric, note text): component i is column i, in table order. */
    public record Product(int id, String name, BigDecimal price, Optional<String> note) {
    }

    /** BEFORE INSERT: the row as a record, returned as a new record with the name upper-cased and a note. */
    @PgTrigger
    public static Product upperCaseName(Trigger trigger) {
        Product p = trigger.newRow().as(Product.class);
        return new Product(p.id(), p.name().toUpperCase(), p.price(), Optional.of(p.note().orElse("noted by " + trigger.name())));
    }
}

package org.pgj.examples.functions;

import org.pgj.functions.CompositeType;
import org.pgj.functions.PgFunction;

/** A declaration the server accepts but Java cannot serve: it fails with a clear error when called. */
public final class Mismatches {
    private Mismatches() {
    }

    /** Maps to the table inventory, which has two columns. */
    @CompositeType(name = "inventory", existing = true)
    public record ShortStock(String name) {
    }

    @PgFunction(requires = "inventory")
    public static ShortStock shortStock() {
        return new ShortStock("pens");
    }
}

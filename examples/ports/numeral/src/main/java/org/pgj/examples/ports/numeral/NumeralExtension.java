package org.pgj.examples.ports.numeral;

import org.pgj.functions.PgExtension;

/**
 * numeral 1.3 ported from C: the types {@link Numeral}, {@link Zahl} and {@link Roman}, each a
 * {@code bigint} written in words. Its control file says what the original's does.
 */
@PgExtension(comment = "numeral datatypes extension", relocatable = true)
public final class NumeralExtension {
    private NumeralExtension() {
    }
}

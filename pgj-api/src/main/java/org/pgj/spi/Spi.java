package org.pgj.spi;

/**
 * Runs SQL from Java inside the server, through PostgreSQL's SPI.
 *
 * <pre>{@code
 * try (SpiConnection spi = Spi.connect()) {
 *     spi.run("INSERT INTO log VALUES ('hello')");
 * }
 * }</pre>
 *
 * A server error raised by a statement arrives as a {@link org.pgj.errors.PgException};
 * catch it inside {@link org.pgj.errors.Subtransaction} to carry on.
 */
public final class Spi {
    private Spi() {
    }

    /** Opens an SPI connection scope; nesting is allowed. */
    public static SpiConnection connect() {
        return SpiConnection.open();
    }

    /** Runs one statement in its own connection scope and discards any rows. */
    public static long run(String sql) {
        try (SpiConnection spi = connect()) {
            return spi.run(sql);
        }
    }
}

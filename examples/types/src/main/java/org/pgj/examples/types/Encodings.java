package org.pgj.examples.types;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.pgj.Pg;
import org.pgj.errors.PgException;
import org.pgj.functions.PgFunction;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.triggers.PgTrigger;
import org.pgj.triggers.Trigger;
import org.pgj.triggers.TriggerRow;

/**
 * Text through Java in any database encoding: each function hands the text it gets back to the
 * server by another road (a field, SPI, a trigger's row, a message), so a test can compare bytes.
 */
public final class Encodings {
    private Encodings() {
    }

    /** A composite type with a text field: CREATE TYPE text_row AS (text text, chars integer). */
    public record TextRow(String text, int chars) {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static TextRow textRow(String text) {
        return new TextRow(text, text.codePointCount(0, text.length()));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String textOf(TextRow row) {
        return row.text();
    }

    /** How many characters Java sees, to compare with the server's length(). */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int codePointCount(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Java's UTF-16 code units, to see what a byte became. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int[] codeUnits(String text) {
        return text.chars().toArray();
    }

    /** The text as Java holds it, in UTF-8: what a UTF-8 client receives from the server's conversion. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static byte[] javaUtf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A name made in Java: too long a one is cut at a character boundary of the database encoding. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("name")
    public static String toName(String text) {
        return text;
    }

    /** The text as an SPI argument, and back as a column of the result. */
    @PgFunction
    public static Optional<String> spiRoundTrip(Optional<String> text) {
        return Spi.getOne("SELECT $1::text AS t", String.class, text.orElse(null));
    }

    /** One character as an SPI argument: one the database encoding cannot hold is refused there. */
    @PgFunction
    public static Optional<String> spiWithCodePoint(int codePoint) {
        return Spi.getOne("SELECT $1::text", String.class, Character.toString(codePoint));
    }

    /**
     * Encoding errors are Java exceptions that need no subtransaction to catch: sends the
     * character {@code codePoint} and reads {@code bytes} as text of the database encoding through
     * SPI, catching each failure, and then runs one more statement.
     */
    @PgFunction
    public static String catchEncodingErrors(int codePoint, byte[] bytes) {
        StringBuilder result = new StringBuilder();
        try {
            Spi.getOne("SELECT $1::text", String.class, Character.toString(codePoint));
            result.append("sent ");
        } catch (PgException e) {
            result.append(e.sqlState()).append(' ');
        }
        try {
            Spi.getOne("SELECT convert_from($1, getdatabaseencoding())", String.class, (Object) bytes);
            result.append("read ");
        } catch (PgException e) {
            result.append(e.sqlState()).append(' ');
        }
        return result.append(Spi.getOne("SELECT 'then ok'::text", String.class).orElseThrow()).toString();
    }

    /** The text inside the SQL text of a statement, as a quoted literal. */
    @PgFunction
    public static String spiLiteral(String text) {
        return Spi.getOne("SELECT " + Spi.quoteLiteral(text), String.class).orElseThrow();
    }

    /** A column named {@code name}, as SPI reports its name. */
    @PgFunction
    public static String spiColumnName(String name) {
        try (SpiConnection spi = Spi.connect()) {
            return spi.select("SELECT 1 AS " + Spi.quoteIdentifier(name)).columnName(1);
        }
    }

    /** BEFORE INSERT OR UPDATE: copy = original, and the table's name as Java read it. */
    @PgTrigger
    public static TriggerRow copyText(Trigger trigger) {
        TriggerRow row = trigger.newRow();
        row.set("copy", row.getString("original"));
        row.set("table_name", trigger.tableName());
        return row;
    }

    /** An error whose message and detail are the characters {@code codePoints}, made in Java. */
    @PgFunction
    public static void failWith(int[] codePoints) {
        String message = new String(codePoints, 0, codePoints.length);
        throw new PgException("P0001", message, message, null);
    }

    /** A NOTICE of the characters {@code codePoints}. */
    @PgFunction
    public static void noticeWith(int[] codePoints) {
        Pg.notice(new String(codePoints, 0, codePoints.length));
    }
}

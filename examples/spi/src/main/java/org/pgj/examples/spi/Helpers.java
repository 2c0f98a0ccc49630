package org.pgj.examples.spi;

import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.functions.Nullable;
import org.pgj.functions.PgFunction;
import org.pgj.spi.Spi;

/** EXPLAIN, quoting, and catching errors of SQL run from Java. */
public final class Helpers {
    private Helpers() {
    }

    @PgFunction
    public static String explainJson(String sql) {
        return Spi.explain(sql);
    }

    /** Builds a statement from names and a value, quoted by the server's own rules. */
    @PgFunction
    public static String insertStatement(@Nullable String schema, String table, @Nullable String value) {
        return "INSERT INTO " + Spi.quoteQualifiedIdentifier(schema, table) + " VALUES (" + Spi.quoteLiteral(value) + ")";
    }

    @PgFunction
    public static String quoteName(String name) {
        return Spi.quoteIdentifier(name);
    }

    /** Runs a statement; on a server error returns its SQLSTATE and carries on. */
    @PgFunction
    public static String attempt(String sql) {
        try {
            Subtransaction.run(() -> Spi.run(sql));
            return "ok";
        } catch (PgException e) {
            return e.sqlState();
        }
    }
}

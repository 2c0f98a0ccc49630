package org.pgj.examples.indexes;

import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.exec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The GiST tests' two ways to answer a condition: by an index scan only, or by a sequential scan only. */
final class IndexScans {
    private IndexScans() {
    }

    /** The ids of {@code table}'s rows where {@code where} holds, found by an index scan or by a sequential scan. */
    static List<Object> ids(Connection c, String table, String where, boolean indexed) throws SQLException {
        exec(c, "SET enable_seqscan = " + !indexed, "SET enable_bitmapscan = off", "SET enable_indexscan = " + indexed);
        try {
            return column(c, "SELECT id FROM " + table + " WHERE " + where + " ORDER BY id");
        } finally {
            exec(c, "RESET enable_seqscan", "RESET enable_bitmapscan", "RESET enable_indexscan");
        }
    }

    /** The rows of {@code query} (ordered by its first column), by the plan's index-only scan or by a sequential scan. */
    static List<Object> values(Connection c, String query, boolean indexOnly) throws SQLException {
        exec(c, "SET enable_seqscan = " + !indexOnly, "SET enable_bitmapscan = off", "SET enable_indexscan = " + indexOnly,
                "SET enable_indexonlyscan = " + indexOnly);
        try {
            return column(c, query + " ORDER BY 1");
        } finally {
            exec(c, "RESET enable_seqscan", "RESET enable_bitmapscan", "RESET enable_indexscan", "RESET enable_indexonlyscan");
        }
    }

    /** The plan of {@code query} when neither a sequential nor a bitmap scan is allowed. */
    static String plan(Connection c, String query) throws SQLException {
        exec(c, "SET enable_seqscan = off", "SET enable_bitmapscan = off");
        try {
            return String.join("\n", column(c, "EXPLAIN " + query).stream().map(Object::toString).toList());
        } finally {
            exec(c, "RESET enable_seqscan", "RESET enable_bitmapscan");
        }
    }
}

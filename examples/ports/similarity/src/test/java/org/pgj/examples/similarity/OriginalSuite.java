package org.pgj.examples.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgj.test.OriginalSuites;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/**
 * The C original as its authors released it ({@code ../shared/ports/pg_similarity-1.0}, never
 * copied here), read at test time: its {@code expected/*.out} files replayed statement by
 * statement through JDBC, each result compared cell by cell with the table psql printed, and
 * each ERROR with the error's message. A small psql: {@code \set} variables, {@code \copy ...
 * FROM} a file of the suite; statements the port is known not to run are given with the reason.
 */
final class OriginalSuite {
    private static final Pattern SET_VARIABLE = Pattern.compile("^\\\\set (\\w+) (.*)$");
    private static final Pattern COPY_FROM = Pattern.compile("^\\\\copy (\\w+) FROM '([^']+)'$");
    private static final Pattern TABLE_RULE = Pattern.compile("^-{3,}(\\+-+)*$"); // "--" is a comment
    private static final Pattern ROW_COUNT = Pattern.compile("^\\(\\d+ rows?\\)$");

    private OriginalSuite() {
    }

    /** The folder of the C original (pgj-test's {@link OriginalSuites}). */
    static Path folder() {
        return OriginalSuites.of("pg_similarity-1.0");
    }

    /**
     * Replays {@code expected/<test>.out}. {@code skipped} maps a statement's first line to why
     * the port does not run it; such statements and their output are left out.
     */
    static void replay(Connection c, String test, Map<String, String> skipped) throws IOException, SQLException {
        Path folder = folder();
        List<String> lines = Files.readAllLines(folder.resolve("expected/" + test + ".out"));
        Map<String, String> variables = new LinkedHashMap<>();
        int i = 0;
        int statements = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("--")) {
                i++;
                continue;
            }
            Matcher set = SET_VARIABLE.matcher(line);
            if (set.matches()) {
                variables.put(set.group(1), unquote(set.group(2)));
                i++;
                continue;
            }
            Matcher copy = COPY_FROM.matcher(line);
            if (copy.matches()) {
                try (Reader data = Files.newBufferedReader(folder.resolve(copy.group(2)))) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + copy.group(1) + " FROM STDIN", data);
                }
                i++;
                continue;
            }
            // A statement runs to the line that ends with ';'.
            int first = i;
            StringBuilder sql = new StringBuilder();
            while (true) {
                sql.append(lines.get(i)).append('\n');
                if (lines.get(i++).stripTrailing().endsWith(";")) {
                    break;
                }
            }
            List<String> output = new ArrayList<>();
            while (i < lines.size() && isOutput(lines, i)) {
                output.add(lines.get(i++));
            }
            if (skipped.containsKey(lines.get(first))) {
                continue;
            }
            statements++;
            // pgjdbc reads '?' as a parameter and '??' as the character, which operators like ~?? need.
            check(c, test + ".out:" + (first + 1), substitute(sql.toString(), variables).replace("?", "??"), output);
        }
        assertTrue(statements > 0, "no statement replayed from " + test);
    }

    /** Output follows a statement: an ERROR with its HINT, or a table up to its row count. */
    private static boolean isOutput(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.startsWith("ERROR:") || line.startsWith("HINT:") || ROW_COUNT.matcher(line).matches()) {
            return true;
        }
        if (i + 1 < lines.size() && TABLE_RULE.matcher(lines.get(i + 1).strip()).matches()) {
            return true; // a table's header
        }
        if (TABLE_RULE.matcher(line.strip()).matches()) {
            return true;
        }
        // A row: inside a table, before its row count.
        for (int j = i; j < lines.size(); j++) {
            if (ROW_COUNT.matcher(lines.get(j)).matches()) {
                return true;
            }
            if (lines.get(j).isBlank() || lines.get(j).startsWith("--") || lines.get(j).endsWith(";")) {
                return false;
            }
        }
        return false;
    }

    private static void check(Connection c, String where, String sql, List<String> output) throws SQLException {
        String expectedError = output.stream().filter(l -> l.startsWith("ERROR:")).findFirst()
                .map(l -> l.substring("ERROR:".length()).strip()).orElse(null);
        try (Statement s = c.createStatement()) {
            boolean hasRows = s.execute(sql);
            if (expectedError != null) {
                fail(where + ": expected the error \"" + expectedError + "\" from " + sql);
            }
            if (!hasRows) {
                assertTrue(output.isEmpty(), where + ": no result from " + sql + " but the original printed " + output);
                return;
            }
            assertEquals(expectedRows(output), rows(s.getResultSet()), where + ": " + sql);
        } catch (PSQLException e) {
            if (expectedError == null) {
                throw e;
            }
            assertEquals(expectedError, e.getServerErrorMessage().getMessage(), where + ": " + sql);
        }
    }

    /** psql's aligned table: cells between '|', without the padding. */
    private static List<List<String>> expectedRows(List<String> output) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 2; i < output.size() && !ROW_COUNT.matcher(output.get(i)).matches(); i++) {
            List<String> row = new ArrayList<>();
            for (String cell : output.get(i).split("\\|", -1)) {
                row.add(cell.strip());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> rows(ResultSet r) throws SQLException {
        ResultSetMetaData meta = r.getMetaData();
        List<List<String>> rows = new ArrayList<>();
        while (r.next()) {
            List<String> row = new ArrayList<>();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                String value = r.getString(column);
                row.add(value == null ? "" : value);
            }
            rows.add(row);
        }
        return rows;
    }

    /** psql's :name, replaced by the variable's value. */
    private static String substitute(String sql, Map<String, String> variables) {
        String result = sql;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace(":" + variable.getKey(), variable.getValue());
        }
        return result;
    }

    /** A \set value as psql reads it: '\'x\'' is the text 'x' with its quotes. */
    private static String unquote(String value) {
        String v = value.strip();
        if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
            v = v.substring(1, v.length() - 1).replace("\\'", "'");
        }
        return v;
    }
}

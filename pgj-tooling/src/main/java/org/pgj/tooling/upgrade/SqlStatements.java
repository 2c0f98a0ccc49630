package org.pgj.tooling.upgrade;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an extension script into its statements, as PostgreSQL's lexer would: semicolons inside
 * strings ({@code '...'}, {@code E'...'}), quoted identifiers, dollar quotes ({@code $tag$...$tag$})
 * and comments do not end a statement. Lines starting with {@code \echo} are dropped, as
 * CREATE EXTENSION drops them.
 */
final class SqlStatements {
    /**
     * One statement: its text as written (with the comments just before it, without the
     * semicolon) and its normalized form (comments dropped, runs of blanks outside literals made
     * one space), by which scripts are compared.
     */
    record Statement(String text, String normalized) {
        /** The first line of the statement proper, for messages. */
        String summary() {
            String first = normalized.length() > 100 ? normalized.substring(0, 97) + "..." : normalized;
            return first;
        }
    }

    private SqlStatements() {
    }

    static List<Statement> split(String script) {
        String sql = script.replaceAll("(?m)^\\\\echo.*$", "");
        List<Statement> statements = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder normalized = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                text.append(sql, i, end);
                space(normalized);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = blockCommentEnd(sql, i);
                text.append(sql, i, end);
                space(normalized);
                i = end;
            } else if (c == '\'' ) {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(sql.charAt(i - 2)) && sql.charAt(i - 2) != '_');
                int end = quotedEnd(sql, i, '\'', escapes);
                text.append(sql, i, end);
                normalized.append(sql, i, end);
                i = end;
            } else if (c == '"') {
                int end = quotedEnd(sql, i, '"', false);
                text.append(sql, i, end);
                normalized.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                text.append(sql, i, end);
                normalized.append(sql, i, end);
                i = end;
            } else if (c == ';') {
                add(statements, text, normalized);
                text.setLength(0);
                normalized.setLength(0);
                i++;
            } else {
                text.append(c);
                if (Character.isWhitespace(c)) {
                    space(normalized);
                } else {
                    normalized.append(c);
                }
                i++;
            }
        }
        add(statements, text, normalized);
        return statements;
    }

    private static void add(List<Statement> statements, StringBuilder text, StringBuilder normalized) {
        String norm = normalized.toString().strip();
        if (!norm.isEmpty()) {
            statements.add(new Statement(text.toString().strip(), norm));
        }
    }

    private static void space(StringBuilder normalized) {
        if (!normalized.isEmpty() && normalized.charAt(normalized.length() - 1) != ' ') {
            normalized.append(' ');
        }
    }

    /** The index after the closing quote; a doubled quote is part of the text. */
    private static int quotedEnd(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** Block comments nest in PostgreSQL. */
    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i + 1 < sql.length()) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $tag$} starting at {@code i}, or null when the dollar is not a dollar quote (e.g. {@code $1}). */
    private static String dollarTag(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return null;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }
}

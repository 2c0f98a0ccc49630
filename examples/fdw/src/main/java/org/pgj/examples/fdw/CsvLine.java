package org.pgj.examples.fdw;

import java.util.ArrayList;
import java.util.List;
import org.pgj.errors.PgException;

/** One line of CSV: fields split at the delimiter, quotes removed; an empty unquoted field is NULL. */
final class CsvLine {
    private CsvLine() {
    }

    static List<String> split(String text, char delimiter, long line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.isEmpty() && !wasQuoted ? null : field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new PgException("22P04", "line " + line + " has an unterminated quoted field");
        }
        fields.add(field.isEmpty() && !wasQuoted ? null : field.toString());
        return fields;
    }
}

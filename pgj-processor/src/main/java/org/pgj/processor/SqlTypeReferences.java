package org.pgj.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The type names a piece of generated SQL refers to, as PostgreSQL would look them up:
 * {@code SETOF vec2}, {@code TABLE(at vec2, n integer)}, {@code "Vec"[]}, {@code util.vec2},
 * {@code varchar(20)}. Unquoted names fold to lower case and quoted ones stay as written; a
 * schema qualifier is dropped (the types pgj creates are all in the extension's schema), so a
 * name can be compared with the name of a type the install script creates.
 */
final class SqlTypeReferences {
    private SqlTypeReferences() {
    }

    /** The type names in a type as written in a signature or a column list. */
    static List<String> in(String sqlType) {
        String type = sqlType.strip();
        List<String> names = new ArrayList<>();
        if (startsWithWord(type, "SETOF")) {
            type = type.substring(5).strip();
        }
        if (startsWithWord(type, "TABLE") && type.substring(5).strip().startsWith("(") && type.endsWith(")")) {
            String columns = type.substring(type.indexOf('(') + 1, type.length() - 1);
            for (String column : topLevelItems(columns)) {
                // A column is "name type": the name is one identifier, quoted or not.
                String rest = column.strip();
                int end = rest.startsWith("\"") ? closingQuote(rest, 0) + 1 : firstSpace(rest);
                names.addAll(in(rest.substring(Math.min(end, rest.length()))));
            }
            return names;
        }
        String name = baseName(type);
        if (!name.isEmpty()) {
            names.add(name);
        }
        return names;
    }

    /** The bare name of a single type: without array brackets, modifiers or schema. */
    private static String baseName(String type) {
        StringBuilder last = new StringBuilder();
        boolean quotedLast = false;
        int i = 0;
        while (i < type.length()) {
            char c = type.charAt(i);
            if (c == '"') {
                int close = closingQuote(type, i);
                last.setLength(0);
                last.append(type.substring(i + 1, close).replace("\"\"", "\""));
                quotedLast = true;
                i = close + 1;
            } else if (c == '.') {
                last.setLength(0); // a schema qualifier: what follows is the name
                i++;
            } else if (c == '(' || c == '[') {
                break; // a type modifier or array dimensions
            } else if (Character.isWhitespace(c)) {
                // Several words (double precision, timestamp with time zone) name built-in types only.
                return quotedLast ? last.toString() : "";
            } else {
                if (quotedLast) {
                    last.setLength(0);
                    quotedLast = false;
                }
                last.append(c);
                i++;
            }
        }
        return quotedLast ? last.toString() : last.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWithWord(String text, String word) {
        return text.regionMatches(true, 0, word, 0, word.length())
                && (text.length() == word.length() || !Character.isLetterOrDigit(text.charAt(word.length()))
                        && text.charAt(word.length()) != '_');
    }

    /** Items separated by commas outside parentheses and quotes. */
    private static List<String> topLevelItems(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = closingQuote(text, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(text.substring(start, i));
                start = i + 1;
            }
        }
        items.add(text.substring(start));
        return items;
    }

    /** The index of the quote that closes the one at {@code open} ({@code ""} is a quote inside). */
    private static int closingQuote(String text, int open) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return text.length() - 1;
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }
}

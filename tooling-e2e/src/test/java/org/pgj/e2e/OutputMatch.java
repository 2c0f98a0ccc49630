package org.pgj.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares a command's output with what the README shows. Both sides are normalized first: times
 * ({@code 9.8s}) and PostgreSQL minor versions do not count, nor do trailing blanks and blank
 * lines at the end. In the README, a line {@code ...} stands for any number of lines, and
 * {@code ...} inside a line for any text.
 */
final class OutputMatch {
    private static final Pattern TIME = Pattern.compile("\\b\\d+\\.\\d+s\\b");
    private static final Pattern MINOR = Pattern.compile("(PostgreSQL \\d+)\\.\\d+");

    private OutputMatch() {
    }

    static List<String> normalize(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String l = TIME.matcher(line).replaceAll("#s");
            l = MINOR.matcher(l).replaceAll("$1.#").stripTrailing();
            out.add(l);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Whether {@code actual} matches {@code expected}, both normalized. */
    static boolean matches(List<String> expected, List<String> actual) {
        return matches(normalize(expected), 0, normalize(actual), 0);
    }

    private static boolean matches(List<String> e, int i, List<String> a, int j) {
        if (i == e.size()) {
            return j == a.size();
        }
        if (e.get(i).equals("...")) {
            for (int k = j; k <= a.size(); k++) {
                if (matches(e, i + 1, a, k)) {
                    return true;
                }
            }
            return false;
        }
        return j < a.size() && line(e.get(i), a.get(j)) && matches(e, i + 1, a, j + 1);
    }

    private static boolean line(String expected, String actual) {
        if (!expected.contains("...")) {
            return expected.equals(actual);
        }
        StringBuilder regex = new StringBuilder();
        String[] parts = expected.split("\\.\\.\\.", -1);
        for (int k = 0; k < parts.length; k++) {
            if (k > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[k]));
        }
        return actual.matches(regex.toString());
    }
}

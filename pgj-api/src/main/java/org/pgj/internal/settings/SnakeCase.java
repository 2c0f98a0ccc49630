package org.pgj.internal.settings;

/**
 * Turns Java names into the snake_case SQL users expect: {@code addOne} becomes {@code add_one},
 * {@code parseURL} becomes {@code parse_url}, {@code toUTF8} becomes {@code to_utf8}.
 */
public final class SnakeCase {
    private SnakeCase() {
    }

    /** The name a declaration gives ({@code name = "..."}), or else the Java name in snake_case. */
    public static String unlessNamed(String declared, String javaName) {
        return declared == null || declared.isBlank() ? of(javaName) : declared.trim();
    }

    public static String of(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                // A word starts at an upper-case letter after a lower-case letter or digit
                // (addOne), or at the last capital of an acronym that a word follows (URLParser).
                char prev = i > 0 ? javaName.charAt(i - 1) : '_';
                boolean afterWord = Character.isLowerCase(prev) || Character.isDigit(prev);
                boolean acronymEnd = Character.isUpperCase(prev)
                        && i + 1 < javaName.length()
                        && Character.isLowerCase(javaName.charAt(i + 1));
                if (afterWord || acronymEnd) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

package org.pgj.processor;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@code @Default} against its parameter's SQL type where the text is a plain
 * literal; an expression ({@code now()}, {@code 2 * 21}, a cast) is left to the server.
 */
final class DefaultValues {
    /** A literal: a signed number, a word, or one quoted string, with nothing around it. */
    private static final Pattern LITERAL = Pattern.compile("[+-]?[\\w.]+|'[^']*'");
    private static final Map<String, BigDecimal[]> INTEGER_RANGES = Map.of(
            "smallint", range(Short.MIN_VALUE, Short.MAX_VALUE),
            "integer", range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            "bigint", range(Long.MIN_VALUE, Long.MAX_VALUE));
    private static final Set<String> FLOATS = Set.of("real", "double precision");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "t", "f", "yes", "no", "on", "off", "1", "0",
            "y", "n");

    private DefaultValues() {
    }

    private static BigDecimal[] range(long min, long max) {
        return new BigDecimal[] {BigDecimal.valueOf(min), BigDecimal.valueOf(max)};
    }

    /** What is wrong with {@code value} as a default of {@code sqlType}, or empty. */
    static Optional<String> check(String value, String sqlType, boolean nullable) {
        String text = value.trim();
        if (text.isEmpty()) {
            return Optional.of("which is empty; give a SQL expression, e.g. @Default(\"0\") or @Default(\"'text'\")");
        }
        if (text.equalsIgnoreCase("null")) {
            return nullable ? Optional.empty()
                    : Optional.of("but the parameter cannot hold NULL; make it a box, an Optional or @Nullable");
        }
        if (!LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        String type = TypeMapping.signatureForm(sqlType);
        boolean quoted = text.startsWith("'");
        String bare = quoted ? text.substring(1, text.length() - 1).trim() : text;
        if (INTEGER_RANGES.containsKey(type)) {
            BigDecimal[] range = INTEGER_RANGES.get(type);
            try {
                BigDecimal n = new BigDecimal(bare);
                if (n.stripTrailingZeros().scale() > 0 || n.compareTo(range[0]) < 0 || n.compareTo(range[1]) > 0) {
                    return Optional.of("which is not a " + type + " (from " + range[0] + " to " + range[1] + ")");
                }
            } catch (NumberFormatException e) {
                return Optional.of("which is not a " + type);
            }
        } else if (FLOATS.contains(type)) {
            try {
                Double.parseDouble(bare.replace("Infinity", "1").replace("NaN", "1"));
            } catch (NumberFormatException e) {
                return Optional.of("which is not a " + type);
            }
        } else if (type.equals("boolean") && !BOOLEANS.contains(bare.toLowerCase(Locale.ROOT))) {
            return Optional.of("which is not a boolean (true or false)");
        }
        return Optional.empty();
    }
}

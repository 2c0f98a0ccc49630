package org.pgj.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names facts.c defines, read from its source: each entry of the {@code facts[]} array is
 * {@code OFFSET(type, field)} ("type.field"), {@code SIZE(type)} ("sizeof.type"),
 * {@code CONST(name)}, {@code ADDR(symbol)} ("addr.symbol") or a literal {@code {"name", value}}.
 * The C compiler checks each entry against the headers of the major it builds for; this class
 * lets a test check Java's names against the entries.
 */
record NativeFactTable(Set<String> names, List<String> duplicates) {
    private static final Pattern ENTRY = Pattern.compile(
            "OFFSET\\(\\s*(\\w+)\\s*,\\s*(\\w+)\\s*\\)|SIZE\\(\\s*(\\w+)\\s*\\)|CONST\\(\\s*(\\w+)\\s*\\)"
                    + "|ADDR\\(\\s*(\\w+)\\s*\\)|\\{\\s*\"([^\"]+)\"");
    private static final String ARRAY_START = "static const PgjFact facts[] = {";
    private static final String ARRAY_END = "{NULL, 0}";

    /** facts.c as pgj-native ships it (a resource of its artifact). */
    static NativeFactTable shipped() {
        try (InputStream in = NativeFactTable.class.getClassLoader().getResourceAsStream("org/pgj/native/facts.c")) {
            if (in == null) {
                throw new IllegalStateException("org/pgj/native/facts.c is not on the test class path: pgj-api's tests "
                        + "need the pgj-native artifact (mvn -pl pgj-native install)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NativeFactTable parse(String source) {
        int start = source.indexOf(ARRAY_START);
        int end = source.indexOf(ARRAY_END, Math.max(start, 0));
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("facts.c has no '" + ARRAY_START + " ... " + ARRAY_END + "' array");
        }
        String body = source.substring(start + ARRAY_START.length(), end).replaceAll("(?s)/\\*.*?\\*/", " ");
        Set<String> names = new LinkedHashSet<>();
        List<String> duplicates = new ArrayList<>();
        Matcher m = ENTRY.matcher(body);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) + "." + m.group(2)
                    : m.group(3) != null ? "sizeof." + m.group(3)
                    : m.group(4) != null ? m.group(4)
                    : m.group(5) != null ? "addr." + m.group(5)
                    : m.group(6);
            if (!names.add(name)) {
                duplicates.add(name);
            }
        }
        return new NativeFactTable(names, duplicates);
    }
}

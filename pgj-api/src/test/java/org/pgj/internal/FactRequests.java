package org.pgj.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every fact the Java sources ask for: {@code Facts.get("name")}, {@code getInt} and
 * {@code getString} with a literal name. A call whose name is computed is reported on its own,
 * since no build step can know what it asks for.
 */
record FactRequests(List<Request> literal, List<String> computed) {
    /** A name asked for, and where ({@code File.java:12}). */
    record Request(String name, String where) {
    }

    private static final Pattern CALL = Pattern.compile("Facts\\.get(?:Int|String)?\\(\\s*(\"([^\"]*)\")?");

    static FactRequests in(Path sources) {
        List<Request> literal = new ArrayList<>();
        List<String> computed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = CALL.matcher(lines.get(i));
                    while (m.find()) {
                        String where = sources.relativize(file) + ":" + (i + 1);
                        if (m.group(1) != null) {
                            literal.add(new Request(m.group(2), where));
                        } else {
                            computed.add(where);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FactRequests(literal, computed);
    }
}

package org.pgj.processor;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Formats a properties file the way {@link Properties#load} reads it back, without the
 * timestamp {@link Properties#store} adds, so that builds are reproducible.
 */
final class PropertiesText {
    private PropertiesText() {
    }

    static String format(String comment, Map<String, String> entries) {
        Properties properties = new Properties();
        properties.putAll(entries);
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null); // keys come out sorted (JDK 18+)
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        String body = out.toString();
        body = body.substring(body.indexOf('\n') + 1); // the date line
        return "# " + comment + "\n" + body.replace(System.lineSeparator(), "\n");
    }
}

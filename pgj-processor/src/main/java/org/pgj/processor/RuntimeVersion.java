package org.pgj.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This processor's pgj version (runtime.properties, filtered by Maven): the runtime its extensions load. */
final class RuntimeVersion {
    static final String VERSION = load();

    private RuntimeVersion() {
    }

    private static String load() {
        Properties props = new Properties();
        try (InputStream in = RuntimeVersion.class.getResourceAsStream("runtime.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read org/pgj/processor/runtime.properties: rebuild pgj-processor", e);
        }
        String version = props.getProperty("version", "");
        if (version.isBlank() || version.startsWith("${")) {
            throw new IllegalStateException("org/pgj/processor/runtime.properties names no pgj version: rebuild pgj-processor with Maven");
        }
        return version;
    }
}

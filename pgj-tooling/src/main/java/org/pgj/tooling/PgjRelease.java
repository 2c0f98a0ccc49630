package org.pgj.tooling;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * This pgj build: its version and the versions it was built and tested with, from
 * {@code org/pgj/tooling/release.properties} (filtered by Maven). New projects pin the same
 * plugin versions, so they build offline from what building pgj put into ~/.m2.
 */
public final class PgjRelease {
    private static final Properties PROPERTIES = load();

    private PgjRelease() {
    }

    public static String version() {
        return get("version");
    }

    /** The Java release pgj's classes are compiled for: extensions need at least this JDK to compile. */
    public static int javaRelease() {
        return Integer.parseInt(get("java.release"));
    }

    /** A key of release.properties, e.g. {@code junit.version} or {@code maven.compiler.plugin}. */
    public static String get(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("release.properties has no value for " + key + ": rebuild pgj-tooling with Maven");
        }
        return value;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PgjRelease.class.getResourceAsStream("release.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read org/pgj/tooling/release.properties: " + e.getMessage(), e);
        }
        return p;
    }
}

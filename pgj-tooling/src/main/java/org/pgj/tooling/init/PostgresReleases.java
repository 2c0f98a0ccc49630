package org.pgj.tooling.init;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgVersions;

/**
 * The PostgreSQL source releases pgj knows ({@code postgres-releases.properties}): which minor
 * {@code --download MAJOR} builds, and the checksums pgj has of release tarballs.
 */
final class PostgresReleases {
    private static final Pattern SPEC = Pattern.compile("(?:pg)?(\\d+)(?:\\.(\\d+))?");
    private static final Properties RELEASES = load();

    private PostgresReleases() {
    }

    /** {@code 18} or {@code pg18}: the newest minor pgj knows; {@code 18.6}: that release. */
    static String version(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new ToolException("'" + spec + "' is not a PostgreSQL version: write a major (18) or a release (18.6)");
        }
        int major = Integer.parseInt(m.group(1));
        PgVersions.requireSupported(major, "--download " + spec);
        if (m.group(2) != null) {
            return major + "." + m.group(2);
        }
        String newest = RELEASES.getProperty("newest." + major);
        if (newest == null) {
            throw new ToolException("pgj knows no release of PostgreSQL " + major + ": name one, e.g. --download " + major + ".1");
        }
        return newest;
    }

    /** The SHA-256 of {@code postgresql-<version>.tar.bz2}, where pgj has it. */
    static Optional<String> sha256(String version) {
        return Optional.ofNullable(RELEASES.getProperty("sha256." + version));
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PostgresReleases.class.getResourceAsStream("postgres-releases.properties")) {
            if (in == null) {
                throw new IllegalStateException("org/pgj/tooling/init/postgres-releases.properties is missing: rebuild pgj-tooling");
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read postgres-releases.properties: " + e.getMessage(), e);
        }
        return p;
    }
}

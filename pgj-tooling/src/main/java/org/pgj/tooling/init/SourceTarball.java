package org.pgj.tooling.init;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgj.tooling.Exec;
import org.pgj.tooling.PgVersions;
import org.pgj.tooling.ToolException;

/**
 * A PostgreSQL source tarball ({@code postgresql-18.6.tar.bz2}, or Debian's
 * {@code postgresql-18_18.6.orig.tar.bz2}): checked to be one before anything is built from it.
 */
final class SourceTarball {
    /** A release tarball is 20 MB or more; below 1 MB it is an error page or a download cut short. */
    static final long MINIMUM_SIZE = 1L << 20;
    private static final Pattern TOP = Pattern.compile("^(?:\\./)?postgresql-(\\d+)\\.(\\d+)/");

    private final Path file;
    private final String version;
    private final int major;

    private SourceTarball(Path file, String version, int major) {
        this.file = file;
        this.version = version;
        this.major = major;
    }

    /**
     * Opens {@code file} as a PostgreSQL source tarball of a supported major: its size, its
     * folder {@code postgresql-X.Y/} with a {@code configure}, and its checksum where pgj knows
     * the release's.
     */
    static SourceTarball open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ToolException("the PostgreSQL source " + file + " does not exist: give the path of a tarball such as "
                    + "postgresql-18.6.tar.bz2 (https://www.postgresql.org/ftp/source/)");
        }
        long size = size(file);
        if (size < MINIMUM_SIZE) {
            throw new ToolException(file + " is " + size + " bytes, too small for PostgreSQL's source (about 20 MB): "
                    + "it is probably a truncated download or an error page; download it again");
        }
        Exec.Result listing = Exec.run(List.of("tar", "-tf", file.toString()), 300);
        if (!listing.ok()) {
            throw new ToolException("cannot read " + file + " as a tarball (`tar -tf`, exit " + listing.exitCode() + "): "
                    + listing.tail(3) + "\ndownload it again; a .tar.bz2 also needs bzip2 (apt-get install bzip2)");
        }
        String version = null;
        int major = 0;
        boolean configure = false;
        for (String entry : listing.output().lines().toList()) {
            Matcher m = TOP.matcher(entry);
            if (m.find()) {
                major = Integer.parseInt(m.group(1));
                version = m.group(1) + "." + m.group(2);
                configure |= entry.substring(m.end()).equals("configure");
            }
        }
        if (version == null || !configure) {
            throw new ToolException(file + " is not a PostgreSQL source tarball (no postgresql-X.Y/configure in it): "
                    + "use a release tarball from https://www.postgresql.org/ftp/source/");
        }
        PgVersions.requireSupported(major, file.toString());
        SourceTarball tarball = new SourceTarball(file, version, major);
        Optional<String> known = PostgresReleases.sha256(version);
        if (known.isPresent()) {
            tarball.verify(known.get(), "the checksum pgj knows for PostgreSQL " + version);
        }
        return tarball;
    }

    /** Fails unless the file's SHA-256 is {@code expected}. */
    void verify(String expected, String what) {
        String actual = sha256(file);
        if (!actual.equalsIgnoreCase(expected.trim())) {
            throw new ToolException(file + " does not match " + what + " (sha256 " + actual + ", expected " + expected
                    + "): it is damaged or not the release; download it again");
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ToolException("cannot read " + file + " (" + e.getMessage() + "): check its permissions", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + " (" + e.getMessage() + "): check its permissions", e);
        }
    }

    /** Unpacks into {@code dir}; returns the source folder, {@code dir/postgresql-X.Y}. */
    Path extract(Path dir) {
        Exec.Result r = Exec.run(List.of("tar", "-xf", file.toString(), "-C", dir.toString()), 600);
        if (!r.ok()) {
            throw new ToolException("unpacking " + file + " into " + dir + " failed (exit " + r.exitCode() + "): " + r.tail(5)
                    + "\ncheck the free space there (PostgreSQL's build needs about 1 GB)");
        }
        return dir.resolve("postgresql-" + version);
    }

    Path file() {
        return file;
    }

    /** {@code 18.6} */
    String version() {
        return version;
    }

    int major() {
        return major;
    }
}

package org.pgj.tooling.init;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgVersions;

/**
 * A PostgreSQL source tarball ({@code postgresql-18.6.tar.bz2}, or Debian's
 * {@code postgresql-18_18.6.orig.tar.bz2}): checked to be one before anything is built from it,
 * then unpacked (Commons Compress: no tar or bzip2 program needed).
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
        String version = null;
        int major = 0;
        boolean configure = false;
        try (TarArchiveInputStream tar = read(file)) {
            for (TarArchiveEntry entry; !configure && (entry = tar.getNextEntry()) != null; ) {
                Matcher m = TOP.matcher(entry.getName());
                if (m.find()) {
                    major = Integer.parseInt(m.group(1));
                    version = m.group(1) + "." + m.group(2);
                    configure = entry.getName().substring(m.end()).equals("configure");
                }
            }
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + " as a tarball (" + e.getMessage() + "): download it again", e);
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

    /** Unpacks into {@code dir}, keeping modes and times (make compares them); returns {@code dir/postgresql-X.Y}. */
    Path extract(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = read(file)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new ToolException(file + " holds " + entry.getName() + ", outside the folder it unpacks into: "
                            + "it is not a PostgreSQL release; download it again");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                if (entry.isSymbolicLink()) {
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    continue;
                }
                if (!entry.isFile()) {
                    continue; // devices, FIFOs and hard links are not part of a source release
                }
                Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                Files.setLastModifiedTime(target, entry.getLastModifiedTime());
            }
        } catch (IOException e) {
            throw new ToolException("unpacking " + file + " into " + dir + " failed (" + e.getMessage() + ")"
                    + "\ncheck the free space there (PostgreSQL's build needs about 1 GB)", e);
        }
        return dir.resolve("postgresql-" + version);
    }

    /** The tar stream of a compressed tarball (bzip2 or gzip, whichever it is). */
    private static TarArchiveInputStream read(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return new TarArchiveInputStream(new CompressorStreamFactory().createCompressorInputStream(in));
        } catch (CompressorException e) {
            in.close();
            throw e;
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
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

package org.pgj.tooling.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes a gzipped tar archive (Commons Compress) of regular files, owned by root (uid 0) as a
 * system package's files are. It has no folder entries: extracting with {@code -C /} then creates
 * missing folders and never changes the modes or owners of existing ones like {@code /usr}.
 */
final class TarGz {
    private TarGz() {
    }

    /** @param files paths relative to {@code root}, in archive order */
    static void write(Path root, List<Path> files, Path archive) throws IOException {
        Path tmp = archive.resolveSibling("." + archive.getFileName() + ".tmp");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(tmp)))) {
            // Paths longer than ustar holds (jars with long names) go into PAX headers, which tar reads.
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path relative : files) {
                Path file = root.resolve(relative);
                TarArchiveEntry entry = new TarArchiveEntry(relative.toString().replace('\\', '/'));
                entry.setSize(Files.size(file));
                entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | (Files.isExecutable(file) ? 0755 : 0644));
                entry.setModTime(Files.getLastModifiedTime(file));
                entry.setIds(0, 0);
                entry.setNames("root", "root");
                out.putArchiveEntry(entry);
                Files.copy(file, out);
                out.closeArchiveEntry();
            }
        }
        Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package org.pgj.tooling.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.pgj.tooling.ToolException;

/**
 * Writes a gzipped ustar archive of regular files, owned by root (uid 0) as a system package's
 * files are. It has no folder entries: extracting with {@code -C /} then creates missing
 * folders and never changes the modes or owners of existing ones like {@code /usr}.
 */
final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {
    }

    /** @param files paths relative to {@code root}, in archive order */
    static void write(Path root, List<Path> files, Path archive) throws IOException {
        Path tmp = archive.resolveSibling("." + archive.getFileName() + ".tmp");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            for (Path relative : files) {
                Path file = root.resolve(relative);
                byte[] content = Files.readAllBytes(file);
                out.write(header(relative.toString().replace('\\', '/'), content.length,
                        Files.isExecutable(file) ? 0755 : 0644, Files.getLastModifiedTime(file).toMillis() / 1000));
                out.write(content);
                int pad = (BLOCK - content.length % BLOCK) % BLOCK;
                out.write(new byte[pad]);
            }
            out.write(new byte[2 * BLOCK]); // end of archive
        }
        Files.move(tmp, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] header(String path, long size, int mode, long mtime) {
        byte[] h = new byte[BLOCK];
        String name = path;
        String prefix = "";
        if (path.getBytes(StandardCharsets.UTF_8).length > 100) {
            // ustar keeps up to 155 bytes of folders in the prefix field.
            int cut = path.lastIndexOf('/', 155);
            if (cut <= 0 || path.substring(cut + 1).getBytes(StandardCharsets.UTF_8).length > 100) {
                throw new ToolException("the path " + path + " is too long for a tar archive (ustar): shorten the jar's name");
            }
            prefix = path.substring(0, cut);
            name = path.substring(cut + 1);
        }
        put(h, 0, 100, name);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = '0';
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        put(h, 265, 32, "root");
        put(h, 297, 32, "root");
        put(h, 345, 155, prefix);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        return h;
    }

    private static void put(byte[] h, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, h, offset, Math.min(bytes.length, length));
    }

    /** Zero-padded octal, NUL-terminated, in {@code length} bytes. */
    private static void octal(byte[] h, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
        put(h, offset, length - 1, padded);
    }
}

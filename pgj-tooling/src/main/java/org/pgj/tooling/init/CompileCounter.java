package org.pgj.tooling.init;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Counts compiler lines as make writes them, reading only what is new each time. */
final class CompileCounter {
    /** A compiler invocation as make echoes it: {@code gcc ... -c -o x.o x.c}. */
    private static final Pattern COMPILE = Pattern.compile("^(?:gcc|cc|clang)\\b.* -c .*");

    private final Path log;
    private long offset;
    private String partial = "";
    private int count;

    CompileCounter(Path log, long offset) {
        this.log = log;
        this.offset = offset;
    }

    int count() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length > offset) {
                byte[] bytes = new byte[(int) Math.min(length - offset, 64L << 20)];
                file.seek(offset);
                file.readFully(bytes);
                offset += bytes.length;
                String text = partial + new String(bytes, StandardCharsets.UTF_8);
                int last = text.lastIndexOf('\n');
                partial = text.substring(last + 1);
                for (String line : text.substring(0, last + 1).split("\n")) {
                    if (COMPILE.matcher(line).matches()) {
                        count++;
                    }
                }
            }
        } catch (IOException e) {
            // the count stays where it was; the next poll tries again
        }
        return count;
    }
}

package org.pgj.internal.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.pgj.LogLevel;

/** An OutputStream that sends each complete line to the server log, prefixed with its origin. */
final class LineStream extends OutputStream {
    private final String origin;
    private final LogLevel level;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineStream(String origin, LogLevel level) {
        this.origin = origin;
        this.level = level;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        ServerLogging.emit(level, origin + ": " + text);
    }
}

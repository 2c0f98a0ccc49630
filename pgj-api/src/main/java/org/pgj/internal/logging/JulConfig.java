package org.pgj.internal.logging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * java.util.logging's configuration class (named by {@code java.util.logging.config.class}):
 * every JUL record goes to the server log. The root level is ALL: {@link JulHandler} decides, as
 * the server's log_min_messages and client_min_messages say at the time of the record.
 */
public final class JulConfig {
    public JulConfig() {
        String config = "handlers=" + JulHandler.class.getName() + "\n.level=ALL\n";
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

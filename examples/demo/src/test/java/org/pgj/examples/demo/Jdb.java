package org.pgj.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.pgj.test.Poll;

/** The JDK's command-line debugger, attached to a JVM's JDWP port and driven command by command. */
final class Jdb implements AutoCloseable {
    private final Process process;
    private final Writer input;
    private final StringBuffer output = new StringBuffer();
    private int read;

    private Jdb(Process process) {
        this.process = process;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                output.append("\n[jdb output ended: ").append(e).append("]");
            }
        }, "jdb-output");
        reader.setDaemon(true);
        reader.start();
    }

    static Jdb attach(int port) throws IOException {
        Path jdb = Path.of(System.getProperty("java.home"), "bin", "jdb");
        return new Jdb(new ProcessBuilder(jdb.toString(), "-attach", "localhost:" + port).redirectErrorStream(true).start());
    }

    /** Attaches to the session whose first call printed {@code notice}, after checking it names the port. */
    static Jdb attachWhenListening(String notice, int port) throws IOException {
        if (!notice.contains("listens for a Java debugger on localhost:" + port)) {
            throw new AssertionError("the session's first call says where its JVM listens, but said: " + notice);
        }
        return attach(port);
    }

    /** Sends one command. */
    Jdb send(String command) throws IOException {
        input.write(command + "\n");
        input.flush();
        return this;
    }

    /** Waits until jdb has printed {@code text} since the last wait, and returns what it printed up to there. */
    String await(String text, Duration timeout) {
        int[] at = new int[1];
        Poll.until("jdb to print '" + text + "'; it printed:\n" + output, timeout, Duration.ofMillis(50), () -> {
            at[0] = output.indexOf(text, read);
            return at[0] >= 0;
        });
        String printed = output.substring(read, at[0] + text.length());
        read = at[0] + text.length();
        return printed;
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}

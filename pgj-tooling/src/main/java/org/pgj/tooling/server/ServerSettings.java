package org.pgj.tooling.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.ToolException;

/**
 * pgj's settings for one cluster, {@code conf/<name>.conf}, included from its postgresql.conf:
 * a file of pgj's own, so settings can be written before initdb and survive a new cluster.
 */
final class ServerSettings {
    private static final Pattern SETTING = Pattern.compile("^\\s*([A-Za-z0-9_.]+)\\s*=");

    private final ServerHome home;

    ServerSettings(ServerHome home) {
        this.home = home;
    }

    /**
     * What every private server needs: localhost on {@code port}, its socket in the data folder, no
     * fsync unless durable. The durable one, the dev server, allows a session a Java debugger.
     */
    void writeBase(int port, boolean durable) {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("listen_addresses", "localhost");
        base.put("port", Integer.toString(port));
        base.put("unix_socket_directories", home.dataDir().toString());
        base.put("logging_collector", "off");
        // info: pgj's runtime reports JVM start and class loading at INFO; the default drops it.
        base.put("log_min_messages", "info");
        if (durable) {
            base.put("pgj.debug_allowed", "on");
        } else {
            base.put("fsync", "off");
            base.put("synchronous_commit", "off");
            base.put("full_page_writes", "off");
        }
        write(base);
    }

    /** Replaces or appends {@code name = 'value'} lines. */
    void write(Map<String, String> settings) {
        Path file = home.configFile();
        try {
            List<String> lines = new ArrayList<>(Files.isRegularFile(file) ? Files.readAllLines(file)
                    : List.of("# pgj settings for " + home.dataDir() + ", included from its postgresql.conf"));
            for (Map.Entry<String, String> s : settings.entrySet()) {
                String line = s.getKey() + " = '" + s.getValue().replace("'", "''") + "'";
                boolean replaced = false;
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = SETTING.matcher(lines.get(i));
                    if (m.find() && m.group(1).toLowerCase(Locale.ROOT).equals(s.getKey().toLowerCase(Locale.ROOT))) {
                        lines.set(i, line);
                        replaced = true;
                    }
                }
                if (!replaced) {
                    lines.add(line);
                }
            }
            AtomicFiles.write(file, String.join("\n", lines) + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new ToolException("cannot write " + file + " (" + e.getMessage()
                    + "): make " + home.home() + " writable, or set PGJ_HOME to a writable folder", e);
        }
    }

    /** Points postgresql.conf at pgj's settings file (once). ALTER SYSTEM still wins over it. */
    void include() {
        Path conf = home.dataDir().resolve("postgresql.conf");
        String include = "include_if_exists = '" + home.configFile().toString().replace("'", "''") + "'";
        try {
            if (!Files.readString(conf).contains(include)) {
                Files.writeString(conf, "\n# added by pgj\n" + include + "\n", StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new ToolException("cannot update " + conf + " (" + e.getMessage() + "): delete " + home.dataDir()
                    + " and run again", e);
        }
    }
}

package org.pgj.tooling.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.server.PrivateServer;

/**
 * Brings one database of the dev server to the project's current extension, the way a
 * developer would by hand:
 * <ul>
 * <li>not there: {@code CREATE EXTENSION};
 * <li>an older version: {@code ALTER EXTENSION ... UPDATE}, through the project's upgrade scripts;
 * <li>the same version, but its install script changed since this database got it (the usual
 *     edit-run loop, which keeps the version): dropped and created again, unless objects that are
 *     not the extension's depend on it (a view on one of its functions): those are named, and
 *     dropped with it only when forced.
 * </ul>
 * What each database got is remembered as the install script's hash under the pgj home.
 */
public final class DevDatabase {
    private DevDatabase() {
    }

    /** @param force drop what depends on the extension with it when its install script changed */
    public static void prepare(PrivateServer server, String database, Stage stage, boolean force, Progress p) {
        String exists = server.psql("postgres", "SELECT count(*) FROM pg_database WHERE datname = " + literal(database)).trim();
        if (exists.equals("0")) {
            server.createDatabase(database, false);
            p.step("created database " + database);
        }
        String ext = stage.extension();
        String installed = server.psql(database, "SELECT extversion FROM pg_extension WHERE extname = " + literal(ext)).trim();
        String script = hash(stage.extensionDir().resolve(ext + "--" + stage.version() + ".sql"));
        Path state = server.home().resolve("run").resolve(server.name()).resolve(database).resolve(ext + ".sha256");
        String recorded = read(state);
        if (installed.isEmpty()) {
            server.psql(database, "CREATE EXTENSION " + ext);
            p.step("CREATE EXTENSION " + ext + " (version " + stage.version() + ") in database " + database);
        } else if (!installed.equals(stage.version())) {
            try {
                server.psql(database, "ALTER EXTENSION " + ext + " UPDATE TO " + literal(stage.version()));
            } catch (ToolException e) {
                throw new ToolException("cannot update " + ext + " from " + installed + " to " + stage.version()
                        + " in database " + database + ": " + e.getMessage() + "\nwrite the upgrade script with `pgj upgrade --from "
                        + installed + "` (it needs the " + installed + " schema kept by `pgj schema --save` at that release), "
                        + "or drop the extension in psql (DROP EXTENSION " + ext + " CASCADE) and run again", e);
            }
            p.step("ALTER EXTENSION " + ext + " UPDATE from " + installed + " to " + stage.version() + " in database " + database);
        } else if (!script.equals(recorded)) {
            List<String> dependents = ExtensionDependents.of(server, database, ext);
            if (!dependents.isEmpty() && !force) {
                throw new ToolException("the install script of " + ext + " " + stage.version() + " changed since database "
                        + database + " got it, and dropping the extension to create it again would also drop "
                        + dependents.size() + " object(s) of yours that depend on it:\n  " + String.join("\n  ", dependents)
                        + "\nto drop them with it, run again with --force (Maven: -Dpgj.force=true); to keep them, raise the "
                        + "version and let `pgj upgrade` write the upgrade script, which pgj run then applies");
            }
            server.psql(database, "DROP EXTENSION " + ext + " CASCADE;\nCREATE EXTENSION " + ext + ";");
            p.step("the install script of " + ext + " " + stage.version() + " changed since database " + database
                    + " got it: dropped and created the extension again"
                    + (dependents.isEmpty() ? "" : ", and with it " + String.join(", ", dependents))
                    + " (to keep data across changes, raise the version and let `pgj upgrade` write the upgrade script)");
        } else {
            p.step("database " + database + " has " + ext + " " + stage.version() + ", up to date");
            return;
        }
        write(state, script);
    }

    private static String hash(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ToolException("cannot read " + file + " (" + e.getMessage() + "): rebuild the project", e);
        }
    }

    private static String read(Path state) {
        try {
            return Files.isRegularFile(state) ? Files.readString(state, StandardCharsets.UTF_8).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path state, String hash) {
        try {
            AtomicFiles.createReadableDirectories(state.getParent());
            AtomicFiles.write(state, hash + "\n");
        } catch (IOException e) {
            throw new ToolException("cannot write " + state + " (" + e.getMessage() + "): make the pgj home writable", e);
        }
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

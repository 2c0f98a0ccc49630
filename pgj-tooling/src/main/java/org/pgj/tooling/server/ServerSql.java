package org.pgj.tooling.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;

/** Connections to a private server as its superuser postgres: psql command lines, SQL through psql, JDBC URLs. */
final class ServerSql {
    private final PgConfig pg;
    private final int port;
    private final Postmaster postmaster;

    ServerSql(PgConfig pg, int port, Postmaster postmaster) {
        this.pg = pg;
        this.port = port;
        this.postmaster = postmaster;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    List<String> psqlCommand(String database) {
        return List.of(pg.bindir().resolve("psql").toString(), "-X", "-v", "ON_ERROR_STOP=1", "-h", "localhost",
                "-p", Integer.toString(port), "-U", "postgres", "-d", database);
    }

    /** The unaligned, tuples-only output of {@code sql}; a failure names the statement. */
    String psql(String database, String sql) {
        Exec.Result r = runPsql(database, sql);
        if (!r.ok()) {
            throw new ToolException("SQL failed in database " + database + " on port " + port + ": " + r.tail(10)
                    + "\nstatement: " + (sql.length() > 2000 ? sql.substring(0, 2000) + " ..." : sql)
                    + (postmaster.isRunning() ? "" : "\nthe server is not running: call ensureStarted() first"));
        }
        return r.output();
    }

    /** psql's result, failed or not; the SQL goes through a temp file, so its size and quoting do not matter. */
    Exec.Result runPsql(String database, String sql) {
        Path script = null;
        try {
            script = Files.createTempFile("pgj-sql", ".sql");
            Files.writeString(script, sql, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(psqlCommand(database));
            command.addAll(List.of("-q", "-A", "-t", "-f", script.toString()));
            return Exec.run(command, null, Map.of("PGOPTIONS", "-c client_min_messages=warning"), 300);
        } catch (IOException e) {
            throw new ToolException("cannot write a temp SQL file (" + e.getMessage() + "): check that java.io.tmpdir is writable", e);
        } finally {
            if (script != null) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    /** Creates {@code db} unless it exists; with {@code dropFirst} it starts empty (open sessions are ended). */
    void createDatabase(String db, boolean dropFirst) {
        if (dropFirst) {
            psql("postgres", "DROP DATABASE IF EXISTS " + identifier(db) + " WITH (FORCE)");
        }
        String exists = psql("postgres", "SELECT count(*) FROM pg_database WHERE datname = " + literal(db)).trim();
        if (exists.equals("0")) {
            psql("postgres", "CREATE DATABASE " + identifier(db));
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

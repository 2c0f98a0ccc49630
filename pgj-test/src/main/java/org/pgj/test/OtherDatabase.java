package org.pgj.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A database of its own on the test server, in a chosen encoding, with an extension created and
 * an ordinary (non-superuser) role allowed to use it: for the tests every feature owes a non-UTF8
 * database and a user without privileges. Dropped (with its sessions) on close.
 *
 * <pre>{@code
 * try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_hooks_latin1", "LATIN1", "hooks");
 *      Connection c = latin1.connectAsOrdinaryUser()) {
 *     ...
 * }
 * }</pre>
 */
public final class OtherDatabase implements AutoCloseable {
    /** The ordinary role that {@link #connectAsOrdinaryUser} logs in as. */
    public static final String ORDINARY_USER = "pgj_ordinary_user";

    private final PgServer server;
    private final String name;

    private OtherDatabase(PgServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates (anew) database {@code name} in {@code encoding} (C collation) and {@code extension} in it. */
    public static OtherDatabase create(PgServer server, String name, String encoding, String extension) throws SQLException {
        try (Connection admin = server.connect()) {
            Sql.exec(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)",
                    "CREATE DATABASE " + name + " ENCODING '" + encoding + "' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0",
                    "DO $$ BEGIN CREATE ROLE " + ORDINARY_USER + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
        OtherDatabase db = new OtherDatabase(server, name);
        try (Connection c = db.connect()) {
            Sql.exec(c, "CREATE EXTENSION " + extension, "GRANT USAGE, CREATE ON SCHEMA public TO " + ORDINARY_USER);
        }
        return db;
    }

    private String url() {
        return server.jdbcUrl().replace("/" + server.database() + "?", "/" + name + "?");
    }

    /** A superuser's connection. */
    public Connection connect() throws SQLException {
        return new Driver().connect(url(), new Properties());
    }

    /** A connection as {@link #ORDINARY_USER}. */
    public Connection connectAsOrdinaryUser() throws SQLException {
        // The URL's user=postgres would win over a property.
        return new Driver().connect(url().replace("?user=postgres",
                "?user=" + URLEncoder.encode(ORDINARY_USER, StandardCharsets.UTF_8)), new Properties());
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = server.connect()) {
            Sql.exec(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}

package org.pgj.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.server.PrivateServer;
import org.postgresql.Driver;

/** {@link PgServer} over pgj-tooling's {@link PrivateServer} and the test database. */
class TestServer implements PgServer {
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);

    private final PrivateServer server;
    private final String database;
    private final Progress progress;
    /** Counts restarts, so holders of long-lived connections know theirs broke. */
    private final AtomicInteger generation = new AtomicInteger();

    TestServer(PrivateServer server, String database, Progress progress) {
        this.server = server;
        this.database = database;
        this.progress = progress;
    }

    PrivateServer privateServer() {
        return server;
    }

    int generation() {
        return generation.get();
    }

    @Override
    public String jdbcUrl() {
        return server.jdbcUrl(database);
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public Connection connect() throws SQLException {
        return connect("pgj-test");
    }

    @Override
    public Connection connectAs(String role) throws SQLException {
        // The URL's user=postgres would win over a property.
        return open(jdbcUrl().replace("?user=postgres", "?user=" + URLEncoder.encode(role, StandardCharsets.UTF_8)),
                new Properties());
    }

    /** A connection that pg_stat_activity and the log (%a) show as {@code applicationName}. */
    Connection connect(String applicationName) throws SQLException {
        Properties props = new Properties();
        props.setProperty("ApplicationName", applicationName);
        return open(jdbcUrl(), props);
    }

    private static Connection open(String url, Properties props) throws SQLException {
        // The driver directly, not DriverManager: that one checks the caller's class loader,
        // which IDE and build-tool launchers vary.
        Connection c = new Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("the PostgreSQL JDBC driver does not accept " + url);
        }
        return c;
    }

    @Override
    public void restart() {
        generation.incrementAndGet();
        server.restart(progress);
    }

    @Override
    public void setConfig(String name, String value) {
        OffsetDateTime before = confLoadTime();
        server.setConfig(name, value);
        if (before == null) {
            return; // not running: the setting applies at the next start
        }
        // pg_ctl reload only signals the postmaster. A new session reports when the postmaster
        // last read the files, so wait until that moves.
        Poll.until("the server's reload after setting " + name, RELOAD_TIMEOUT, Duration.ofMillis(10), () -> {
            OffsetDateTime now = confLoadTime();
            return now != null && now.isAfter(before);
        });
    }

    /** pg_conf_load_time() as a new session sees it, or null if the server cannot be reached. */
    private OffsetDateTime confLoadTime() {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_conf_load_time()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public Path logFile() {
        return server.logFile();
    }

    @Override
    public List<String> lastLogLines(int n) {
        return server.lastLogLines(n);
    }

    @Override
    public String toString() {
        return "pgj test server " + server + ", database " + database;
    }
}

package org.pgj.tooling.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.Installer;
import org.pgj.tooling.installation.PrivateInstallation;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;

/**
 * A PostgreSQL cluster of pgj's own, next to (not inside) the distribution's clusters: tests and
 * the demo need a server whose settings and extensions they control, on a port nobody else uses.
 *
 * <p>The facade the commands, pgj-test and the plugin use; the jobs are the package's: {@link
 * ServerHome} (the layout under the pgj home), {@link ServerPorts}, {@link Initdb}, {@link
 * ServerSettings} (pgj's settings file, included from postgresql.conf, so they can be set before
 * initdb), {@link Postmaster} (the process), {@link ClusterLock}, {@link ServerLog} and {@link
 * ServerSql} (psql and JDBC). The server runs from a {@link PrivateInstallation} extensions are
 * installed into (no root needed); as root it runs as the system user {@code pgj}.
 */
public final class PrivateServer {
    /** Base of the test cluster's port; the major is added so majors can run side by side. */
    public static final int TEST_PORT_BASE = ServerPorts.TEST_BASE;
    public static final int DEV_PORT_BASE = ServerPorts.DEV_BASE;

    private final PgConfig pg;
    private final ServerHome place;
    private final int port;
    private final boolean durable;
    private final ServerUser user = ServerUser.current();
    private final ServerSettings settings;
    private final Postmaster postmaster;
    private final ServerSql sql;

    private PrivateServer(PgConfig pg, Path home, String name, int port, boolean durable) {
        this.pg = pg;
        this.place = new ServerHome(home, name, user);
        this.port = port;
        this.durable = durable;
        this.settings = new ServerSettings(place);
        this.postmaster = new Postmaster(pg, place, user);
        this.sql = new ServerSql(pg, port, postmaster);
    }

    /**
     * The test cluster: {@code <home>/test-<major>}, port 32200+major; no fsync. PGJ_PORT sets the
     * port, PGJ_TEST_PORT_BASE the base the major is added to.
     */
    public static PrivateServer forTests(PgConfig pg, Path pgjHome) {
        return new PrivateServer(pg, pgjHome, "test-" + pg.major(), ServerPorts.choose("PGJ_TEST_PORT_BASE", TEST_PORT_BASE, pg.major()), false);
    }

    /**
     * The cluster for tests that crash the server, kill its postmaster or stop it, which must not
     * disturb the other tests: {@code <home>/isolated-<major>}, on the test port plus 100.
     */
    public static PrivateServer forIsolatedTests(PgConfig pg, Path pgjHome) {
        return new PrivateServer(pg, pgjHome, "isolated-" + pg.major(),
                ServerPorts.choose("PGJ_TEST_PORT_BASE", TEST_PORT_BASE, pg.major()) + 100, false);
    }

    /**
     * The development cluster: {@code <home>/data-<major>}, port 28800+major. PGJ_PORT sets the
     * port, PGJ_DEV_PORT_BASE the base the major is added to.
     */
    public static PrivateServer forDev(PgConfig pg, Path pgjHome) {
        return new PrivateServer(pg, pgjHome, "data-" + pg.major(), ServerPorts.choose("PGJ_DEV_PORT_BASE", DEV_PORT_BASE, pg.major()), true);
    }

    /** Any other throwaway cluster (no fsync), for tools and tests that need one of their own. */
    public static PrivateServer of(PgConfig pg, Path pgjHome, String name, int port) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new ToolException("server name '" + name + "' is not a plain folder name: use letters, digits, . _ -");
        }
        return new PrivateServer(pg, pgjHome, name, port, false);
    }

    /** $PGJ_HOME, else ~/.pgj ($HOME's); as root /var/tmp/pgj-root, which the server user can enter. */
    public static Path defaultHome() {
        return ServerHome.defaultHome();
    }

    /** Whether the account the server runs as can enter {@code dir} (always true unless root). */
    public static boolean serverUserCanReach(Path dir) {
        return ServerUser.current().canReach(dir);
    }

    /**
     * {@code preferred} if the server user can enter it, else a folder under /var/tmp named after
     * it: lets tests keep their home under target/ when the checkout is world-searchable.
     */
    public static Path usableHome(Path preferred) {
        return ServerHome.usable(preferred, ServerUser.current());
    }

    public int port() {
        return port;
    }

    public Path home() {
        return place.home();
    }

    public String name() {
        return place.name();
    }

    public PgConfig pgConfig() {
        return pg;
    }

    public Path dataDir() {
        return place.dataDir();
    }

    public Path logFile() {
        return place.log().file();
    }

    /** pgj's settings for this cluster, included from postgresql.conf. */
    public Path configFile() {
        return place.configFile();
    }

    /** The copy of PostgreSQL this server runs from; extensions for it are installed there. */
    public PrivateInstallation installation() {
        return new PrivateInstallation(pg, place.installDir());
    }

    /**
     * Installs a stage into {@link #installation()}: no root needed, and nothing outside the pgj
     * home changes. New sessions see the new files at once.
     */
    public void install(Stage stage, boolean withTests, Progress p) {
        try (ClusterLock ignored = ClusterLock.acquire(place)) {
            place.prepare();
            installation().sync(p);
        }
        Installer.install(stage, pg, installation(), withTests, p);
    }

    /** Whether a postmaster for this data folder is alive (its postmaster.pid names a live process). */
    public boolean isRunning() {
        return postmaster.isRunning();
    }

    /** The running postmaster, if any. */
    public Optional<ProcessHandle> postmaster() {
        return postmaster.process();
    }

    /** Initializes the cluster if needed and starts it; does nothing if it already runs on {@link #port()}. */
    public void ensureStarted(Progress p) {
        try (ClusterLock ignored = ClusterLock.acquire(place)) {
            if (postmaster.isRunning()) {
                String runningPort = postmaster.runningPort();
                Optional<String> binary = postmaster.process().flatMap(h -> h.info().command());
                boolean ownBinary = binary.isEmpty() || ServerHome.samePath(Path.of(binary.get()), installation().postgres());
                if (runningPort.equals(Integer.toString(port)) && ownBinary) {
                    return;
                }
                p.step("server in " + dataDir() + (ownBinary ? " runs on port " + runningPort + ", restarting it on " + port
                        : " runs " + binary.get() + ", restarting it from its private installation"));
                postmaster.stop(p);
            }
            place.check(port);
            ServerPorts.checkFree(port, pg.major(), place.log());
            place.prepare();
            installation().sync(p);
            if (!Initdb.done(place)) {
                Initdb.run(pg, place, user, durable, p);
            }
            settings.writeBase(port, durable);
            settings.include();
            postmaster.removeStalePid(p);
            postmaster.start(installation().postgres(), port, p);
            checkInstallationInUse();
        }
    }

    public void stop(Progress p) {
        try (ClusterLock ignored = ClusterLock.acquire(place)) {
            postmaster.stop(p);
        }
    }

    public void restart(Progress p) {
        stop(p);
        ensureStarted(p);
    }

    /**
     * Sets {@code name = value} in pgj's settings for this cluster. Reloads a running server;
     * settings that need a restart (shared_preload_libraries, shared_buffers) take effect at
     * {@link #restart}.
     */
    public void setConfig(String setting, String value) {
        if (!setting.matches("[A-Za-z0-9_.]+")) {
            throw new ToolException("'" + setting + "' is not a PostgreSQL setting name: use letters, digits, _ and .");
        }
        try (ClusterLock ignored = ClusterLock.acquire(place)) {
            place.prepare();
            settings.write(Map.of(setting, value));
            if (postmaster.isRunning()) {
                postmaster.reload(setting);
            }
        }
    }

    public String jdbcUrl(String database) {
        return sql.jdbcUrl(database);
    }

    /** Creates {@code db} unless it exists; with {@code dropFirst} it starts empty (open sessions are ended). */
    public void createDatabase(String db, boolean dropFirst) {
        sql.createDatabase(db, dropFirst);
    }

    /** The psql command line that connects to {@code database} as postgres; add -c/-f yourself. */
    public List<String> psqlCommand(String database) {
        return sql.psqlCommand(database);
    }

    /**
     * Runs {@code sql} (any number of statements) in {@code database} with psql and returns the
     * unaligned, tuples-only output; notices are suppressed.
     */
    public String psql(String database, String sql) {
        return this.sql.psql(database, sql);
    }

    /**
     * Runs {@code sql} like {@link #psql} but returns psql's result, failed or not, for callers
     * that explain failures in their own terms.
     */
    public Exec.Result runPsql(String database, String sql) {
        return this.sql.runPsql(database, sql);
    }

    /** The last {@code n} lines of the server log (empty if there is none yet). */
    public List<String> lastLogLines(int n) {
        return place.log().lastLines(n);
    }

    /**
     * Fails unless the server can live in its pgj home: the server user can enter it, and the
     * socket path fits. Commands check it before they build anything.
     */
    public void checkHome() {
        place.check(port);
    }

    /**
     * The private installation works only if PostgreSQL really derives its folders from the
     * binary's location; a build that does not would silently use the system folders.
     */
    private void checkInstallationInUse() {
        String sharedir = psql("postgres", "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'").trim();
        Path expected = installation().dirs().sharedir();
        if (!ServerHome.samePath(Path.of(sharedir), expected)) {
            throw new ToolException("PostgreSQL " + pg.major() + " started from " + installation().postgres()
                    + " uses the share folder " + sharedir + ", not " + expected
                    + ": this PostgreSQL build is not relocatable, so private servers cannot load privately installed "
                    + "extensions; report this with the output of `" + pg.path() + "`");
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + pg.major() + " cluster " + dataDir() + " on port " + port;
    }
}

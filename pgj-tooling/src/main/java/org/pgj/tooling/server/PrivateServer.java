package org.pgj.tooling.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.PosixUser;
import org.pgj.tooling.installation.Installer;
import org.pgj.tooling.installation.PrivateInstallation;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.progress.ProgressStep;

/**
 * A PostgreSQL cluster of pgj's own, next to (not inside) the distribution's clusters: tests and
 * the demo need a server whose settings and extensions they control, on a port nobody else uses.
 *
 * <p>Layout under the pgj home: {@code <name>/} the data folder, {@code conf/<name>.conf} pgj's
 * settings (included from postgresql.conf, so they can be set before initdb), {@code
 * logs/<name>.log} the server log, {@code install/<name>/} the {@link PrivateInstallation} the
 * server runs from and extensions are installed into (no root needed). As root the server runs
 * as the system user {@code pgj}.
 */
public final class PrivateServer {
    /** Base of the test cluster's port; the major is added so majors can run side by side. */
    public static final int TEST_PORT_BASE = 32200;
    public static final int DEV_PORT_BASE = 28800;
    private static final int START_TIMEOUT_SECONDS = 120;
    private static final long LOG_ROTATE_BYTES = 20L << 20;
    private static final Pattern SETTING = Pattern.compile("^\\s*([A-Za-z0-9_.]+)\\s*=");

    private final PgConfig pg;
    private final Path home;
    private final String name;
    private final int port;
    private final boolean durable;
    private final ServerUser user = ServerUser.current();

    private PrivateServer(PgConfig pg, Path home, String name, int port, boolean durable) {
        this.pg = pg;
        this.home = home.toAbsolutePath().normalize();
        this.name = name;
        this.port = port;
        this.durable = durable;
    }

    /**
     * The test cluster: {@code <home>/test-<major>}, port 32200+major; no fsync. PGJ_PORT sets the
     * port, PGJ_TEST_PORT_BASE the base the major is added to.
     */
    public static PrivateServer forTests(PgConfig pg, Path pgjHome) {
        return new PrivateServer(pg, pgjHome, "test-" + pg.major(), port("PGJ_TEST_PORT_BASE", TEST_PORT_BASE, pg.major()), false);
    }

    /**
     * The cluster for tests that crash the server, kill its postmaster or stop it, which must not
     * disturb the other tests: {@code <home>/isolated-<major>}, on the test port plus 100.
     */
    public static PrivateServer forIsolatedTests(PgConfig pg, Path pgjHome) {
        return new PrivateServer(pg, pgjHome, "isolated-" + pg.major(),
                port("PGJ_TEST_PORT_BASE", TEST_PORT_BASE, pg.major()) + 100, false);
    }

    /**
     * The development cluster: {@code <home>/data-<major>}, port 28800+major. PGJ_PORT sets the
     * port, PGJ_DEV_PORT_BASE the base the major is added to.
     */
    public static PrivateServer forDev(PgConfig pg, Path pgjHome) {
        return new PrivateServer(pg, pgjHome, "data-" + pg.major(), port("PGJ_DEV_PORT_BASE", DEV_PORT_BASE, pg.major()), true);
    }

    /** Any other throwaway cluster (no fsync), for tools and tests that need one of their own. */
    public static PrivateServer of(PgConfig pg, Path pgjHome, String name, int port) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new ToolException("server name '" + name + "' is not a plain folder name: use letters, digits, . _ -");
        }
        return new PrivateServer(pg, pgjHome, name, port, false);
    }

    /**
     * $PGJ_HOME, else ~/.pgj; as root /var/tmp/pgj-root, because the unprivileged server user
     * cannot enter /root. {@code ~} is $HOME, as for any Unix tool (Java's user.home comes from
     * the password file instead), so the launcher, Maven and the test JVMs it starts agree.
     */
    public static Path defaultHome() {
        String env = System.getenv("PGJ_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        if (PosixUser.isRoot()) {
            return Path.of("/var/tmp/pgj-root");
        }
        String home = System.getenv("HOME");
        if (home != null && home.startsWith("/")) {
            return Path.of(home, ".pgj");
        }
        return Path.of(System.getProperty("user.home"), ".pgj");
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
        Path abs = preferred.toAbsolutePath().normalize();
        if (serverUserCanReach(abs)) {
            return abs;
        }
        String tag = HexFormat.of().toHexDigits(abs.toString().hashCode());
        return Path.of("/var/tmp", "pgj-" + abs.getFileName() + "-" + tag);
    }

    private static int port(String baseVariable, int defaultBase, int major) {
        String exact = System.getenv("PGJ_PORT");
        if (exact != null && !exact.isBlank()) {
            return checkPort("PGJ_PORT", exact, 0);
        }
        String base = System.getenv(baseVariable);
        if (base != null && !base.isBlank()) {
            return checkPort(baseVariable, base, major);
        }
        return defaultBase + major;
    }

    private static int checkPort(String variable, String value, int add) {
        try {
            int port = Integer.parseInt(value.trim()) + add;
            // Below 1024 only root may listen, and the server never runs as root.
            if (port >= 1024 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ToolException(variable + "='" + value + "' does not give a port number" + (add == 0 ? "" : " (plus the major " + add + ")")
                + ": set it so the port is between 1024 and 65535");
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    public String name() {
        return name;
    }

    public PgConfig pgConfig() {
        return pg;
    }

    public Path dataDir() {
        return home.resolve(name);
    }

    public Path logFile() {
        return home.resolve("logs").resolve(name + ".log");
    }

    /** The copy of PostgreSQL this server runs from; extensions for it are installed there. */
    public PrivateInstallation installation() {
        return new PrivateInstallation(pg, home.resolve("install").resolve(name));
    }

    /**
     * Installs a stage into {@link #installation()}: no root needed, and nothing outside the pgj
     * home changes. New sessions see the new files at once.
     */
    public void install(Stage stage, boolean withTests, Progress p) {
        try (Lock ignored = lock()) {
            prepareHome();
            installation().sync(p);
        }
        Installer.install(stage, pg, installation(), withTests, p);
    }

    /** pgj's settings for this cluster, included from postgresql.conf. */
    public Path configFile() {
        return home.resolve("conf").resolve(name + ".conf");
    }

    private Path pidFile() {
        return dataDir().resolve("postmaster.pid");
    }

    /** Whether a postmaster for this data folder is alive (its postmaster.pid names a live process). */
    public boolean isRunning() {
        return postmaster().isPresent();
    }

    /** The running postmaster, if any. */
    public Optional<ProcessHandle> postmaster() {
        List<String> lines = pidFileLines();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(PrivateServer::isRunningProcess)
                    // A reboot can hand the old pid to another program; the command tells them apart.
                    .filter(h -> h.info().command().map(c -> c.contains("postgres") || c.contains("postmaster")).orElse(true));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A postmaster that was killed outright stays a zombie until its new parent reaps it, and the
     * server refuses to start while its lock files name a process that exists: wait for that.
     */
    private void awaitReaped(String pid, Progress p) {
        Optional<ProcessHandle> old;
        try {
            old = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return;
        }
        if (old.isEmpty() || !old.get().isAlive()) {
            return;
        }
        p.step("waiting for the previous postmaster (pid " + pid + "), which ended without cleaning up, to be reaped");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (old.get().isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new ToolException("the previous postmaster of " + dataDir() + " (pid " + pid + ") ended but was not reaped"
                        + " within " + START_TIMEOUT_SECONDS + " s, and PostgreSQL will not start while it exists: wait, or"
                        + " end its parent process");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ToolException("interrupted while waiting for the previous postmaster to be reaped", e);
            }
        }
    }

    /**
     * Alive and not a zombie: a postmaster killed outright stays one until its new parent reaps
     * it, which in a container may take long or never happen.
     */
    private static boolean isRunningProcess(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat);
            return !line.substring(line.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException noProcFileSystem) {
            return process.isAlive();
        }
    }

    private List<String> pidFileLines() {
        try {
            return Files.isRegularFile(pidFile()) ? Files.readAllLines(pidFile()) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Initializes the cluster if needed and starts it; does nothing if it already runs on {@link #port()}. */
    public void ensureStarted(Progress p) {
        try (Lock ignored = lock()) {
            if (isRunning()) {
                List<String> lines = pidFileLines();
                String runningPort = lines.size() > 3 ? lines.get(3).trim() : "";
                Optional<String> binary = postmaster().flatMap(h -> h.info().command());
                boolean ownBinary = binary.isEmpty() || samePath(Path.of(binary.get()), installation().postgres());
                if (runningPort.equals(Integer.toString(port)) && ownBinary) {
                    return;
                }
                p.step("server in " + dataDir() + (ownBinary ? " runs on port " + runningPort + ", restarting it on " + port
                        : " runs " + binary.get() + ", restarting it from its private installation"));
                stopLocked(p);
            }
            checkReachable();
            checkSocketPath();
            checkPortFree();
            prepareHome();
            installation().sync(p);
            if (!Files.isRegularFile(dataDir().resolve("PG_VERSION"))) {
                initdb(p);
            }
            writeBaseSettings();
            includeSettings();
            removeStalePid(p);
            start(p);
            checkInstallationInUse();
        }
    }

    public void stop(Progress p) {
        try (Lock ignored = lock()) {
            stopLocked(p);
        }
    }

    public void restart(Progress p) {
        stop(p);
        ensureStarted(p);
    }

    private void stopLocked(Progress p) {
        if (!isRunning()) {
            return;
        }
        p.step("stopping PostgreSQL " + pg.major() + " in " + dataDir() + " ...");
        Exec.Result r = Exec.run(user.wrap(List.of(pg.bindir().resolve("pg_ctl").toString(), "stop", "-D",
                dataDir().toString(), "-m", "fast", "-w", "-t", Integer.toString(START_TIMEOUT_SECONDS))), home, Map.of(),
                START_TIMEOUT_SECONDS + 10);
        if (!r.ok()) {
            throw new ToolException("cannot stop the server in " + dataDir() + " (pg_ctl exit " + r.exitCode() + "): "
                    + r.tail(5) + "\nlast lines of " + logFile() + ":\n" + String.join("\n", lastLogLines(20))
                    + "\nstop it by hand: " + pg.bindir().resolve("pg_ctl") + " stop -D " + dataDir() + " -m immediate");
        }
        p.step("stopped PostgreSQL " + pg.major() + " in " + dataDir());
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
        try (Lock ignored = lock()) {
            prepareHome();
            writeSettings(Map.of(setting, value));
            if (isRunning()) {
                Exec.Result r = Exec.run(user.wrap(List.of(pg.bindir().resolve("pg_ctl").toString(), "reload", "-D",
                        dataDir().toString())), home, Map.of(), 30);
                if (!r.ok()) {
                    throw new ToolException("cannot reload the server in " + dataDir() + ": " + r.tail(5)
                            + "\ncall restart() to apply " + setting);
                }
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    /** Creates {@code db} unless it exists; with {@code dropFirst} it starts empty (open sessions are ended). */
    public void createDatabase(String db, boolean dropFirst) {
        if (dropFirst) {
            psql("postgres", "DROP DATABASE IF EXISTS " + identifier(db) + " WITH (FORCE)");
        }
        String exists = psql("postgres", "SELECT count(*) FROM pg_database WHERE datname = " + literal(db)).trim();
        if (exists.equals("0")) {
            psql("postgres", "CREATE DATABASE " + identifier(db));
        }
    }

    /** The psql command line that connects to {@code database} as postgres; add -c/-f yourself. */
    public List<String> psqlCommand(String database) {
        return List.of(pg.bindir().resolve("psql").toString(), "-X", "-v", "ON_ERROR_STOP=1", "-h", "localhost",
                "-p", Integer.toString(port), "-U", "postgres", "-d", database);
    }

    /**
     * Runs {@code sql} (any number of statements) in {@code database} with psql and returns the
     * unaligned, tuples-only output; notices are suppressed.
     */
    public String psql(String database, String sql) {
        Exec.Result r = runPsql(database, sql);
        if (!r.ok()) {
            throw new ToolException("SQL failed in database " + database + " on port " + port + ": " + r.tail(10)
                    + "\nstatement: " + (sql.length() > 2000 ? sql.substring(0, 2000) + " ..." : sql)
                    + (isRunning() ? "" : "\nthe server is not running: call ensureStarted() first"));
        }
        return r.output();
    }

    /**
     * Runs {@code sql} like {@link #psql} but returns psql's result, failed or not, for callers
     * that explain failures in their own terms.
     */
    public Exec.Result runPsql(String database, String sql) {
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

    /** The last {@code n} lines of the server log (empty if there is none yet). */
    public List<String> lastLogLines(int n) {
        try {
            if (!Files.isRegularFile(logFile())) {
                return List.of();
            }
            // Lenient decoding: a backend may log bytes that are not UTF-8.
            List<String> lines = new String(Files.readAllBytes(logFile()), StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + logFile() + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Fails unless the server can live in its pgj home: the server user can enter it, and the
     * socket path fits. Commands check it before they build anything.
     */
    public void checkHome() {
        checkReachable();
        checkSocketPath();
    }

    private void checkReachable() {
        if (!user.canReach(home)) {
            throw new ToolException("the server runs as user " + ServerUser.NAME + ", which cannot enter " + home
                    + " (a parent folder is not world-searchable, like /root): set PGJ_HOME to a folder under /var/tmp");
        }
    }

    /** Unix socket paths are limited to 107 bytes; the socket lives in the data folder. */
    private void checkSocketPath() {
        String socket = dataDir() + "/.s.PGSQL." + port;
        if (socket.getBytes(StandardCharsets.UTF_8).length > 107) {
            throw new ToolException("the server socket path " + socket + " is longer than Unix allows (107 bytes): "
                    + "set PGJ_HOME to a shorter folder");
        }
    }

    private void checkPortFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            List<String> log = lastLogLines(10);
            throw new ToolException("port " + port + " on localhost is already in use (" + e.getMessage()
                    + "), so PostgreSQL " + pg.major() + " cannot start there: stop whatever listens on it (`ss -ltnp | grep " + port
                    + "`), or set PGJ_PORT to a free port"
                    + (log.isEmpty() ? "" : "\nlast " + log.size() + " lines of " + logFile() + ":\n" + String.join("\n", log)));
        }
    }

    private void prepareHome() {
        try {
            user.ensureExists();
            for (Path dir : List.of(home, home.resolve("logs"), home.resolve("conf"))) {
                AtomicFiles.createReadableDirectories(dir);
                user.own(dir);
            }
            if (Files.isRegularFile(logFile()) && Files.size(logFile()) > LOG_ROTATE_BYTES) {
                Files.move(logFile(), logFile().resolveSibling(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ToolException("cannot prepare " + home + " (" + e.getMessage()
                    + "): make it writable, or set PGJ_HOME to a writable folder", e);
        }
    }

    private void initdb(Progress p) {
        Path data = dataDir();
        try {
            if (Files.isDirectory(data)) {
                try (var entries = Files.list(data)) {
                    if (entries.findAny().isPresent()) {
                        throw new ToolException(data + " exists but is not a PostgreSQL data folder (no PG_VERSION): "
                                + "delete it and run again");
                    }
                }
                user.own(data);
            }
        } catch (IOException e) {
            throw new ToolException("cannot inspect " + data + " (" + e.getMessage() + "): delete it and run again", e);
        }
        ProgressStep step = p.begin("creating PostgreSQL " + pg.major() + " cluster in " + data + " (initdb)");
        List<String> command = new ArrayList<>(List.of(pg.bindir().resolve("initdb").toString(), "-D", data.toString(),
                "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"));
        if (!durable) {
            command.add("--no-sync");
        }
        try (step) {
            Exec.Result r = Exec.run(user.wrap(command), home, Map.of(), 300);
            if (!r.ok()) {
                throw new ToolException("initdb failed for " + data + " (exit " + r.exitCode() + "):\n" + r.tail(20)
                        + "\nfix the cause above, delete " + data + " and run again");
            }
            step.done("created cluster in " + data);
        }
    }

    private void writeBaseSettings() {
        Map<String, String> base = new java.util.LinkedHashMap<>();
        base.put("listen_addresses", "localhost");
        base.put("port", Integer.toString(port));
        base.put("unix_socket_directories", dataDir().toString());
        base.put("logging_collector", "off");
        // info: pgj's runtime reports JVM start and class loading at INFO; the default drops it.
        base.put("log_min_messages", "info");
        if (!durable) {
            base.put("fsync", "off");
            base.put("synchronous_commit", "off");
            base.put("full_page_writes", "off");
        }
        writeSettings(base);
    }

    /** Replaces or appends {@code name = 'value'} lines in {@link #configFile()}. */
    private void writeSettings(Map<String, String> settings) {
        Path file = configFile();
        try {
            List<String> lines = new ArrayList<>(Files.isRegularFile(file) ? Files.readAllLines(file)
                    : List.of("# pgj settings for " + dataDir() + ", included from its postgresql.conf"));
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
                    + "): make " + home + " writable, or set PGJ_HOME to a writable folder", e);
        }
    }

    /** Points postgresql.conf at pgj's settings file (once). ALTER SYSTEM still wins over it. */
    private void includeSettings() {
        Path conf = dataDir().resolve("postgresql.conf");
        String include = "include_if_exists = '" + configFile().toString().replace("'", "''") + "'";
        try {
            if (!Files.readString(conf).contains(include)) {
                Files.writeString(conf, "\n# added by pgj\n" + include + "\n", StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new ToolException("cannot update " + conf + " (" + e.getMessage() + "): delete " + dataDir()
                    + " and run again", e);
        }
    }

    private void removeStalePid(Progress p) {
        List<String> lines = pidFileLines();
        if (lines.isEmpty() || isRunning()) {
            return;
        }
        awaitReaped(lines.get(0).trim(), p);
        try {
            Files.deleteIfExists(pidFile());
            p.step("removed stale " + pidFile() + " (pid " + lines.get(0).trim() + " is not running)");
        } catch (IOException e) {
            throw new ToolException("cannot remove the stale " + pidFile() + " (" + e.getMessage() + "): delete it by hand", e);
        }
    }

    private void start(Progress p) {
        try (ProgressStep step = p.begin("starting PostgreSQL " + pg.version() + " on port " + port + " (data " + dataDir() + ")")) {
            // -p: the private installation's binary, so the server's share and lib folders are the private ones.
            Exec.Result r = Exec.run(user.wrap(List.of(pg.bindir().resolve("pg_ctl").toString(), "start", "-D",
                    dataDir().toString(), "-l", logFile().toString(), "-p", installation().postgres().toString(),
                    "-w", "-t", Integer.toString(START_TIMEOUT_SECONDS))),
                    home, Map.of(), START_TIMEOUT_SECONDS + 10);
            if (!r.ok()) {
                throw new ToolException("PostgreSQL " + pg.major() + " did not start on port " + port + " (pg_ctl exit "
                        + r.exitCode() + "): " + r.tail(5) + "\nlast 20 lines of " + logFile() + ":\n"
                        + String.join("\n", lastLogLines(20)) + "\nfix the cause above (pgj's settings are in "
                        + configFile() + "), or delete " + dataDir() + " to start from a fresh cluster");
            }
            step.done("PostgreSQL " + pg.major() + " is running on port " + port);
        }
    }

    /**
     * The private installation works only if PostgreSQL really derives its folders from the
     * binary's location; a build that does not would silently use the system folders.
     */
    private void checkInstallationInUse() {
        String sharedir = psql("postgres", "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'").trim();
        Path expected = installation().dirs().sharedir();
        if (!samePath(Path.of(sharedir), expected)) {
            throw new ToolException("PostgreSQL " + pg.major() + " started from " + installation().postgres()
                    + " uses the share folder " + sharedir + ", not " + expected
                    + ": this PostgreSQL build is not relocatable, so private servers cannot load privately installed "
                    + "extensions; report this with the output of `" + pg.path() + "`");
        }
    }

    /**
     * Serializes start/stop of one cluster: across processes (parallel builds, IDE and CLI) with a
     * file lock, and across threads first, because a JVM may hold a file lock only once.
     */
    private Lock lock() {
        Path lockFile = home.resolve("." + name + ".lock");
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        inProcess.lock();
        try {
            AtomicFiles.createReadableDirectories(home);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new Lock(inProcess, channel);
        } catch (IOException | RuntimeException e) {
            inProcess.unlock();
            throw new ToolException("cannot lock " + lockFile + " (" + e.getMessage()
                    + "): make " + home + " writable, or set PGJ_HOME to a writable folder", e);
        }
    }

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private record Lock(ReentrantLock inProcess, FileChannel channel) implements AutoCloseable {
        @Override
        public void close() {
            try {
                channel.close(); // releases the file lock
            } catch (IOException ignored) {
                // nothing to recover
            } finally {
                inProcess.unlock();
            }
        }
    }

    /** PostgreSQL reports real paths (it resolves symlinks in its own location); the pgj home may contain links. */
    private static boolean samePath(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return a.equals(b);
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return "PostgreSQL " + pg.major() + " cluster " + dataDir() + " on port " + port;
    }
}

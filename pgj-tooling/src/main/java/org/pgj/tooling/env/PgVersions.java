package org.pgj.tooling.env;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;

/**
 * The PostgreSQL majors pgj works with, each with its own {@code pg_config} (pgrx's
 * {@code init}). They are recorded in {@code <pgj home>/config.properties} by {@code pgj init}:
 * <pre>
 * pg15=/usr/lib/postgresql/15/bin/pg_config
 * pg16=/opt/pg16/bin/pg_config
 * </pre>
 * Without that file, the configured majors are the ones found: {@code PG_CONFIG}, {@code pg_config}
 * on PATH, and every {@code /usr/lib/postgresql/NN/bin/pg_config}.
 */
public final class PgVersions {
    public static final String CONFIG_FILE = "config.properties";
    /** The majors pgj builds and runs on; pgj-native has no code for any other. */
    public static final List<Integer> SUPPORTED = List.of(15, 16, 17, 18);
    private static final Pattern SPEC = Pattern.compile("(?:pg)?(\\d+)");
    private static final Pattern KEY = Pattern.compile("pg(\\d+)");

    private final Path home;
    private final Map<String, String> env;
    private final Path debianRoot;
    private final Map<Integer, Path> recorded;

    private PgVersions(Path home, Map<String, String> env, Path debianRoot, Map<Integer, Path> recorded) {
        this.home = home;
        this.env = env;
        this.debianRoot = debianRoot;
        this.recorded = recorded;
    }

    /** The versions of the pgj home {@code home}. */
    public static PgVersions of(Path home) {
        return of(home, System.getenv(), Path.of("/usr/lib/postgresql"));
    }

    static PgVersions of(Path home, Map<String, String> env, Path debianRoot) {
        return new PgVersions(home, env, debianRoot, read(home.resolve(CONFIG_FILE)));
    }

    public Path configFile() {
        return home.resolve(CONFIG_FILE);
    }

    /** Whether {@code pgj init} recorded the majors, rather than them being found each time. */
    public boolean isRecorded() {
        return !recorded.isEmpty();
    }

    /** Every configured major, lowest first. */
    public List<PgConfig> all() {
        if (isRecorded()) {
            return recorded.entrySet().stream().map(e -> load(e.getKey(), e.getValue())).toList();
        }
        List<PgConfig> found = new ArrayList<>(detect().values());
        if (found.isEmpty()) {
            PgConfig.find(null, env, debianRoot); // throws the "install PostgreSQL" message
        }
        return found;
    }

    /**
     * {@code spec} is {@code pg16} or {@code 16}; null or empty means the default: PG_CONFIG if
     * set, else the highest recorded major, else the pg_config found first (PATH, then the
     * highest under /usr/lib/postgresql).
     */
    public PgConfig select(String spec) {
        if (spec == null || spec.isBlank()) {
            String fromEnv = env.get("PG_CONFIG");
            if ((fromEnv == null || fromEnv.isBlank()) && isRecorded()) {
                Map.Entry<Integer, Path> highest = ((TreeMap<Integer, Path>) recorded).lastEntry();
                return load(highest.getKey(), highest.getValue());
            }
            return PgConfig.find(null, env, debianRoot);
        }
        int major = major(spec);
        Path path = recorded.get(major);
        if (path != null) {
            return load(major, path);
        }
        PgConfig found = detect().get(major);
        if (found != null) {
            return found;
        }
        throw new ToolException("PostgreSQL " + major + " is not installed (" + describeKnown() + "): install it with "
                + "`apt-get install postgresql-" + major + " postgresql-server-dev-" + major + "` (for a major your "
                + "distribution lacks, add the PostgreSQL apt repository first: https://wiki.postgresql.org/wiki/Apt), "
                + (SUPPORTED.contains(major) ? "build it from source with `pgj init --download " + major + "`, " : "")
                + "or record a pg_config built elsewhere with `pgj init --pg" + major + " /path/to/pg_config`");
    }

    /** {@code all} (or nothing, when {@code allByDefault}) means every configured major; else one. */
    public List<PgConfig> selectMany(String spec, boolean allByDefault) {
        if ("all".equals(spec) || (spec == null || spec.isBlank()) && allByDefault) {
            return all();
        }
        return List.of(select(spec));
    }

    /** Fails with what to do when pgj does not support {@code major}. */
    public static void requireSupported(int major, String what) {
        if (!SUPPORTED.contains(major)) {
            throw new ToolException(what + " is PostgreSQL " + major + ", which pgj does not support: pgj supports "
                    + SUPPORTED.get(0) + " to " + SUPPORTED.get(SUPPORTED.size() - 1)
                    + "; install one of those, or build one with `pgj init --download " + SUPPORTED.get(SUPPORTED.size() - 1) + "`");
        }
    }

    /** Whether {@code arg} names a major ({@code pg15}, {@code 15}) or {@code all}. */
    public static boolean isSpec(String arg) {
        return arg != null && (arg.equals("all") || SPEC.matcher(arg).matches());
    }

    /**
     * Records every found major plus the given ones (major → pg_config) in the config file and
     * returns what it holds now. Running it again changes nothing.
     */
    public List<PgConfig> record(Map<Integer, Path> given) {
        Map<Integer, Path> next = new TreeMap<>(recorded);
        detect().forEach((major, pg) -> next.putIfAbsent(major, pg.path()));
        for (Map.Entry<Integer, Path> e : given.entrySet()) {
            PgConfig pg = PgConfig.forMajor(e.getValue(), e.getKey());
            requireSupported(pg.major(), e.getValue().toString());
            if (pg.major() != e.getKey()) {
                throw new ToolException(e.getValue() + " is PostgreSQL " + pg.major() + ", not " + e.getKey()
                        + ": pass it as --pg" + pg.major());
            }
            next.put(e.getKey(), pg.path());
        }
        if (next.isEmpty()) {
            PgConfig.find(null, env, debianRoot); // throws the "install PostgreSQL" message
        }
        Properties props = new Properties();
        next.forEach((major, path) -> props.setProperty("pg" + major, path.toString()));
        try {
            AtomicFiles.createReadableDirectories(home);
            StringWriter text = new StringWriter();
            props.store(text, "PostgreSQL majors for pgj (pgj init): pgNN=<pg_config>");
            // Drop the date line Properties writes, so an unchanged config is an unchanged file.
            String body = text.toString().lines().filter(l -> !l.matches("#\\w{3} .*\\d{4}")).reduce("", (a, l) -> a + l + "\n");
            Path file = configFile();
            if (!Files.isRegularFile(file) || !Files.readString(file).equals(body)) {
                AtomicFiles.write(file, body);
            }
        } catch (IOException e) {
            throw new ToolException("cannot write " + configFile() + " (" + e.getMessage() + "): make " + home
                    + " writable, or set PGJ_HOME to a writable folder", e);
        }
        return next.entrySet().stream().map(e -> load(e.getKey(), e.getValue())).toList();
    }

    /** Every pg_config this machine has, by major: PG_CONFIG, PATH, then /usr/lib/postgresql/NN. */
    private Map<Integer, PgConfig> detect() {
        Map<Integer, PgConfig> found = new TreeMap<>();
        List<Path> candidates = new ArrayList<>();
        String fromEnv = env.get("PG_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            candidates.add(Path.of(fromEnv));
        }
        Exec.onPath("pg_config", env.get("PATH")).ifPresent(candidates::add);
        if (Files.isDirectory(debianRoot)) {
            try (Stream<Path> dirs = Files.list(debianRoot)) {
                dirs.filter(d -> d.getFileName().toString().matches("\\d+")).sorted()
                        .map(d -> d.resolve("bin/pg_config")).filter(Files::isExecutable).forEach(candidates::add);
            } catch (IOException ignored) {
                // nothing found there
            }
        }
        for (Path candidate : candidates) {
            try {
                PgConfig pg = PgConfig.find(candidate);
                found.putIfAbsent(pg.major(), pg);
            } catch (ToolException broken) {
                // a broken pg_config is reported when it is selected explicitly
            }
        }
        return found;
    }

    private PgConfig load(int major, Path path) {
        if (!Files.isExecutable(path)) {
            throw new ToolException("the pg_config recorded for PostgreSQL " + major + " in " + configFile() + " (" + path
                    + ") is gone: reinstall it (apt-get install postgresql-server-dev-" + major + "), or run `pgj init` "
                    + "again to record what is installed now");
        }
        PgConfig pg = PgConfig.find(path);
        if (pg.major() != major) {
            throw new ToolException(path + " is now PostgreSQL " + pg.major() + ", but " + configFile() + " records it as "
                    + major + ": run `pgj init` again");
        }
        return pg;
    }

    private String describeKnown() {
        List<Integer> majors = isRecorded() ? List.copyOf(recorded.keySet()) : List.copyOf(detect().keySet());
        return (isRecorded() ? "configured in " + configFile() + ": " : "found: ")
                + (majors.isEmpty() ? "none" : majors.stream().map(m -> "pg" + m).reduce((a, b) -> a + ", " + b).orElse(""));
    }

    private static int major(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new ToolException("'" + spec + "' is not a PostgreSQL major: write it as pg15 or 15 (or all)");
        }
        return Integer.parseInt(m.group(1));
    }

    private static Map<Integer, Path> read(Path file) {
        Map<Integer, Path> majors = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return majors;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + " (" + e.getMessage() + "): fix or delete it, then run `pgj init`", e);
        }
        for (String key : props.stringPropertyNames()) {
            Matcher m = KEY.matcher(key);
            if (!m.matches()) {
                throw new ToolException(file + " has an unknown key '" + key + "': keys are pgNN=<pg_config>; fix it or run `pgj init`");
            }
            majors.put(Integer.parseInt(m.group(1)), Path.of(props.getProperty(key).trim()));
        }
        return majors;
    }

    /** The recorded majors, if any (for {@code pgj info}). */
    public Optional<Map<Integer, Path>> recorded() {
        return isRecorded() ? Optional.of(Map.copyOf(recorded)) : Optional.empty();
    }
}

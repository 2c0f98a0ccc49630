package org.pgj.tooling.build;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.PgjRuntime;
import org.pgj.tooling.progress.Progress;

/**
 * Builds pgj.so for one PostgreSQL installation and one JDK with PGXS. The result is cached under
 * {@code <pgjHome>/native/<major>-<hash>/}; the hash covers the sources, the server's exact version
 * ({@code pg_config --version}), the pg_config path, the JDK and the compiler settings PGXS takes
 * from the environment, so only a change in one of them triggers a rebuild. Each build keeps its
 * output in {@code src/build.log}.
 */
public final class NativeBuild {
    public static final String LIBRARY = "pgj.so";
    static final String BUILD_LOG = "build.log";
    /** Environment variables that change what PGXS compiles (Makefile.global adds COPT and PROFILE to CFLAGS). */
    static final List<String> COMPILER_ENVIRONMENT = List.of("CFLAGS", "COPT", "PROFILE");

    private NativeBuild() {
    }

    /** Builds (or reuses) this pgj version's runtime library from the pgj-native sources on the class path. */
    public static Path build(PgConfig pg, Jdk jdk, Path pgjHome, Progress p) {
        return build(pg, jdk, pgjHome, p, PgjRuntime.current());
    }

    /** As {@link #build(PgConfig, Jdk, Path, Progress)}, naming itself {@code runtime} (its folder, its version in errors). */
    public static Path build(PgConfig pg, Jdk jdk, Path pgjHome, Progress p, PgjRuntime runtime) {
        return build(pg, jdk, pgjHome, p, NativeSources.load(NativeSources.PREFIX), System.getenv(), runtime);
    }

    static Path build(PgConfig pg, Jdk jdk, Path pgjHome, Progress p, Map<String, byte[]> sources) {
        return build(pg, jdk, pgjHome, p, sources, System.getenv(), PgjRuntime.current());
    }

    static Path build(PgConfig pg, Jdk jdk, Path pgjHome, Progress p, Map<String, byte[]> sources, Map<String, String> env,
            PgjRuntime runtime) {
        if (!sources.containsKey("Makefile")) {
            throw new ToolException("the pgj C sources have no Makefile: rebuild pgj-native (mvn -pl pgj-native install)");
        }
        jdk.requireSupported();
        String hash = hash(pg, jdk, sources, env, runtime);
        // Absolute: make runs with -C in another folder.
        Path dir = pgjHome.toAbsolutePath().resolve("native").resolve(pg.major() + "-" + hash.substring(0, 16));
        Path result = dir.resolve(LIBRARY);
        if (Files.isRegularFile(result)) {
            return result;
        }
        pg.checkCanBuild();
        try {
            Files.createDirectories(dir);
            // Parallel module builds may stage at the same time; one builds, the others wait and reuse.
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (Files.isRegularFile(result)) {
                    return result;
                }
                Path src = dir.resolve("src");
                // Start clean: objects left by an interrupted build must not be linked in.
                AtomicFiles.deleteRecursively(src);
                Files.createDirectories(src);
                for (Map.Entry<String, byte[]> file : sources.entrySet()) {
                    Path target = src.resolve(file.getKey()).normalize();
                    if (!target.startsWith(src)) {
                        throw new ToolException("the pgj C sources contain a path outside their folder (" + file.getKey()
                                + "): rebuild pgj-native from a clean checkout");
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue());
                }
                make(pg, jdk, src, p, env, runtime);
                Path built = src.resolve(LIBRARY);
                if (!Files.isRegularFile(built)) {
                    throw new ToolException("make finished but produced no " + LIBRARY + " in " + src
                            + ": the pgj-native Makefile must build MODULE_big = pgj");
                }
                // Copy last: its presence is what marks the cache entry complete.
                Path tmp = dir.resolve(LIBRARY + ".tmp");
                Files.copy(built, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, result, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return result;
            }
        } catch (IOException e) {
            throw new ToolException("cannot write the native build folder " + dir + " (" + e.getMessage()
                    + "): make " + pgjHome + " writable or set PGJ_HOME to a writable folder", e);
        }
    }

    private static void make(PgConfig pg, Jdk jdk, Path src, Progress p, Map<String, String> env, PgjRuntime runtime) {
        p.step("building " + LIBRARY + " for PostgreSQL " + pg.version() + " with " + jdk + " in " + src + " ...");
        long start = System.nanoTime();
        // with_llvm=no: the JIT bitcode PGXS would also emit is never installed, and needs clang.
        List<String> command = List.of("make", "-C", src.toString(),
                "PG_CONFIG=" + pg.path(), "PGJ_JAVA_HOME=" + jdk.home(), "PGJ_VERSION=" + runtime.version(), "with_llvm=no");
        Map<String, String> compilerEnv = new java.util.TreeMap<>();
        COMPILER_ENVIRONMENT.stream().filter(env::containsKey).forEach(name -> compilerEnv.put(name, env.get(name)));
        Exec.Result r = Exec.run(command, src, compilerEnv, 600);
        Path log = src.resolve(BUILD_LOG);
        try {
            Files.writeString(log, r.output(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log = null;
        }
        if (!r.ok()) {
            p.step("native build failed; full log: " + log);
            CompilerOutput output = new CompilerOutput(r.output());
            String shown = output.firstError()
                    .map(first -> "the first of " + output.errorCount() + " error(s):\n" + first)
                    .orElseGet(() -> "its last lines:\n" + r.tail(20));
            throw new ToolException("building " + LIBRARY + " for PostgreSQL " + pg.version() + " failed (`"
                    + String.join(" ", command) + "`, exit " + r.exitCode() + "), " + shown
                    + "\nfull log: " + (log == null ? "not written (" + src + " is not writable)" : log)
                    + "\nfix the C error above in pgj-native, or check that PostgreSQL " + pg.major()
                    + " server headers and the JDK match (" + pg.path() + ", " + jdk.home() + ")");
        }
        List<String> warnings = new CompilerOutput(r.output()).warnings();
        p.step("built " + LIBRARY + String.format(java.util.Locale.ROOT, " in %.1fs", (System.nanoTime() - start) / 1e9)
                + (warnings.isEmpty() ? "" : " with " + warnings.size() + " warning(s), see " + log));
    }

    static String hash(PgConfig pg, Jdk jdk, Map<String, byte[]> sources, Map<String, String> env, PgjRuntime runtime) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : new java.util.TreeMap<>(sources).entrySet()) {
                field(md, file.getKey().getBytes(StandardCharsets.UTF_8));
                field(md, file.getValue());
            }
            field(md, pg.versionLine().getBytes(StandardCharsets.UTF_8));
            field(md, pg.path().toString().getBytes(StandardCharsets.UTF_8));
            field(md, jdk.home().toString().getBytes(StandardCharsets.UTF_8));
            field(md, runtime.version().getBytes(StandardCharsets.UTF_8));
            Path release = jdk.home().resolve("release");
            // An in-place JDK update keeps the path but may change libjvm's ABI-relevant headers.
            field(md, Files.isRegularFile(release) ? Files.readAllBytes(release) : new byte[0]);
            for (String name : COMPILER_ENVIRONMENT) {
                field(md, (name + "=" + env.getOrDefault(name, "")).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new ToolException("cannot hash the pgj C sources (" + e.getMessage() + "): check the JDK installation", e);
        }
    }

    /** Length-prefixed, so ("ab","c") and ("a","bc") hash differently. */
    private static void field(MessageDigest md, byte[] bytes) {
        md.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        md.update(bytes);
    }
}

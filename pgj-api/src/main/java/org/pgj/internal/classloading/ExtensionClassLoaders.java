package org.pgj.internal.classloading;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * One class loader per extension folder ({@code $sharedir/pgj/<dir>}): one build of each
 * extension per session. A loader is kept until the session switches at a transaction boundary
 * after its jars were replaced (builds.c asks {@link #replaced}); until then it reads the jars it
 * opened, whatever was installed since.
 */
public final class ExtensionClassLoaders {
    private static final Map<String, Entry> LOADERS = new HashMap<>();
    private static Path root;
    private static int generation;

    private ExtensionClassLoaders() {
    }

    /** A loader and the jars it was made from. */
    private record Entry(ExtensionClassLoader loader, List<JarFileId> jars) {
    }

    /**
     * A jar as the file system knows it: a new file renamed over the path has another key. Its
     * equals is written out: a record's own is bootstrapped through invokedynamic at first use,
     * which spun method-handle classes during a backend's first call.
     */
    private record JarFileId(String name, Object fileKey, long size, FileTime modified) {
        @Override
        public boolean equals(Object o) {
            return o instanceof JarFileId j && name.equals(j.name) && fileKey.equals(j.fileKey) && size == j.size
                    && modified.equals(j.modified);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, fileKey, size, modified);
        }
    }

    public static void init(Path sharedir) {
        root = sharedir.resolve("pgj");
    }

    public static Path folder(String dir) {
        return root.resolve(dir);
    }

    /** The extension folder a class was loaded from, if it came from one. */
    public static java.util.Optional<String> folderOf(Class<?> c) {
        return c.getClassLoader() instanceof ExtensionClassLoader l ? java.util.Optional.of(l.extension())
                : java.util.Optional.empty();
    }

    /** The loader of this session's build of an extension folder; made, with the jars there now, at first use. */
    public static ClassLoader forFolder(String dir) {
        return loader(dir, true);
    }

    /**
     * {@link #forFolder} for a folder the server already watches: function resolution, which
     * jvm_boot.c's pgj_resolve starts by watching the folder. Asking again through a downcall
     * would link an FFM shape during a backend's first call (20-50 ms, docs/internals.md).
     */
    public static ClassLoader forWatchedFolder(String dir) {
        return loader(dir, false);
    }

    private static ClassLoader loader(String dir, boolean watch) {
        Entry entry = LOADERS.get(dir);
        if (entry == null) {
            entry = open(dir, watch);
            LOADERS.put(dir, entry);
        }
        return entry.loader;
    }

    /** Whether {@code c} comes from the current build of its extension (true for pgj's and the JDK's classes). */
    public static boolean isCurrent(Class<?> c) {
        if (!(c.getClassLoader() instanceof ExtensionClassLoader l)) {
            return true;
        }
        Entry entry = LOADERS.get(l.extension());
        return entry != null && entry.loader == l;
    }

    /** Incremented whenever a build is replaced, so that holders of extension objects know to look. */
    public static int generation() {
        return generation;
    }

    /**
     * From builds.c at a transaction boundary: whether the jars of {@code dir} are no longer those
     * its loader was made from. If so the loader is dropped, and the next {@link #forFolder} makes
     * one with the new jars. A folder that cannot be read counts as replaced: its next use says why.
     */
    public static boolean replaced(String dir) {
        Entry entry = LOADERS.get(dir);
        if (entry == null) {
            return false;
        }
        boolean same;
        try {
            same = entry.jars.equals(jars(folder(dir))) || installing(folder(dir));
        } catch (RuntimeException e) {
            same = false;
        }
        if (!same) {
            LOADERS.remove(dir);
            generation++;
        }
        return !same;
    }

    private static final class Native_ {
        static final long WATCH = Facts.get("fn.pgj_build_watch");
    }

    /** builds.c watches the folder {@code name} for a reinstall (not in a worker, which keeps its build). */
    @CFunction("void pgj_build_watch(const char *)")
    private static void buildWatch(long name) {
        Guard.call(Native_.WATCH, name);
    }

    /**
     * Whether pgj's installer is writing jars into the folder now: its temp files
     * ({@code .<jar>.pgj-tmp}, see AtomicFiles) are there and recent. A switch then waits for the
     * install to end, which moves the folder's mtime again (builds.c looks again), so a session
     * does not take some new jars with some old ones. An old temp file, left by a killed
     * installer, does not hold the switch back.
     */
    private static boolean installing(Path folder) {
        long recent = System.currentTimeMillis() - INSTALL_SECONDS * 1000;
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> {
                try {
                    return p.getFileName().toString().endsWith(".pgj-tmp") && Files.getLastModifiedTime(p).toMillis() > recent;
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** How long a temp file of the installer counts as an install in progress. */
    private static final long INSTALL_SECONDS = 30;

    private static Entry open(String dir, boolean watch) {
        // Watched before the jars are read, so that a reinstall from now on is noticed (builds.c).
        if (watch) {
            try (Arena arena = Arena.ofConfined()) {
                buildWatch(Native.cString(arena, dir));
            }
        }
        Path folder = folder(dir);
        // The jars listed are those opened only if no rename came in between: look again after.
        for (int attempt = 0; ; attempt++) {
            List<JarFileId> jars = jars(folder);
            ExtensionClassLoader loader;
            try {
                loader = ExtensionClassLoader.open(dir, jars.stream().map(j -> folder.resolve(j.name())).toList(),
                        ExtensionClassLoaders.class.getClassLoader());
            } catch (IOException e) {
                if (attempt < 3) {
                    continue; // a jar renamed away while it was opened
                }
                throw unreadable(folder, e);
            }
            if (jars.equals(jars(folder)) || attempt >= 3) {
                admit(dir, loader);
                return new Entry(loader, jars);
            }
            loader.close();
        }
    }

    /** The folders pgj-test installs test classes into: {@code <ext>__test}. */
    private static final String TEST_STAGE = "__test";

    /**
     * The module boundary, seen from the runtime (see module-info): the runtime reads the
     * loader's unnamed module, so that its reflection and its generated invokers reach the
     * extension's classes. Only a test stage, which pgj-test installs for white-box tests of
     * the runtime (an aggregate's live states, ...), also sees the runtime's packages; an
     * extension's own folder never does.
     */
    private static void admit(String dir, ClassLoader loader) {
        Module runtime = ExtensionClassLoaders.class.getModule();
        Module extension = loader.getUnnamedModule();
        runtime.addReads(extension);
        if (dir.endsWith(TEST_STAGE)) {
            for (String p : runtime.getPackages()) {
                runtime.addExports(p, extension);
            }
        }
    }

    private static List<JarFileId> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new PgException(SqlState.UNDEFINED_FILE,
                    "pgj extension folder " + folder + " does not exist", null,
                    "Install the extension's files (mvn pgj:install) on this server.");
        }
        List<JarFileId> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
                jars.add(new JarFileId(jar.getFileName().toString(), Objects.requireNonNullElse(a.fileKey(), ""), a.size(),
                        a.lastModifiedTime()));
            }
        } catch (IOException e) {
            throw unreadable(folder, e);
        }
        return jars;
    }

    private static PgException unreadable(Path folder, Exception e) {
        return new PgException("58030", "cannot read the jars in " + folder + ": " + e.getMessage(), null,
                "Check that the server's OS user can read them.");
    }
}

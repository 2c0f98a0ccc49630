package org.pgj.internal.classloading;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;

/**
 * One class loader per extension folder ({@code $sharedir/pgj/<dir>}), replaced when the
 * jars in it change, so that functions resolved after a reinstall run the new code.
 */
public final class ExtensionClassLoaders {
    private static final Map<String, Entry> LOADERS = new HashMap<>();
    private static Path root;

    private ExtensionClassLoaders() {
    }

    private record Entry(ClassLoader loader, List<String> signature) {
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

    /** The loader for an extension folder, new if its jars changed since the last call. */
    public static ClassLoader forFolder(String dir) {
        Path folder = folder(dir);
        List<Path> jars = jars(folder);
        List<String> signature = new ArrayList<>();
        for (Path jar : jars) {
            try {
                signature.add(jar.getFileName() + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException e) {
                throw unreadable(folder, e);
            }
        }
        Entry entry = LOADERS.get(dir);
        if (entry == null || !entry.signature.equals(signature)) {
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                try {
                    urls[i] = jars.get(i).toUri().toURL();
                } catch (MalformedURLException e) {
                    throw unreadable(folder, e);
                }
            }
            entry = new Entry(new ExtensionClassLoader(dir, urls, ExtensionClassLoaders.class.getClassLoader()), signature);
            LOADERS.put(dir, entry);
        }
        return entry.loader;
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new PgException(SqlState.UNDEFINED_FILE,
                    "pgj extension folder " + folder + " does not exist", null,
                    "Install the extension's files (mvn pgj:install) on this server.");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw unreadable(folder, e);
        }
    }

    private static PgException unreadable(Path folder, Exception e) {
        return new PgException("58030", "cannot read the jars in " + folder + ": " + e.getMessage(), null,
                "Check that the server's OS user can read them.");
    }
}

package org.pgj.tooling.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.pgj.tooling.ToolException;

/**
 * The C sources of pgj.so as shipped in the pgj-native artifact: every resource under a prefix
 * next to its Makefile. The artifact is a jar when resolved from a repository and a directory
 * (target/classes) inside a reactor build, so both are read.
 */
final class NativeSources {
    static final String PREFIX = "org/pgj/native/";

    private NativeSources() {
    }

    /** Relative name → content, sorted so hashing is stable. */
    static Map<String, byte[]> load(String prefix) {
        URL makefile = locate(prefix + "Makefile");
        try {
            Map<String, byte[]> files = switch (makefile.getProtocol()) {
                case "jar" -> fromJar(makefile, prefix);
                case "file" -> fromDirectory(Path.of(makefile.toURI()).getParent());
                default -> throw new ToolException("cannot read the pgj C sources from " + makefile
                        + ": put the pgj-native jar on the class path as a plain file");
            };
            return files;
        } catch (IOException | URISyntaxException e) {
            throw new ToolException("cannot read the pgj C sources from " + makefile + " (" + e.getMessage()
                    + "): rebuild pgj-native (mvn -pl pgj-native install)", e);
        }
    }

    /**
     * Only build inputs: a developer who ran make inside src/main/c leaves .o and .so files that
     * the resources plugin copies too, and stale objects must not reach a fresh build.
     */
    static boolean isSource(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return base.equals("Makefile") || base.endsWith(".c") || base.endsWith(".h") || base.endsWith(".mk");
    }

    private static URL locate(String resource) {
        for (ClassLoader loader : new ClassLoader[] {NativeSources.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            URL url = loader == null ? null : loader.getResource(resource);
            if (url != null) {
                return url;
            }
        }
        throw new ToolException("the pgj C sources (" + resource + ") are not on the class path: "
                + "add the org.pgj:pgj-native artifact as a dependency (the pgj-maven-plugin has it)");
    }

    private static Map<String, byte[]> fromJar(URL inJar, String prefix) throws IOException {
        JarURLConnection connection = (JarURLConnection) inJar.openConnection();
        connection.setUseCaches(false);
        Map<String, byte[]> files = new TreeMap<>();
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)
                        && isSource(entry.getName().substring(prefix.length()))) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(entry.getName().substring(prefix.length()), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    private static Map<String, byte[]> fromDirectory(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (isSource(name)) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }
}

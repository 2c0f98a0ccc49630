package org.pgj.internal.classloading;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * Loads one extension's classes from its jars, with their exception handlers checking for
 * interrupts (see {@link CatchRewriter}). pgj's own API comes from the parent, so every
 * extension in a backend shares one runtime.
 *
 * <p>The jars are opened when the loader is made and read only through those open files, for
 * classes and resources alike. A reinstall renames new jars over the old paths, so this loader
 * goes on reading the build it was made from, however late it loads a class, until the session
 * switches to a new loader at a transaction boundary (builds.c).
 */
final class ExtensionClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final String extension;
    private final List<OpenJar> jars;
    /** By class name: the methods that only return a parameter (see {@link ReturningMethods}). */
    private final Map<String, Map<String, Integer>> returningMethods = new ConcurrentHashMap<>();

    /** A jar of this build: the open file, and what classes defined from it say they came from. */
    private record OpenJar(JarFile file, URI uri, ProtectionDomain domain) {
    }

    private ExtensionClassLoader(String extension, List<OpenJar> jars, ClassLoader parent) {
        super("pgj:" + extension, parent);
        this.extension = extension;
        this.jars = jars;
    }

    /** Opens every jar now; a jar that cannot be opened closes the ones before it. */
    static ExtensionClassLoader open(String extension, List<Path> paths, ClassLoader parent) throws IOException {
        List<OpenJar> jars = new ArrayList<>();
        try {
            for (Path path : paths) {
                URI uri = path.toUri();
                CodeSource source = new CodeSource(uri.toURL(), (Certificate[]) null);
                // Multi-release aware, as the JDK's own class path is: a versioned entry wins.
                JarFile file = new JarFile(path.toFile(), true, ZipFile.OPEN_READ, Runtime.version());
                jars.add(new OpenJar(file, uri, new ProtectionDomain(source, null)));
            }
        } catch (IOException | RuntimeException e) {
            closeAll(jars);
            throw e;
        }
        return new ExtensionClassLoader(extension, List.copyOf(jars), parent);
    }

    private static void closeAll(List<OpenJar> jars) {
        for (OpenJar jar : jars) {
            try {
                jar.file.close();
            } catch (IOException ignored) {
                // nothing was read from it
            }
        }
    }

    /** Lets go of the jars of a loader that was never used. */
    void close() {
        closeAll(jars);
    }

    /** The local slot the named method of a class defined here only returns, or -1. */
    int slotReturnedBy(String className, String methodAndDescriptor) {
        return returningMethods.getOrDefault(className, Map.of()).getOrDefault(methodAndDescriptor, -1);
    }

    String extension() {
        return extension;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        for (OpenJar jar : jars) {
            JarEntry entry = jar.file.getJarEntry(path);
            if (entry == null) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = jar.file.getInputStream(entry)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(name + " (unreadable in " + jar.uri + ")", e);
            }
            ClassModel model = ClassFile.of().parse(bytes);
            Map<String, Integer> returning = ReturningMethods.find(model);
            if (!returning.isEmpty()) {
                returningMethods.put(name, returning);
            }
            bytes = CatchRewriter.rewrite(model, bytes, this);
            definePackageFor(name);
            return defineClass(name, bytes, 0, bytes.length, jar.domain);
        }
        throw new ClassNotFoundException(name + " (not in the jars of extension " + extension + ")");
    }

    private void definePackageFor(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            String pkg = className.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException alreadyDefinedConcurrently) {
                    // another thread defined it first
                }
            }
        }
    }

    @Override
    protected URL findResource(String name) {
        for (OpenJar jar : jars) {
            if (jar.file.getJarEntry(name) != null) {
                return resourceUrl(jar, name);
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        List<URL> urls = new ArrayList<>();
        for (OpenJar jar : jars) {
            if (jar.file.getJarEntry(name) != null) {
                urls.add(resourceUrl(jar, name));
            }
        }
        return Collections.enumeration(urls);
    }

    /** A {@code jar:} URL whose stream comes from this loader's open file, not from the path. */
    private static URL resourceUrl(OpenJar jar, String name) {
        try {
            return URL.of(new URI("jar", jar.uri + "!/" + name, null), new OpenJarHandler(jar.file, name));
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("resource " + name + " of " + jar.uri + ": " + e.getMessage(), e));
        }
    }

    private static final class OpenJarHandler extends URLStreamHandler {
        private final JarFile file;
        private final String name;

        OpenJarHandler(JarFile file, String name) {
            this.file = file;
            this.name = name;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() throws IOException {
                    JarEntry entry = file.getJarEntry(name);
                    if (entry == null) {
                        throw new IOException(name + " is not in " + file.getName());
                    }
                    return file.getInputStream(entry);
                }

                @Override
                public long getContentLengthLong() {
                    JarEntry entry = file.getJarEntry(name);
                    return entry == null ? -1 : entry.getSize();
                }
            };
        }
    }

    @Override
    public String toString() {
        return "pgj class loader of extension " + extension;
    }
}

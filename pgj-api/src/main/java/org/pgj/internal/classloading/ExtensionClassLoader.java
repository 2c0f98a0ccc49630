package org.pgj.internal.classloading;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;

/**
 * Loads one extension's classes from its jars, with their exception handlers checking for
 * interrupts (see {@link CatchRewriter}). pgj's own API comes from the parent, so every
 * extension in a backend shares one runtime.
 */
final class ExtensionClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final String extension;

    ExtensionClassLoader(String extension, URL[] jars, ClassLoader parent) {
        super("pgj:" + extension, jars, parent);
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        URL url = findResource(path);
        if (url == null) {
            throw new ClassNotFoundException(name + " (not in the jars of extension " + extension + ")");
        }
        byte[] bytes;
        try (InputStream in = uncached(url)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        bytes = CatchRewriter.rewrite(bytes, this);
        definePackageFor(name, url);
        CodeSource source = new CodeSource(jarUrlOf(url), (Certificate[]) null);
        return defineClass(name, bytes, 0, bytes.length, new ProtectionDomain(source, null, this, null));
    }

    /**
     * The JDK caches opened jars by path: after a reinstall replaced a jar, a cached stream
     * would still read the old file's classes.
     */
    private static InputStream uncached(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        return connection.getInputStream();
    }

    private void definePackageFor(String className, URL url) {
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

    private static URL jarUrlOf(URL classUrl) {
        String s = classUrl.toString();
        int bang = s.indexOf("!/");
        try {
            return bang > 0 && s.startsWith("jar:") ? java.net.URI.create(s.substring(4, bang)).toURL() : classUrl;
        } catch (java.net.MalformedURLException e) {
            return classUrl;
        }
    }

    @Override
    public String toString() {
        return "pgj class loader of extension " + extension;
    }
}

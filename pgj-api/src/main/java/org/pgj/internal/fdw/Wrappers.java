package org.pgj.internal.fdw;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.fdw.ForeignDataWrapper;
import org.pgj.internal.classloading.ExtensionClassLoaders;

/**
 * This backend's wrapper objects, one per extension folder and wrapper name. The class is the
 * extension's {@code fdw.<name>} property (META-INF/pgj/extension.properties, written by the
 * build); after a reinstall the object is made again from the new build.
 */
final class Wrappers {
    private static final String PROPERTIES = "META-INF/pgj/extension.properties";
    private static final Map<String, ForeignDataWrapper> MADE = new HashMap<>();

    private Wrappers() {
    }

    static ForeignDataWrapper of(String folder, String name) {
        String key = folder + "/" + name;
        ForeignDataWrapper wrapper = MADE.get(key);
        if (wrapper == null || !ExtensionClassLoaders.isCurrent(wrapper.getClass())) {
            wrapper = make(folder, name);
            MADE.put(key, wrapper);
        }
        return wrapper;
    }

    private static ForeignDataWrapper make(String folder, String name) {
        ClassLoader loader = ExtensionClassLoaders.forFolder(folder);
        String className = className(loader, folder, name);
        try {
            Class<?> c = Class.forName(className, true, loader);
            return (ForeignDataWrapper) c.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new PgException(SqlState.FDW_ERROR, "foreign data wrapper " + name + " of extension " + folder
                    + " cannot be made from class " + className + ": " + e,
                    null, "The class must be public, implement org.pgj.fdw.ForeignDataWrapper and have a public"
                            + " constructor without parameters; reinstall the extension.", null, null);
        }
    }

    private static String className(ClassLoader loader, String folder, String name) {
        try {
            Enumeration<URL> files = loader.getResources(PROPERTIES);
            while (files.hasMoreElements()) {
                Properties p = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    p.load(in);
                }
                String c = p.getProperty("fdw." + name);
                if (c != null) {
                    return c;
                }
            }
        } catch (IOException e) {
            throw new PgException(SqlState.FDW_ERROR, "cannot read " + PROPERTIES + " of extension " + folder + ": " + e);
        }
        throw new PgException(SqlState.FDW_ERROR, "extension " + folder + " declares no foreign data wrapper " + name,
                null, "Reinstall the extension: its jar should list the wrapper as fdw." + name + " in " + PROPERTIES + ".",
                null, null);
    }
}

package org.pgj.tooling.installation;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.pgj.tooling.PgjRelease;
import org.pgj.tooling.ToolException;

/**
 * One pgj version's runtime, as installed (docs/internals.md, "Two pgj versions side by side"):
 * the native library {@code $pkglibdir/pgj-<version>.so}, which extensions name as their
 * {@code module_pathname}, and the Java runtime {@code $sharedir/pgj/lib/<version>/} (pgj-api.jar
 * and the AOT cache). Runtimes of two versions never share a file, so extensions built with
 * either are installed, upgraded and removed without touching the other's.
 */
public record PgjRuntime(String version) {
    /** What a version may be, as a file name and inside the control file's quotes. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+~_-]*");
    /** A control file's module_pathname that names a pgj runtime, of any version (or the unversioned one before them). */
    private static final Pattern PGJ_MODULE = Pattern.compile("(?m)^\\s*module_pathname\\s*=\\s*'\\$libdir/pgj(-[^'/]+)?'");
    /**
     * {@code $pkglibdir/pgj.so}: a link to the runtime installed last, for {@code LOAD 'pgj'} and
     * {@code shared_preload_libraries = 'pgj'} (the server knows a library by its file, so the link
     * and the versioned name load one library). Packages do not ship it.
     */
    public static final String LATEST_LINK = "pgj.so";

    public PgjRuntime {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new ToolException("pgj version '" + version + "' cannot name a runtime: it must match " + VERSION.pattern()
                    + " (set the pgj project's version to one that does)");
        }
    }

    /** The runtime of this pgj build. */
    public static PgjRuntime current() {
        return new PgjRuntime(PgjRelease.version());
    }

    /** {@code pgj-<version>.so}. */
    public String libraryFile() {
        return "pgj-" + version + ".so";
    }

    /** {@code $libdir/pgj-<version>}: the control file's module_pathname. */
    public String modulePathname() {
        return "$libdir/pgj-" + version;
    }

    /** {@code <pgjDir>/lib/<version>/}: pgj-api.jar and pgj.aot. */
    public Path dir(Path pgjDir) {
        return pgjDir.resolve("lib").resolve(version);
    }

    /** Whether a control file's text is a pgj extension's (its module is a pgj runtime). */
    public static boolean isPgjControl(String controlText) {
        return PGJ_MODULE.matcher(controlText).find();
    }

    @Override
    public String toString() {
        return "pgj " + version;
    }
}

package org.pgj.shmem;

import java.util.regex.Pattern;
import org.pgj.internal.shmem.SharedDeclaration;

/**
 * A named area of shared memory: what the manifest declares (its name, whether it has an
 * LWLock, its size) and, in a server process, where it is. Declaring one is plain Java, so the
 * build can read it; it attaches at its first use.
 */
abstract sealed class SharedArea implements SharedDeclaration permits PgAtomicLong, PgAtomicLongArray, PgLwLock {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,63}");

    private final String name;
    private final boolean locked;
    private final long bytes;
    private SharedAreas.Attached attached;

    SharedArea(String name, boolean locked, long bytes) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("shared memory name \"" + name + "\": use 1 to 63 letters, digits, _ . or -,"
                    + " prefixed with the extension's name (names are shared by all extensions)");
        }
        this.name = name;
        this.locked = locked;
        this.bytes = bytes;
    }

    public final String name() {
        return name;
    }

    @Override
    public final String manifestLine(String extension) {
        return "shared\t" + extension + "\t" + name + "\t" + (locked ? "locked" : "atomic") + "\t" + bytes;
    }

    /** The area, attached at the first use in this process. */
    final SharedAreas.Attached attached() {
        SharedAreas.Attached a = attached;
        if (a == null) {
            a = SharedAreas.attach(name, bytes);
            attached = a;
        }
        return a;
    }
}

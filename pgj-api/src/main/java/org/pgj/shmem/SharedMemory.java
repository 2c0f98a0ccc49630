package org.pgj.shmem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static final} field holding a {@link PgAtomicLong}, {@link PgAtomicLongArray}
 * or {@link PgLwLock}: the build records it in the extension's runtime manifest, so that pgj,
 * preloaded with {@code shared_preload_libraries = 'pgj'}, creates the area when the server
 * starts. The build initialises the field's class to read it, so that class's static
 * initialiser must not call the server.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface SharedMemory {
}

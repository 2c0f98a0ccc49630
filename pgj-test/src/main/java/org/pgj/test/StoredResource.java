package org.pgj.test;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A value in a JUnit extension store that is closed when its context ends. Implements both
 * ways JUnit knows: {@link AutoCloseable} (JUnit 5.13 and later) and the older
 * {@code CloseableResource}, so it is closed once whatever JUnit the project uses.
 */
@SuppressWarnings({"deprecation", "try"})
final class StoredResource<T extends AutoCloseable> implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private final T value;

    StoredResource(T value) {
        this.value = value;
    }

    T value() {
        return value;
    }

    @Override
    public void close() throws Exception {
        value.close();
    }
}

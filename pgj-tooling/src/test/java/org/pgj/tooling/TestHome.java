package org.pgj.tooling;

import java.nio.file.Path;

/** The pgj home the tests use: under target/ (never ~/.pgj), or /var/tmp if the server user cannot enter it. */
final class TestHome {
    private TestHome() {
    }

    static Path get() {
        return PrivateServer.usableHome(Path.of(System.getProperty("pgj.test.home", "target/pgj-home")));
    }
}

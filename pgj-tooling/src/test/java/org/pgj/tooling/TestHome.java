package org.pgj.tooling;

import java.nio.file.Path;
import org.pgj.tooling.server.PrivateServer;

/** The pgj home the tests use: under target/ (never ~/.pgj), or /var/tmp if the server user cannot enter it. */
public final class TestHome {
    private TestHome() {
    }

    public static Path get() {
        return PrivateServer.usableHome(Path.of(System.getProperty("pgj.test.home", "target/pgj-home")));
    }
}

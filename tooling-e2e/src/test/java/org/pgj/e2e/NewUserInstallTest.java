package org.pgj.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.e2e.ToolingEndToEndTest.assertContains;
import static org.pgj.e2e.ToolingEndToEndTest.assertExit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pgj.tooling.env.PgConfig;

/**
 * The README's way in, as a user with no pgj at all (no launcher, no pgj in the Maven
 * repository): from the release archive, and from a copy of the checkout with
 * {@code ./pgj self-install}. Each ends with a new project's tests passing.
 */
@Tag("server") // starts PostgreSQL servers: run by Failsafe in integration-test
class NewUserInstallTest {
    private static final Path ROOT = ToolingEndToEndTest.ROOT;
    private static final String VERSION = System.getProperty("pgj.e2e.version");
    private static final Path REPOSITORY = Path.of(System.getProperty("pgj.e2e.localRepository",
            System.getProperty("user.home") + "/.m2/repository"));

    private final List<ScratchUser> users = new ArrayList<>();

    @AfterEach
    void stopServers() throws IOException, InterruptedException {
        for (ScratchUser user : users) {
            user.stopServers();
        }
    }

    /** pgj-VERSION.tar.gz unpacked, self-installed outside PATH, then the printed PATH line, pgj new and pgj test. */
    @Test
    void theReleaseArchiveWorksWithNoBuild() throws IOException, InterruptedException {
        // The archive of this build: the reactor built the shipped modules before this one.
        ScratchUser.Result release = ScratchUser.exec(List.of(ROOT.resolve("pgj").toString(), "release", "--skip-build"), ROOT,
                Duration.ofMinutes(5));
        assertExit(0, release);
        Path archive = ROOT.resolve("target/release/pgj-" + VERSION + ".tar.gz");
        assertContains(release.output(), "release archive: " + archive);

        ScratchUser user = newUser();
        user.give(archive);
        ScratchUser.Result r = user.bash("""
                set -e
                test ! -e ~/.m2/repository/org/pgj && echo "no pgj in the Maven repository"
                tar -xzf pgj-%1$s.tar.gz
                ls pgj-%1$s/lib
                find pgj-%1$s/repository -name '*-sources.jar' | wc -l | sed 's/^/sources jars: /'
                # A PATH without ~/bin or ~/.local/bin, as a new account may have: the launcher says what to add.
                PATH=/usr/bin:/bin pgj-%1$s/bin/pgj self-install | tee self-install.out
                eval "$(sed -n 's/^  export PATH=/export PATH=/p' self-install.out)"
                echo "pgj is $(command -v pgj)"
                pgj new hello && cd hello && pgj test
                pgj stop all
                echo RELEASE-OK
                """.formatted(VERSION), Duration.ofMinutes(15));
        assertExit(0, r);
        String home = user.home().toString();
        assertContains(r.output(), "no pgj in the Maven repository");
        assertContains(r.output(), "pgj-api-" + VERSION + ".jar\npgj-native-" + VERSION + ".jar\npgj-tooling-" + VERSION + "-cli.jar\n");
        assertContains(r.output(), "sources jars: 6\n");
        assertContains(r.output(), "installed pgj " + VERSION + ": the launcher " + home + "/.local/bin/pgj, the Maven artifacts in "
                + home + "/.m2/repository");
        assertContains(r.output(), home + "/.local/bin is not on your PATH: add this line to ~/.bashrc (or ~/.profile), and run it in this shell:\n"
                + "  export PATH=\"$HOME/.local/bin:$PATH\"\n");
        assertContains(r.output(), "pgj is " + home + "/.local/bin/pgj\n");
        assertContains(r.output(), "tests passed in ");
        assertContains(r.output(), "RELEASE-OK");
        assertEquals(r.output().indexOf("installed pgj " + VERSION + "'s Maven artifacts"),
                r.output().lastIndexOf("installed pgj " + VERSION + "'s Maven artifacts"), "the artifacts are copied once:\n" + r.output());
    }

    /** ./pgj self-install in a copy of the checkout's files (what git would clone, and new files): builds without tests (offline here), ~/bin made and on PATH. */
    @Test
    void selfInstallFromTheCheckout() throws IOException, InterruptedException {
        ScratchUser user = newUser();
        Path checkout = user.home().resolve("pgj");
        ScratchUser.Result copy = ScratchUser.exec(List.of("sh", "-c", "mkdir -p '" + checkout + "' && git -C '" + ROOT
                + "' ls-files -z --cached --others --exclude-standard | (cd '" + ROOT + "' && xargs -0 tar -cf -) | tar -xf - -C '" + checkout + "'"
                + (user.isSwitched() ? " && chown -R " + ScratchUser.NAME + ": '" + checkout + "'" : "")));
        assertExit(0, copy);
        ScratchUser.Result r = user.bash("""
                set -e
                test ! -e ~/bin && echo "no ~/bin yet"
                cd pgj && ./pgj self-install
                cd ~ && pgj new hi && cd hi && pgj package
                echo SELF-INSTALL-OK
                """, Duration.ofMinutes(15));
        assertExit(0, r);
        String home = user.home().toString();
        assertContains(r.output(), "no ~/bin yet");
        assertContains(r.output(), "] building pgj test support");
        assertContains(r.output(), "installed pgj " + VERSION + ": the launcher " + home + "/bin/pgj, the Maven artifacts in "
                + home + "/.m2/repository\nnext: pgj new hello && cd hello && pgj run\n");
        assertContains(r.output(), "archive:      " + home + "/hi/target/pgj/package/hi-0.1.0-pg");
        assertContains(r.output(), "SELF-INSTALL-OK");
    }

    private ScratchUser newUser() throws IOException, InterruptedException {
        ScratchUser user = ScratchUser.createWithoutPgj(ROOT, REPOSITORY, PgConfig.find(null).major());
        users.add(user);
        System.out.println("[e2e] new user's scratch home " + user.home());
        return user;
    }
}

package org.pgj.tooling.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.tooling.init.SourceTarballTest.assertMessage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBuildTest {
    @TempDir
    Path dir;

    @Test
    void missingToolsAndHeadersAreNamedWithTheOneLineThatInstallsThem() {
        assertMessage(() -> PostgresBuild.checkTools(dir.toString(), List.of(dir)),
                "building PostgreSQL needs a C compiler (gcc), make, bison, flex, perl, readline headers "
                        + "(readline/readline.h), zlib headers (zlib.h), which this machine lacks: " + PostgresBuild.APT_LINE);
    }

    @Test
    void headersAreLookedForWhereTheCompilerLooks() {
        assertEquals(List.of(Path.of("/usr/include"), Path.of("/opt/a"), Path.of("/opt/b"), Path.of("/opt/c")),
                PostgresBuild.includeDirs(Map.of("CPATH", "/opt/a:/opt/b", "C_INCLUDE_PATH", "/opt/c", "PATH", "/bin")));
    }

    @Test
    void configureMessagesAboutMissingLibrariesPointAtTheAptLine() {
        assertTrue(PostgresBuild.hint("configure: error: zlib library not found\nIf you have zlib already installed")
                .endsWith(PostgresBuild.APT_LINE));
        assertTrue(PostgresBuild.hint("configure: error: flex not found").endsWith(PostgresBuild.APT_LINE));
        assertEquals("fix what the log names, then run pgj init again", PostgresBuild.hint("gram.y: syntax error"));
    }

    @Test
    void installsUnderThePgjHomeByRelease() {
        assertEquals(dir.resolve("pg/18.6"), PostgresBuild.prefix(dir, "18.6"));
    }
}

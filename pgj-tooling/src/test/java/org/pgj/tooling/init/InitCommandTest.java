package org.pgj.tooling.init;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.tooling.init.SourceTarballTest.assertMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.env.PgVersions;

/** pgj init's source builds up to configure: the real build of PostgreSQL is what CI proves, once per run. */
class InitCommandTest {
    @TempDir
    Path dir;

    private final List<String> steps = new ArrayList<>();

    private ToolContext context() {
        Path home = dir.resolve("home");
        return new ToolContext(home, PgVersions.of(home), steps::add, new PrintStream(new ByteArrayOutputStream()), dir, null);
    }

    @Test
    void downloadAndSourceExcludeEachOther() {
        assertMessage(() -> InitCommand.run(context(), new InitCommand.Options(Map.of(), "18", dir.resolve("x.tar.bz2")), Map.of()),
                "give --download or --source, not both");
    }

    @Test
    void theSourceSettingMayNameATarballOfTheRightMajorOnly() throws IOException {
        Path tarball = FakeSourceTarball.create(dir, "postgresql-16.1.tar.bz2", "postgresql-16.1", true);
        assertMessage(() -> InitCommand.run(context(), new InitCommand.Options(Map.of(), "17", null),
                Map.of("PGJ_PG_SOURCE", tarball.toString())), "which is PostgreSQL 16.1, not 17");
    }

    /**
     * A machine with every tool and header the build checks for, whatever this one has: stand-ins on
     * PATH and empty headers on CPATH.
     */
    private Map<String, String> buildMachine() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("gcc", "make", "bison", "flex", "perl")) {
            Path stub = Files.writeString(bin.resolve(tool), "#!/bin/sh\nexec true\n");
            stub.toFile().setExecutable(true);
        }
        Path include = Files.createDirectories(dir.resolve("include/readline"));
        Files.writeString(include.resolve("readline.h"), "");
        Files.writeString(include.getParent().resolve("zlib.h"), "");
        return Map.of("PATH", bin.toString(), "CPATH", include.getParent().toString());
    }

    @Test
    void aFailedConfigureShowsItsOutputTheLogAndTheAptLine() throws IOException {
        Path tarball = FakeSourceTarball.create(dir, "postgresql-16.1.tar.bz2", "postgresql-16.1", true);
        ToolContext ctx = context();
        Map<String, String> machine = buildMachine();
        assertMessage(() -> InitCommand.run(ctx, new InitCommand.Options(Map.of(), null, tarball), machine),
                "configuring PostgreSQL 16.1 failed (`./configure --prefix=" + ctx.home().resolve("pg/16.1") + " --without-icu`");
        String log = Files.readString(ctx.home().resolve("logs/postgresql-16.1-build.log"));
        assertTrue(log.contains("readline library not found"), log);
        assertTrue(steps.contains("configuring PostgreSQL 16.1 ..."), steps.toString());
        assertFalse(Files.exists(ctx.home().resolve(PgVersions.CONFIG_FILE)), "nothing is recorded for a failed build");
        assertMessage(() -> InitCommand.run(ctx, new InitCommand.Options(Map.of(), null, tarball), machine),
                PostgresBuild.APT_LINE);
    }
}

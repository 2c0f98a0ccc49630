package org.pgj.tooling.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgVersions;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.ProjectBuilder;

/** Where pgj regress takes a suite from, and what it refuses before it starts a server. */
class RegressOptionsTest {
    @TempDir
    Path tmp;

    private ExtensionProject project() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ext"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        return ExtensionProject.at(dir);
    }

    private ToolContext ctx() {
        return new ToolContext(tmp.resolve("home"), PgVersions.of(tmp.resolve("home")), Progress.silent(),
                new PrintStream(OutputStream.nullOutputStream()), tmp, ProjectBuilder.alreadyBuilt());
    }

    @Test
    void theSuiteIsTheProjectsUnlessAnInputFolderIsNamed() throws IOException {
        ExtensionProject p = project();
        assertEquals(p.dir().resolve("src/test/regress"), new RegressCommand.Options(p, null, false, false, List.of()).regressDir());
        RegressCommand.Options elsewhere = new RegressCommand.Options(p, null, Path.of("../original/test"), false, false, false, List.of());
        assertEquals(tmp.resolve("original/test"), elsewhere.regressDir(), "relative to the project, as psql's folder");
    }

    @Test
    void aMissingInputFolderIsNamed() throws IOException {
        ExtensionProject p = project();
        ToolException e = assertThrows(ToolException.class, () -> RegressCommand.run(ctx(),
                new RegressCommand.Options(p, null, tmp.resolve("nowhere"), false, false, false, List.of())));
        assertTrue(e.getMessage().contains("the regress input folder " + tmp.resolve("nowhere") + " does not exist"), e.getMessage());
    }

    /** Another's suite (a C original's) is the reference: pgj regress never writes into it. */
    @Test
    void acceptingWritesOnlyInsideTheProject() throws IOException {
        ExtensionProject p = project();
        Path original = Files.createDirectories(tmp.resolve("original/test"));
        for (boolean changed : new boolean[] {false, true}) {
            ToolException e = assertThrows(ToolException.class, () -> RegressCommand.run(ctx(),
                    new RegressCommand.Options(p, null, original, false, !changed, changed, List.of())));
            assertTrue(e.getMessage().contains("write expected files only inside the project"), e.getMessage());
        }
    }

    /** A suite's own settings become settings of its database; what is not NAME=VALUE is refused up front. */
    @Test
    void settingsOfTheSuite() throws IOException {
        assertEquals("ALTER DATABASE d SET extra_float_digits TO '0';\nALTER DATABASE d SET search_path TO 'a, ''b''';\n",
                RegressCommand.suiteSettings("d", List.of("extra_float_digits=0", " search_path = a, 'b'")));
        ExtensionProject p = project();
        for (String bad : List.of("extra_float_digits", "=0", "x; DROP TABLE t=1")) {
            ToolException e = assertThrows(ToolException.class,
                    () -> new RegressCommand.Options(p, null, null, false, false, false, List.of(), List.of(bad)));
            assertTrue(e.getMessage().contains("is not NAME=VALUE"), e.getMessage());
        }
    }

    /**
     * psql runs where the project's files and the suite's are, as under PGXS: a suite's data file
     * is found, the project's stand-in install script wins over an entry of the same name, and
     * rebuilding the folder leaves the links' targets alone.
     */
    @Test
    void psqlSeesTheProjectsFilesOverTheSuites() throws IOException {
        ExtensionProject p = project();
        Files.createDirectories(p.dir().resolve("sql"));
        Files.writeString(p.dir().resolve("sql/ext.sql"), "CREATE EXTENSION ext;");
        Path original = Files.createDirectories(tmp.resolve("original"));
        Files.createDirectories(original.resolve("sql"));
        Files.writeString(original.resolve("sql/test1.sql"), "\\i sql/ext.sql");
        Files.createDirectories(original.resolve("data"));
        Files.writeString(original.resolve("data/rows.data"), "1");
        RegressCommand.Options o = new RegressCommand.Options(p, null, original, false, false, false, List.of());
        for (int run = 0; run < 2; run++) {
            Path work = RegressCommand.psqlFolder(o, tmp.resolve("work"));
            assertEquals("1", Files.readString(work.resolve("data/rows.data")));
            assertEquals("CREATE EXTENSION ext;", Files.readString(work.resolve("sql/ext.sql")));
            assertTrue(Files.exists(work.resolve("pom.xml")));
        }
        assertTrue(Files.exists(original.resolve("sql/test1.sql")) && Files.exists(p.dir().resolve("sql/ext.sql")));
        assertEquals(p.dir(), RegressCommand.psqlFolder(new RegressCommand.Options(p, null, false, false, List.of()),
                tmp.resolve("work")), "the project's own suite runs in the project's folder");
    }
}

package org.pgj.tooling.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.project.ExtensionProject;

/** pgj upgrade's default --from: the highest kept release below the current version, as people number them. */
class PreviousReleaseTest {
    @TempDir
    Path dir;

    @Test
    void theHighestKeptReleaseBelowTheCurrentOne() throws IOException {
        ExtensionProject project = project("0.2.0-SNAPSHOT", "0.2.0", "0.9", "0.10", "1.0-rc1", "1.0", "1.0.1");
        assertEquals("0.10", UpgradeCommand.previousRelease(project, "ext", "1.0-rc1"));
        assertEquals("1.0-rc1", UpgradeCommand.previousRelease(project, "ext", "1.0"));
        assertEquals("1.0", UpgradeCommand.previousRelease(project, "ext", "1.0.1"));
        assertEquals("0.2.0-SNAPSHOT", UpgradeCommand.previousRelease(project, "ext", "0.2.0"));
        // None below: the highest other one.
        assertEquals("1.0.1", UpgradeCommand.previousRelease(project, "ext", "0.1"));
    }

    private ExtensionProject project(String... released) throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        ExtensionProject project = ExtensionProject.at(dir);
        Files.createDirectories(project.releasedDir());
        for (String version : released) {
            Files.writeString(project.releasedDir().resolve("ext--" + version + ".sql"), "");
        }
        Files.writeString(project.releasedDir().resolve("ext--0.9--0.10.sql"), "");
        return project;
    }
}

package org.pgj.tooling.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.FakePgConfig;
import org.pgj.tooling.PgjRelease;
import org.pgj.tooling.ToolException;

class PrerequisitesTest {
    @TempDir
    Path tmp;

    private Jdk fakeJdk(String version) throws IOException {
        Path home = tmp.resolve("jdk-" + version);
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib/server"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Files.writeString(home.resolve("bin/java"), "");
        Files.writeString(home.resolve("lib/server/libjvm.so"), "");
        return Jdk.at(home).orElseThrow();
    }

    @Test
    void anOldJdkIsNamedWithTheOneToInstall() throws IOException {
        ToolException e = assertThrows(ToolException.class, () -> Prerequisites.forJdk(fakeJdk("17.0.9")));
        assertTrue(e.getMessage().contains("is Java 17, too old for pgj"), e.getMessage());
        assertTrue(e.getMessage().endsWith("install Temurin JDK " + PgjRelease.javaRelease() + " (apt-get install temurin-"
                + PgjRelease.javaRelease() + "-jdk) and set JAVA_HOME to it"), e.getMessage());
        Prerequisites.forJdk(fakeJdk(Integer.toString(PgjRelease.javaRelease())));
    }

    @Test
    void serverProgramsAndPsqlAreNamedWithTheirPackages() throws IOException {
        PgConfig pg = PgConfig.find(FakePgConfig.create(tmp.resolve("pg"), "16.1"));
        ToolException server = assertThrows(ToolException.class, () -> Prerequisites.forServer(pg));
        assertTrue(server.getMessage().startsWith("PostgreSQL 16 has no initdb"), server.getMessage());
        assertTrue(server.getMessage().endsWith("apt-get install postgresql-16"), server.getMessage());
        ToolException client = assertThrows(ToolException.class, () -> Prerequisites.forClient(pg));
        assertTrue(client.getMessage().endsWith("apt-get install postgresql-client-16"), client.getMessage());
    }

    @Test
    void thisBuildKnowsItsVersions() {
        assertEquals(25, PgjRelease.javaRelease());
        assertTrue(PgjRelease.version().matches("\\d+\\.\\d+\\.\\d+.*"), PgjRelease.version());
    }
}

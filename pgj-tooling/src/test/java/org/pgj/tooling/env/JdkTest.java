package org.pgj.tooling.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.ToolException;

class JdkTest {
    @TempDir
    Path tmp;

    @Test
    void currentIsTheRunningJvm() {
        Jdk jdk = Jdk.current();
        assertEquals(Runtime.version().feature(), jdk.feature());
        assertEquals(Path.of(System.getProperty("java.home")).toAbsolutePath(), jdk.home());
        assertTrue(Files.isRegularFile(jdk.libjvm()), "libjvm.so of the running JDK: " + jdk.libjvm());
    }

    @Test
    void javaHomeWinsWhenNewEnough() throws IOException {
        Path old = fakeJdk("old", "17.0.2");
        Path fresh = fakeJdk("fresh", "25.0.1");
        Path other = fakeJdk("other", "24");
        Jdk jdk = Jdk.find(Map.of("JAVA_HOME", fresh.toString()), tmp);
        assertEquals(fresh, jdk.home());
        assertEquals(25, jdk.feature());
        assertEquals(fresh.resolve("lib/server/libjvm.so"), jdk.libjvm());
        // JAVA_HOME too old: the newest installed JDK is used instead.
        Jdk fallback = Jdk.find(Map.of("JAVA_HOME", old.toString()), tmp);
        assertEquals(fresh, fallback.home());
        assertTrue(Files.isDirectory(other));
    }

    @Test
    void tooOldTellsWhatToInstall() throws IOException {
        Path old = fakeJdk("old", "17.0.2");
        ToolException e = assertThrows(ToolException.class, () -> Jdk.find(Map.of("JAVA_HOME", old.toString()), tmp));
        assertTrue(e.getMessage().contains("Java 17"), e.getMessage());
        assertTrue(e.getMessage().contains("Temurin JDK 25"), e.getMessage());
        assertTrue(e.getMessage().contains("JAVA_HOME"), e.getMessage());
    }

    @Test
    void noneFoundTellsWhatToInstall() {
        ToolException e = assertThrows(ToolException.class, () -> Jdk.find(Map.of(), tmp.resolve("nothing")));
        assertTrue(e.getMessage().contains("found none"), e.getMessage());
        assertTrue(e.getMessage().contains("Temurin JDK 25"), e.getMessage());
    }

    @Test
    void findsARealJdkOnThisMachine() {
        Jdk jdk = Jdk.find();
        assertTrue(jdk.feature() >= Jdk.MINIMUM_FEATURE);
        assertTrue(Files.isRegularFile(jdk.libjvm()));
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = tmp.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib/server"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.writeString(home.resolve("bin/java"), "");
        Files.writeString(home.resolve("lib/server/libjvm.so"), "");
        return home;
    }
}

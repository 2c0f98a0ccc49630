package org.pgj.tooling.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The MAVEN_OPTS the tooling runs Maven with: quiet on the JDK it runs on, and working on an old one. */
class MavenOptsTest {
    @Test
    void newJdksGetTheUnsafeFlagAndNoColourReset() {
        assertEquals("--sun-misc-unsafe-memory-access=allow -Djansi.noreset=true", MavenBuild.mavenOpts("", 25));
        assertEquals("-Xmx1g --sun-misc-unsafe-memory-access=allow -Djansi.noreset=true", MavenBuild.mavenOpts("-Xmx1g", 24));
    }

    @Test
    void olderJdksWouldRefuseTheUnsafeFlag() {
        assertEquals("-Djansi.noreset=true", MavenBuild.mavenOpts("", 23));
        assertEquals("-Djansi.noreset=true", MavenBuild.mavenOpts("", 17));
    }

    @Test
    void theUsersOwnSettingsAreNotRepeated() {
        String own = "--sun-misc-unsafe-memory-access=warn -Djansi.noreset=false";
        assertEquals(own, MavenBuild.mavenOpts(own, 25));
    }
}

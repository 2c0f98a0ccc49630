package org.pgj.tooling.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MavenFailureTest {
    /** What `mvn -q compile` prints for one error of the annotation processor (Maven 3.8.7). */
    private static final String COMPILE_ERROR = """
            [ERROR] COMPILATION ERROR :\s
            [ERROR] /p/Bad.java:[17,61] parameter m has unsupported type java.util.Map; see the README
            [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.0:compile (default-compile) on project bad: Compilation failure
            [ERROR] /p/Bad.java:[17,61] parameter m has unsupported type java.util.Map; see the README
            [ERROR] -> [Help 1]
            [ERROR]\s
            [ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
            [ERROR] Re-run Maven using the -X switch to enable full debug logging.
            [ERROR]\s
            [ERROR] For more information about the errors and possible solutions, please read the following articles:
            [ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException
            """;

    @Test
    void eachErrorOnceWithoutMavensGeneralAdvice() {
        assertEquals("""
                [ERROR] COMPILATION ERROR :\s
                [ERROR] /p/Bad.java:[17,61] parameter m has unsupported type java.util.Map; see the README
                [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.0:compile (default-compile) on project bad: Compilation failure""",
                MavenFailure.summary(COMPILE_ERROR, 60));
    }

    @Test
    void keepsTheLastLines() {
        assertEquals("c\nd", MavenFailure.summary("a\nb\nc\nd\n", 2));
        assertEquals("x\nx", MavenFailure.summary("x\nx\n", 5), "only Maven's [ERROR] lines are deduplicated");
        assertEquals("", MavenFailure.summary("", 5));
    }
}

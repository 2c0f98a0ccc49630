package org.pgj.test.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.PgInterrupt;

class BackendTestRunnerTest {
    private static final String PLAIN = RunnerFixtures.Plain.class.getName();

    private static RemoteThrowable failure(String className, String method) {
        String result = BackendTestRunner.run(className, method);
        assertTrue(FailureText.isFailure(result), result);
        return FailureText.decode(result);
    }

    @Test
    void passingMethodReturnsOkWithTheTestClassLoaderAsContextLoader() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(null);
        try {
            assertEquals(FailureText.OK, BackendTestRunner.run(PLAIN, "passes"));
            assertSame(BackendTestRunner.class.getClassLoader(), RunnerFixtures.seenContextLoader);
            assertEquals(null, Thread.currentThread().getContextClassLoader(), "restored afterwards");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void assertionFailureIsEncodedWithTheTestFramesOnly() {
        RemoteThrowable t = failure(PLAIN, "failsAssertion");
        assertEquals("org.opentest4j.AssertionFailedError", t.className());
        assertTrue(t.assertion());
        assertEquals("one plus two ==> expected: <2> but was: <3>", t.message());
        assertEquals("2", t.expected());
        assertEquals("3", t.actual());
        StackTraceElement last = t.stackTrace().getLast();
        assertEquals(RunnerFixtures.Plain.class.getName(), last.getClassName(), "the test method is the bottom frame");
        assertEquals("failsAssertion", last.getMethodName());
        assertTrue(t.stackTrace().stream().noneMatch(f -> f.getClassName().startsWith("java.lang.reflect.")
                || f.getClassName().startsWith("jdk.internal.reflect.")), t.stackTrace().toString());
    }

    @Test
    void pgExceptionAndInterruptPassThroughUnchanged() {
        PgException e = assertThrows(PgException.class, () -> BackendTestRunner.run(PLAIN, "throwsPgException"));
        assertEquals("22012", e.sqlState());
        PgInterrupt i = assertThrows(PgInterrupt.class, () -> BackendTestRunner.run(PLAIN, "throwsInterrupt"));
        assertEquals("57014", i.sqlState());
    }

    @Test
    void causeIsEncoded() {
        RemoteThrowable t = failure(PLAIN, "throwsWrapped");
        assertEquals("java.lang.IllegalStateException", t.className());
        assertEquals("outer", t.message());
        assertNotNull(t.cause());
        assertEquals("java.lang.IllegalArgumentException: inner", t.cause().toString());
    }

    @Test
    void inheritedPrivateStaticAndInnerClassMethodsRun() {
        assertEquals(FailureText.OK, BackendTestRunner.run(RunnerFixtures.Sub.class.getName(), "passes"));
        assertEquals(FailureText.OK, BackendTestRunner.run(PLAIN, "privateStatic"));
        assertEquals(FailureText.OK, BackendTestRunner.run(RunnerFixtures.Outer.Inner.class.getName(), "usesOuter"));
    }

    @Test
    void missingClassOrMethodSaysTheStageIsStale() {
        assertTrue(failure("com.example.Gone", "test").message().contains("the stage is older than the tests"));
        assertTrue(failure(PLAIN, "gone").message().contains("the stage is older than the tests"));
    }

    @Test
    void methodWithParametersIsRefused() {
        assertTrue(failure(PLAIN, "takesParameter").message().contains("takes 1 parameter(s)"));
    }

    @Test
    void constructorProblemsAreReported() {
        assertEquals("java.lang.IllegalStateException: constructor failed",
                failure(RunnerFixtures.FailingConstructor.class.getName(), "test").toString());
        assertTrue(failure(RunnerFixtures.NoDefaultConstructor.class.getName(), "test").message()
                .contains("no constructor without parameters"));
    }
}

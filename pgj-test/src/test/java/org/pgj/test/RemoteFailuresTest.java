package org.pgj.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.pgj.test.backend.FailureText;
import org.pgj.test.backend.RemoteThrowable;

class RemoteFailuresTest {
    private static final ClassLoader LOADER = RemoteFailuresTest.class.getClassLoader();
    private static final StackTraceElement FRAME = new StackTraceElement("com.example.DemoTest", "inside", "DemoTest.java", 12);

    private static Throwable roundTrip(Throwable backend) {
        backend.setStackTrace(new StackTraceElement[] {FRAME});
        return RemoteFailures.toThrowable(FailureText.decode(FailureText.encode(backend)), LOADER);
    }

    @Test
    void assertionFailureKeepsExpectedActualAndTheBackendStack() {
        Throwable t = roundTrip(new AssertionFailedError("values differ ==> expected: <2> but was: <3>", 2, 3));
        AssertionFailedError a = assertInstanceOf(AssertionFailedError.class, t);
        assertEquals("values differ ==> expected: <2> but was: <3>", a.getMessage());
        assertEquals("2", a.getExpected().getStringRepresentation());
        assertEquals("3", a.getActual().getStringRepresentation());
        assertEquals(List.of(FRAME), Arrays.asList(a.getStackTrace()));
    }

    @Test
    void knownClassesComeBackAsThemselvesWithTheirCause() {
        Throwable t = roundTrip(new IllegalStateException("outer", new NumberFormatException("inner")));
        assertEquals(IllegalStateException.class, t.getClass());
        assertEquals("outer", t.getMessage());
        assertEquals(NumberFormatException.class, t.getCause().getClass());
        assertEquals("inner", t.getCause().getMessage());
    }

    @Test
    void anAssumptionStillAborts() {
        assertEquals(TestAbortedException.class, roundTrip(new TestAbortedException("Assumption failed")).getClass());
    }

    @Test
    void unknownClassesKeepTheirNameInTheMessage() {
        RemoteThrowable gone = new RemoteThrowable("com.example.GoneException", "boom", false, null, null,
                List.of(FRAME), List.of(), null);
        Throwable t = RemoteFailures.toThrowable(gone, LOADER);
        assertInstanceOf(BackendException.class, t);
        assertEquals("com.example.GoneException: boom", t.getMessage());
        assertEquals(List.of(FRAME), Arrays.asList(t.getStackTrace()));

        RemoteThrowable goneAssertion = new RemoteThrowable("com.example.GoneError", "no", true, null, null,
                List.of(), List.of(), null);
        Throwable a = RemoteFailures.toThrowable(goneAssertion, LOADER);
        assertInstanceOf(AssertionFailedError.class, a, "an assertion stays a test failure");
        assertEquals("com.example.GoneError: no", a.getMessage());
    }

    /** Its constructor decorates the message, so a local instance would misreport it. */
    public static final class Decorating extends RuntimeException {
        public Decorating(String message) {
            super("decorated: " + message);
        }
    }

    @Test
    void classesThatChangeTheMessageAreNotRecreated() {
        Throwable t = roundTrip(new Decorating("x"));
        assertInstanceOf(BackendException.class, t);
        assertTrue(t.getMessage().endsWith("Decorating: decorated: x"), t.getMessage());
    }

    @Test
    void suppressedAreKept() {
        RuntimeException backend = new RuntimeException("main");
        backend.addSuppressed(new IllegalArgumentException("side"));
        Throwable t = roundTrip(backend);
        assertEquals(1, t.getSuppressed().length);
        assertEquals("java.lang.IllegalArgumentException: side", t.getSuppressed()[0].toString());
    }
}

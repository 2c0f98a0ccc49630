package org.pgj.test.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class FailureTextTest {
    private static final StackTraceElement TEST_FRAME = new StackTraceElement("com.example.DemoTest", "inside", "DemoTest.java", 12);

    @Test
    void roundTripKeepsClassMessageFramesCauseAndSuppressed() {
        IllegalStateException t = new IllegalStateException("outer", new IllegalArgumentException("inner"));
        t.addSuppressed(new UnsupportedOperationException("also"));
        RemoteThrowable r = FailureText.decode(FailureText.encode(t));
        assertEquals("java.lang.IllegalStateException", r.className());
        assertEquals("outer", r.message());
        assertFalse(r.assertion());
        assertEquals(t.getStackTrace().length, r.stackTrace().size(), "no runner frame, so nothing is cut");
        assertEquals(t.getStackTrace()[0].toString(), r.stackTrace().get(0).toString());
        assertEquals("java.lang.IllegalArgumentException: inner", r.cause().toString());
        assertEquals(List.of("java.lang.UnsupportedOperationException: also"),
                r.suppressed().stream().map(RemoteThrowable::toString).toList());
        assertNull(r.cause().cause());
    }

    @Test
    void messagesSurviveAnyCharacter() {
        String nasty = "tab\there\nnew line\r\\backslash\\N nul\0 bell\u0007 lone\uD800 pair\uD83D\uDE00 é \\u0041";
        RemoteThrowable r = FailureText.decode(FailureText.encode(new RuntimeException(nasty)));
        assertEquals(nasty, r.message());
        String encoded = FailureText.encode(new RuntimeException(nasty));
        assertFalse(encoded.contains("\0"), "PostgreSQL text cannot hold NUL");
    }

    @Test
    void nullMessageStaysNull() {
        assertNull(FailureText.decode(FailureText.encode(new RuntimeException())).message());
        assertEquals("\\N", FailureText.escape(null));
        assertEquals("\\\\N", FailureText.escape("\\N"), "the literal text \\N is not null");
    }

    @Test
    void opentest4jExpectedAndActualAreKept() {
        RemoteThrowable r = FailureText.decode(FailureText.encode(new AssertionFailedError("differs", "a\tb", 42)));
        assertTrue(r.assertion());
        assertEquals("a\tb", r.expected());
        assertEquals("42", r.actual());
        RemoteThrowable plain = FailureText.decode(FailureText.encode(new AssertionFailedError("no values")));
        assertNull(plain.expected());
        assertNull(plain.actual());
    }

    @Test
    void framesBelowTheRunnerAreCut() {
        RuntimeException t = new RuntimeException("x");
        t.setStackTrace(new StackTraceElement[] {
            TEST_FRAME,
            new StackTraceElement("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", null, 103),
            new StackTraceElement("java.lang.reflect.Method", "invoke", null, 580),
            new StackTraceElement(BackendTestRunner.class.getName(), "invoke", null, 80),
            new StackTraceElement(BackendTestRunner.class.getName(), "run", null, 40),
            new StackTraceElement("org.pgj.internal.call.FunctionResolver", "call", null, 1),
        });
        assertEquals(List.of(TEST_FRAME), FailureText.decode(FailureText.encode(t)).stackTrace());
    }

    @Test
    void classLoaderNamesAreDroppedSoIdesLinkTheFrames() {
        StackTraceElement loaded = new StackTraceElement("pgj:demo__test", null, null, "com.example.DemoTest", "inside",
                "DemoTest.java", 12);
        assertEquals(List.of(TEST_FRAME), FailureText.testFrames(new StackTraceElement[] {loaded}));
    }

    @Test
    void causeCyclesEnd() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        RemoteThrowable r = FailureText.decode(FailureText.encode(a));
        assertEquals("b", r.cause().message());
        assertNull(r.cause().cause());
    }

    @Test
    void anythingElseIsNotAFailureText() {
        assertFalse(FailureText.isFailure(FailureText.OK));
        assertFalse(FailureText.isFailure(null));
        assertThrows(IllegalArgumentException.class, () -> FailureText.decode("OK"));
        assertThrows(IllegalArgumentException.class, () -> FailureText.decode(FailureText.HEADER + "\nthrowable\tx\t0\tm\n"));
        assertThrows(IllegalArgumentException.class,
                () -> FailureText.decode(FailureText.HEADER + "\nthrowable\tx\t0\tbad\\q\nend\n"));
        assertThrows(IllegalArgumentException.class,
                () -> FailureText.decode(FailureText.HEADER + "\nthrowable\tx\t0\tm\nend\nend\n"));
    }
}

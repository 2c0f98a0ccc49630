package org.pgj.test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PgErrorExpectationTest {
    @ExpectedPgError(sqlState = "22012")
    void anyMessage() {
    }

    @ExpectedPgError(sqlState = "22012", messageContains = "by zero")
    void withMessage() {
    }

    private static ExpectedPgError expectation(String method) throws NoSuchMethodException {
        return PgErrorExpectationTest.class.getDeclaredMethod(method).getAnnotation(ExpectedPgError.class);
    }

    private static String failure(ExpectedPgError expected, Throwable thrown) {
        return assertThrows(AssertionFailedError.class, () -> PgErrorExpectation.verify(expected, thrown)).getMessage();
    }

    @Test
    void theExpectedErrorPasses() throws Exception {
        assertDoesNotThrow(() -> PgErrorExpectation.verify(expectation("anyMessage"), new SQLException("whatever", "22012")));
        assertDoesNotThrow(() -> PgErrorExpectation.verify(expectation("anyMessage"), new SQLException(null, "22012")));
        assertDoesNotThrow(() -> PgErrorExpectation.verify(expectation("withMessage"), new SQLException("division by zero", "22012")));
        assertDoesNotThrow(() -> PgErrorExpectation.verify(expectation("anyMessage"),
                new IllegalStateException("wrapped", new SQLException("x", "22012"))), "found in the cause chain");
    }

    @Test
    void noErrorFails() throws Exception {
        assertTrue(failure(expectation("anyMessage"), null).contains("completed without one"));
    }

    @Test
    void anotherErrorFailsNamingIt() throws Exception {
        String message = failure(expectation("anyMessage"), new SQLException("duplicate key", "23505"));
        assertTrue(message.contains("SQLSTATE 22012") && message.contains("got SQLSTATE 23505: duplicate key"), message);
        String other = failure(expectation("withMessage"), new SQLException("overflow", "22012"));
        assertTrue(other.contains("containing \"by zero\"") && other.contains("overflow"), other);
    }

    @Test
    void aJavaFailureFailsNamingIt() throws Exception {
        String message = failure(expectation("anyMessage"), new AssertionFailedError("expected: <1> but was: <2>"));
        assertTrue(message.contains("but the test failed with org.opentest4j.AssertionFailedError"), message);
    }

    @Test
    void anAbortedTestStaysAborted() throws Exception {
        TestAbortedException aborted = new TestAbortedException("assumption");
        assertSame(aborted, assertThrows(TestAbortedException.class,
                () -> PgErrorExpectation.verify(expectation("anyMessage"), aborted)));
    }
}

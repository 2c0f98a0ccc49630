package org.pgj.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test passes only if it fails with this PostgreSQL error: for an {@link InBackend} method,
 * the SQL error its run raises (say a {@link org.pgj.errors.PgException} it throws, or a server
 * error it runs into); for a JDBC test, a {@link java.sql.SQLException} it throws (or one in
 * the cause chain of what it throws). No error, another SQLSTATE or a plain Java failure fails
 * the test, saying what happened instead. After the error, an in-backend test's transaction is
 * rolled back and its connection is ready for the next test.
 *
 * <pre>{@code
 * @Test @InBackend @ExpectedPgError(sqlState = "22012")
 * void dividesByZero() { Demo.divide(1, 0); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
// Self-sufficient: without @PgjTest on the class it would otherwise silently run locally.
@ExtendWith(PgjExtension.class)
public @interface ExpectedPgError {
    /** The five-character SQLSTATE, e.g. {@code "22012"} (see {@link org.pgj.errors.SqlState}). */
    String sqlState();

    /** A part the error's primary message must contain; empty for any message. */
    String messageContains() default "";
}

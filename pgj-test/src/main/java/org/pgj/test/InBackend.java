package org.pgj.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method inside a PostgreSQL backend instead of in the test JVM: the extension's
 * classes are called directly, as its SQL functions would call them, and may use everything
 * that only works in a backend.
 *
 * <p>The method runs through {@code SELECT pgj_test.run(class, method)} in a transaction on
 * the test class's own connection (one backend per test class, so static state carries over
 * between its in-backend tests as it would in the test JVM; pg_stat_activity shows it as
 * {@code pgj-test backend: <class>}). The transaction is rolled back
 * afterwards, or with {@code commit = true} committed if the method completed normally. An
 * assertion failure or exception is reported with the backend's stack trace, like a local one;
 * a {@link org.pgj.errors.PgException} becomes a SQL error (see {@link ExpectedPgError}).
 *
 * <p>On a class (or an enclosing class of a {@code @Nested} one) it applies to every test
 * method; a method's own annotation wins. Limits, since only the method body crosses over:
 * <ul>
 *   <li>in-backend methods take no parameters;</li>
 *   <li>the backend makes its own instance of the class (with the no-argument constructor)
 *       for every method, so fields set by local code are not seen there;</li>
 *   <li>JUnit lifecycle methods ({@code @BeforeEach}, {@code @AfterEach}, {@code @BeforeAll},
 *       {@code @AfterAll}) and extensions run only in the test JVM; what they do through a
 *       {@link java.sql.Connection} happens in another session, committed (autocommit), so the
 *       in-backend test sees it but cannot roll it back;</li>
 *   <li>test classes and the code they call must be built before the run: the backend loads
 *       them from the stage, which the build writes after test compilation.</li>
 * </ul>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
// Self-sufficient: without @PgjTest on the class it would otherwise silently run locally.
@ExtendWith(PgjExtension.class)
public @interface InBackend {
    /** Commit the transaction when the method completes normally, instead of rolling it back. */
    boolean commit() default false;
}

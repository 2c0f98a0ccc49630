package org.pgj.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against the project's pgj extension, installed in a private
 * PostgreSQL server.
 *
 * <p>On first use in a test JVM, pgj-test reads the stage ({@code target/pgj/stage} under the
 * working directory, or the system property {@code pgj.stage}; written by the pgj-maven-plugin's
 * {@code stage} goal), starts the private test server for the stage's PostgreSQL (under the
 * system property {@code pgj.home}, else {@code $PGJ_HOME}, else {@code ~/.pgj}), installs the
 * stage with its tests, recreates the database {@code pgj_test_<ext>} and runs
 * {@code CREATE EXTENSION <ext>} there. If any of that fails, every test class fails with the
 * reason. The server keeps running after the tests, so the next run starts in a fraction of the
 * time; the database starts empty every run.
 *
 * <p>Test methods may take a {@link java.sql.Connection} to the test database (autocommit on;
 * one per test method, shared with its {@code @BeforeEach} and {@code @AfterEach} methods and
 * closed after them; in a constructor or {@code @BeforeAll} method, one per class) or the
 * {@link PgServer}. {@link InBackend} methods run inside the server instead, and
 * {@link ExpectedPgError} expects a SQL error.
 *
 * <pre>{@code
 * @PgjTest
 * class DemoTest {
 *     @Test void viaJdbc(Connection c) throws SQLException { ... }
 *     @Test @InBackend void inside() { assertEquals(2, Demo.addOne(1)); }
 * }
 * }</pre>
 *
 * <p>Test JVMs of one project must not run in parallel (Surefire's default forkCount=1 is
 * right): each one recreates the same database.
 *
 * <p>The class is tagged {@value #TAG}, so a build can keep these tests apart from those that need
 * no server: pgj's own build runs them with Failsafe in {@code integration-test}, and
 * {@code mvn test} runs only the others.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PgjExtension.class)
@Tag(PgjTest.TAG)
public @interface PgjTest {
    /** The JUnit tag of tests that need a PostgreSQL server. */
    String TAG = "server";
}

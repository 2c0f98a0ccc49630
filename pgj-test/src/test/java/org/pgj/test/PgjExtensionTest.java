package org.pgj.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class PgjExtensionTest {
    static class Plain {
        void local() {
        }

        @InBackend(commit = true)
        void committed() {
        }
    }

    @InBackend
    static class AllInBackend {
        void inherited() {
        }

        @InBackend(commit = true)
        void own() {
        }
    }

    static class SubOfAllInBackend extends AllInBackend {
    }

    @InBackend
    static class Outer {
        class Inner {
            void test() {
            }
        }
    }

    private static Optional<InBackend> lookup(Class<?> c, String method, List<Class<?>> enclosing) throws Exception {
        Method m = c.getDeclaredMethod(method);
        return PgjExtension.inBackend(m, c, enclosing);
    }

    @Test
    void methodAnnotationWinsOverTheClass() throws Exception {
        assertFalse(lookup(Plain.class, "local", List.of()).isPresent());
        assertTrue(lookup(Plain.class, "committed", List.of()).orElseThrow().commit());
        assertFalse(lookup(AllInBackend.class, "inherited", List.of()).orElseThrow().commit());
        assertTrue(lookup(AllInBackend.class, "own", List.of()).orElseThrow().commit());
    }

    @Test
    void classAnnotationIsInheritedAndReachesNestedClasses() throws Exception {
        assertTrue(PgjExtension.inBackend(AllInBackend.class.getDeclaredMethod("inherited"), SubOfAllInBackend.class,
                List.of()).isPresent());
        assertTrue(lookup(Outer.Inner.class, "test", List.of(Outer.class)).isPresent());
    }

    @Test
    void runnerSqlUsesTheTestLanguageAndAStrictFunction() {
        List<String> sql = TestEnvironment.runnerSql("demo", new org.pgj.tooling.installation.PgjRuntime("0.2.0"));
        assertTrue(sql.get(1).contains(" AS '$libdir/pgj-0.2.0', 'pgj_call_handler'"), "the handler is the stage's runtime's: " + sql.get(1));
        assertTrue(sql.contains("CREATE LANGUAGE pgj_demo__test HANDLER pgj_test.call_handler VALIDATOR pgj_test.validator"), sql.toString());
        assertTrue(sql.getLast().contains("RETURNS text STRICT LANGUAGE pgj_demo__test"), sql.getLast());
        assertTrue(sql.getLast().endsWith("'org.pgj.test.backend.BackendTestRunner.run(java.lang.String,java.lang.String)'"));
        assertEquals("pgj_test_demo", TestEnvironment.databaseName("demo"));
    }

    @Test
    void backendSessionsAreNamedAfterTheirClassWithinTheServersLimit() {
        assertEquals("pgj-test backend: org.pgj.test.PgjExtensionTest", BackendInvoker.applicationName(PgjExtensionTest.class));
        String longName = BackendInvoker.applicationName(AVeryLongNestedClassNameThatDoesNotFitIntoTheApplicationName.class);
        assertEquals(63, longName.length());
        assertTrue(longName.startsWith("pgj-test backend: ...") && longName.endsWith("DoesNotFitIntoTheApplicationName"), longName);
    }

    static class AVeryLongNestedClassNameThatDoesNotFitIntoTheApplicationName {
    }

    /** Run through EngineTestKit by the test below, never by Surefire (nested classes are not scanned). */
    @PgjTest
    static class WithoutStage {
        @Test
        void first() {
        }

        @Nested
        class Again {
            @Test
            void second() {
            }
        }
    }

    @Test
    void aMissingStageFailsEveryClassWithTheToolsMessage(@TempDir Path empty) {
        String before = System.getProperty(TestEnvironment.STAGE_PROPERTY);
        System.setProperty(TestEnvironment.STAGE_PROPERTY, empty.toString());
        try {
            Events containers = EngineTestKit.engine("junit-jupiter").selectors(selectClass(WithoutStage.class))
                    .execute().containerEvents();
            List<Event> failed = containers.failed().list();
            assertEquals(1, failed.size(), "the class fails in beforeAll; its tests do not run");
            Throwable cause = failed.getFirst().getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .orElseThrow().getThrowable().orElseThrow();
            assertEquals(TestSetupException.class, cause.getClass());
            assertTrue(cause.getMessage().startsWith("no pgj stage in " + empty), cause.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(TestEnvironment.STAGE_PROPERTY);
            } else {
                System.setProperty(TestEnvironment.STAGE_PROPERTY, before);
            }
        }
    }

    /** Run through EngineTestKit only: a class that needs no server. */
    static class NoServer {
        @Test
        void runs() {
        }
    }

    /** @PgjTest classes are tagged "server": a run that leaves the tag out (mvn test, in pgj's build) never sets one up. */
    @Test
    void pgjTestClassesAreLeftOutWithTheServerTag() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(WithoutStage.class), selectClass(NoServer.class))
                .filters(TagFilter.excludeTags(PgjTest.TAG)).execute().testEvents();
        assertEquals(List.of("runs()"), tests.started().list().stream()
                .map(e -> e.getTestDescriptor().getDisplayName()).toList());
        assertEquals("server", PgjTest.TAG);
    }

    /** Run through EngineTestKit only: records the paths it is given. */
    static class OnEachPath {
        static final List<CallPath> SEEN = new java.util.ArrayList<>();

        @EachCallPath
        void record(CallPath path) {
            SEEN.add(path);
        }
    }

    @Test
    void eachCallPathRunsTheMethodOncePerPathNamedAfterIt() {
        OnEachPath.SEEN.clear();
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(OnEachPath.class)).execute().testEvents();
        assertEquals(List.of("jni", "ffm"), tests.succeeded().list().stream()
                .map(e -> e.getTestDescriptor().getDisplayName()).toList());
        assertEquals(List.of(CallPath.JNI, CallPath.FFM), OnEachPath.SEEN);
    }
}

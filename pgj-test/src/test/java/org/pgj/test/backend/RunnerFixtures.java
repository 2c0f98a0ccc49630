package org.pgj.test.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.pgj.errors.PgException;
import org.pgj.errors.PgInterrupt;

/** Test classes as the backend runner sees them: package-private, no @Test needed. */
final class RunnerFixtures {
    private RunnerFixtures() {
    }

    static ClassLoader seenContextLoader;

    static class Plain {
        void passes() {
            seenContextLoader = Thread.currentThread().getContextClassLoader();
        }

        void failsAssertion() {
            assertEquals(2, 1 + 2, "one plus two");
        }

        void throwsPgException() {
            throw new PgException("22012", "division by zero");
        }

        void throwsInterrupt() {
            throw new PgInterrupt("57014", "canceling statement due to user request");
        }

        void throwsWrapped() {
            throw new IllegalStateException("outer", new IllegalArgumentException("inner"));
        }

        void takesParameter(String s) {
        }

        private static void privateStatic() {
        }
    }

    static class Sub extends Plain {
    }

    static class FailingConstructor {
        FailingConstructor() {
            throw new IllegalStateException("constructor failed");
        }

        void test() {
        }
    }

    static class NoDefaultConstructor {
        NoDefaultConstructor(int x) {
        }

        void test() {
        }
    }

    static class Outer {
        final String name = "outer";

        class Inner {
            void usesOuter() {
                assertEquals("outer", name);
            }
        }
    }
}

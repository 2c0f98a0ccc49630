package org.pgj.examples.demo;

import org.pgj.functions.PgFunction;

/**
 * What the language's validator is tested on (ValidatorTest): a class whose static initializer
 * counts its runs, so a test can see that validating a function of it (CREATE FUNCTION ...
 * LANGUAGE pgj_demo) runs none of its code, and that its first call does.
 */
public final class Validated {
    private static int initializations;

    private Validated() {
    }

    /** How many times {@link Counted}'s static initializer ran in this backend. */
    @PgFunction
    public static int initializations() {
        return initializations;
    }

    /** Its methods are no {@code @PgFunction}: the tests create functions of them by hand. */
    public static final class Counted {
        static {
            initializations++;
        }

        private Counted() {
        }

        public static int answer() {
            return 42;
        }

        public static void nothing(int ignored) {
        }
    }
}

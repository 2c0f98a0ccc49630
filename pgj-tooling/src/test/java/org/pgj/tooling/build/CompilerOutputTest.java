package org.pgj.tooling.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompilerOutputTest {
    private static final String GCC = """
            gcc -Wall -O2 -fPIC -c -o facts.o facts.c
            In file included from facts.c:6:
            pgj.h:12:1: warning: 'x' defined but not used [-Wunused-variable]
               12 | static int x;
                  | ^~~~~~
            facts.c: In function 'pgj_facts':
            facts.c:74:54: error: 'TupleDescData' has no member named 'attrs'
               74 |         OFFSET(TupleDescData, attrs),
                  |                               ^~~~~
            facts.c:80:1: error: expected expression before '}' token
            make: *** [<builtin>: facts.o] Error 1
            """;

    @Test
    void theFirstErrorComesWithItsQuotedSource() {
        assertEquals(Optional.of("""
                facts.c:74:54: error: 'TupleDescData' has no member named 'attrs'
                   74 |         OFFSET(TupleDescData, attrs),
                      |                               ^~~~~"""), new CompilerOutput(GCC).firstError());
        assertEquals(2, new CompilerOutput(GCC).errorCount());
    }

    @Test
    void includeChainsBeforeTheFirstErrorAreKept() {
        String output = """
                In file included from x.c:1:
                                 from y.c:2:
                missing.h:3:10: fatal error: nothere.h: No such file or directory
                compilation terminated.
                """;
        assertEquals(Optional.of("""
                In file included from x.c:1:
                                 from y.c:2:
                missing.h:3:10: fatal error: nothere.h: No such file or directory"""), new CompilerOutput(output).firstError());
    }

    @Test
    void warningsAreListedAndMakeErrorsAreNotCompilerErrors() {
        assertEquals(List.of("pgj.h:12:1: warning: 'x' defined but not used [-Wunused-variable]"), new CompilerOutput(GCC).warnings());
        assertEquals(Optional.empty(), new CompilerOutput("make: *** No rule to make target 'x'.  Stop.\n").firstError());
    }
}

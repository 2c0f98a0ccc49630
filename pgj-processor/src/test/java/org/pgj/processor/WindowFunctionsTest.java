package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** @PgFunction(window = true): CREATE FUNCTION ... WINDOW. */
class WindowFunctionsTest {
    @TempDir
    Path dir;

    @Test
    void aWindowFunctionIsDeclaredWindow() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                public class Demo {
                    @PgFunction(window = true) public static Integer previous(Integer v) { return null; }
                    @PgFunction public static int plain(int v) { return v; }
                }
                """);
        c.assertSucceeded();
        assertTrue(c.sql().contains("CREATE FUNCTION previous(v integer) RETURNS integer LANGUAGE pgj_demo WINDOW VOLATILE"
                + " CALLED ON NULL INPUT"), c.sql());
        assertTrue(c.sql().contains("CREATE FUNCTION plain(v integer) RETURNS integer LANGUAGE pgj_demo VOLATILE STRICT"), c.sql());
    }
}

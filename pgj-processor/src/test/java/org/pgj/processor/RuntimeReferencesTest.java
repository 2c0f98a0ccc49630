package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extension sources compile against pgj's API alone: a use of the runtime is an error where it is written. */
class RuntimeReferencesTest {
    @TempDir
    Path dir;

    @Test
    void aFullyQualifiedUseOfTheRuntimeIsAnError() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                public class Demo {
                    @PgFunction public static long size() {
                        return org.pgj.internal.nativecall.Native.ALL.byteSize();
                    }
                }
                """);
        assertEquals(1, c.errors().size(), () -> "" + c.errorMessages());
        Diagnostic<? extends JavaFileObject> e = c.errors().getFirst();
        assertTrue(c.errorMessages().getFirst().contains("org.pgj.internal.nativecall is pgj's runtime, not its API"));
        assertTrue(c.errorMessages().getFirst().contains("module org.pgj exports (org.pgj, org.pgj.functions"));
        assertEquals(5, e.getLineNumber());
    }

    @Test
    void anImportAndEachUseAreErrors() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.internal.nativecall.Guard;
                public class Helper {
                    static void call(long f) { Guard.call(f); }
                }
                """);
        assertEquals(List.of(2L, 4L), c.errors().stream().map(Diagnostic::getLineNumber).toList(), () -> "" + c.errorMessages());
    }

    /** Names are resolved after javac's analysis, which a compact constructor's implicit assignments need. */
    @Test
    void aRecordWithACompactConstructorCompiles() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                public record Rgb(int red, int green, int blue) {
                    public Rgb {
                        if ((red | green | blue) >>> 8 != 0) {
                            throw new IllegalArgumentException("0 to 255");
                        }
                    }
                }
                """);
        assertTrue(c.errors().isEmpty(), () -> "" + c.errorMessages());
    }

    @Test
    void theApiIsFine() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                public class Demo {
                    @PgFunction public static String hello() { return org.pgj.Pg.class.getName(); }
                }
                """);
        assertTrue(c.errors().isEmpty(), () -> "" + c.errorMessages());
    }
}

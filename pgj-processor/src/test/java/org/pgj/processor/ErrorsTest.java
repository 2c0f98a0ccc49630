package org.pgj.processor;

import org.pgj.internal.settings.SnakeCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compile errors: each names the offending declaration and is reported on it. */
class ErrorsTest {
    @TempDir
    Path dir;

    /** A class Demo whose members start on line 4. */
    private Compilation compileDemo(String members) {
        return Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                public class Demo {
                """ + members + "\n}\n");
    }

    @Test
    void nonStaticMethod() {
        Diagnostic<? extends JavaFileObject> e = compileDemo("""
                @PgFunction public int addOne(int x) { return x + 1; }
                """).assertOneError("@PgFunction method org.example.Demo.addOne(int) must be static");
        assertEquals(4, e.getLineNumber());
    }

    @Test
    void nonPublicMethod() {
        Diagnostic<? extends JavaFileObject> e = compileDemo("""
                @PgFunction static int addOne(int x) { return x + 1; }
                """).assertOneError("@PgFunction method org.example.Demo.addOne(int) must be public");
        assertEquals(4, e.getLineNumber());
    }

    @Test
    void nonPublicEnclosingClass() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                public class Demo {
                    static class Hidden {
                        @PgFunction public static int addOne(int x) { return x + 1; }
                    }
                }
                """);
        Diagnostic<? extends JavaFileObject> e = c.assertOneError(
                "@PgFunction method org.example.Demo$Hidden.addOne(int) is in org.example.Demo$Hidden, which is not public");
        assertEquals(5, e.getLineNumber());
    }

    @Test
    void packagePrivateTopLevelClass() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                class Demo {
                    @org.pgj.functions.PgFunction public static int addOne(int x) { return x + 1; }
                }
                """);
        c.assertOneError("org.example.Demo.addOne(int) is in org.example.Demo, which is not public");
    }

    @Test
    void unsupportedParameterTypeNamesTheTypeAndPointsAtTheReadme() {
        Diagnostic<? extends JavaFileObject> e = compileDemo("""
                @PgFunction public static int size(
                        java.util.Map<String, String> items) { return items.size(); }
                """).assertOneError("@PgFunction method org.example.Demo.size(java.util.Map)",
                "parameter items has unsupported type java.util.Map<java.lang.String,java.lang.String>; "
                        + "the Java types pgj maps are listed in the README, section 3 (Types and NULL)");
        assertEquals(5, e.getLineNumber(), "reported on the parameter");
        assertFalse(e.getMessage(null).contains("java.lang.Boolean"), "no list of every supported type: " + e.getMessage(null));
    }

    @Test
    void unsupportedReturnType() {
        Diagnostic<? extends JavaFileObject> e = compileDemo("""
                @PgFunction public static Object thing() { return null; }
                """).assertOneError("@PgFunction method org.example.Demo.thing(): unsupported return type java.lang.Object; "
                + "the Java types pgj maps are listed in the README, section 3 (Types and NULL)");
        assertTrue(e.getMessage(null).length() < 200, e.getMessage(null));
    }

    @Test
    void theReadmeSectionTheErrorNamesExists() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        assertTrue(readme.contains("\n### 3. Types and NULL\n"), "TypeMapping.SEE_SUPPORTED names this section");
    }

    @Test
    void rawOrNestedOptionalIsUnsupported() {
        Compilation c = compileDemo("""
                @PgFunction public static int raw(java.util.Optional o) { return 0; }
                @PgFunction public static int twice(java.util.Optional<java.util.Optional<String>> o) { return 0; }
                @PgFunction public static int wild(java.util.Optional<?> o) { return 0; }
                """);
        assertEquals(3, c.errors().size(), () -> c.errorMessages().toString());
        assertTrue(c.errorMessages().stream().allMatch(m -> m.contains("has unsupported type java.util.Optional")));
    }

    @Test
    void voidIsNoParameterType() {
        compileDemo("""
                @PgFunction public static void f(Void v) {}
                """).assertOneError("parameter v has unsupported type java.lang.Void");
    }

    @Test
    void duplicateSqlSignatureNamesBothMethods() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                public class Demo {
                    @PgFunction public static int addOne(int x) { return x + 1; }
                    @PgFunction(name = "add_one") public static int plusOne(Integer x) { return x + 1; }
                }
                """);
        Diagnostic<? extends JavaFileObject> e = c.assertOneError("duplicate SQL function add_one(integer)",
                "org.example.Demo.addOne(int) and org.example.Demo.plusOne(java.lang.Integer)");
        assertEquals(5, e.getLineNumber(), "reported on the second method");
    }

    @Test
    void duplicatesIgnoreTypeModifiersAndAliases() {
        compileDemo("""
                @PgFunction public static String f(@SqlType("varchar(10)") String s) { return s; }
                @PgFunction public static String f(@SqlType("VARCHAR") String s, int i) { return s; }
                @PgFunction(name = "f") public static String g(@SqlType("character varying") String s) { return s; }
                """).assertOneError("duplicate SQL function f(character varying)");
    }

    @Test
    void sameNameInDifferentSchemasIsNoDuplicate() {
        Compilation c = compileDemo("""
                @PgFunction(schema = "a") public static int f(int x) { return x; }
                @PgFunction(schema = "b", name = "f") public static int g(int x) { return x; }
                """);
        assertTrue(c.sql().contains("CREATE FUNCTION a.f(x integer)"));
        assertTrue(c.sql().contains("CREATE FUNCTION b.f(x integer)"));
    }

    @Test
    void nullableOnAPrimitive() {
        compileDemo("""
                @PgFunction public static int f(@Nullable int x) { return x; }
                """).assertOneError("org.example.Demo.f(int): parameter x is @Nullable but int cannot hold null");
    }

    @Test
    void zeroCost() {
        compileDemo("""
                @PgFunction(cost = 0) public static int f(int x) { return x; }
                """).assertOneError("org.example.Demo.f(int): cost 0.0 must be a positive number");
    }

    @Test
    void emptySearchPathEntry() {
        compileDemo("""
                @PgFunction(searchPath = "public,,x") public static int f(int x) { return x; }
                """).assertOneError("searchPath 'public,,x' has an empty entry");
    }

    @Test
    void tooLongSqlName() {
        compileDemo("""
                @PgFunction public static int aVeryLongMethodNameThatBecomesAnEvenLongerSnakeCaseSqlIdentifier() { return 1; }
                """).assertOneError("is longer than 63 bytes");
    }

    @Test
    void invalidExtensionNameSuggestsUnderscores() {
        Compilation c = Compilation.compile(dir, List.of("-Apgj.name=my-ext"), """
                package org.example;
                public class Demo { @org.pgj.functions.PgFunction public static int f(int x) { return x; } }
                """);
        assertEquals(List.of("extension name 'my-ext' (from option pgj.name) is not valid: pgj extension names are [a-z][a-z0-9_]* because"
                + " they become the language pgj_<name>; replace '-' by '_' ('my_ext'), or set @PgExtension(name = ...)"),
                c.errorMessages());
        assertFalse(c.generatedAnything());
    }

    @Test
    void invalidNameInPgExtensionIsReportedThere() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                @org.pgj.functions.PgExtension(name = "Bad")
                public class Demo {}
                """);
        Diagnostic<? extends JavaFileObject> e = c.assertOneError("extension name 'Bad' (from @PgExtension(name)) is not valid", "; try 'bad'");
        assertFalse(c.errorMessages().getFirst().contains("or set @PgExtension"));
        assertEquals(3, e.getLineNumber());
    }

    @Test
    void missingVersionOption() {
        Compilation c = Compilation.compile(dir, List.of("-Apgj.version="), """
                package org.example;
                public class Demo { @org.pgj.functions.PgFunction public static int f(int x) { return x; } }
                """);
        assertEquals(List.of("extension version '' is missing: pass -Apgj.version=<version>"), c.errorMessages());
    }

    @Test
    void twoPgExtensions() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                @org.pgj.functions.PgExtension public class A {}
                """, """
                package org.example;
                @org.pgj.functions.PgExtension public class B {}
                """);
        c.assertOneError("@PgExtension appears on both org.example.A and org.example.B");
    }

    @Test
    void errorsInOneMethodStillReportTheOthers() {
        Compilation c = compileDemo("""
                @PgFunction public int a(int x) { return x; }
                @PgFunction static Object b() { return null; }
                """);
        assertEquals(3, c.errors().size(), () -> c.errorMessages().toString());
        assertFalse(c.generatedAnything());
    }
}

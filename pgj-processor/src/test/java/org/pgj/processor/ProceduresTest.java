package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** @PgProcedure: CREATE PROCEDURE in the script, and the errors that keep a procedure unusable. */
class ProceduresTest {
    @TempDir
    Path dir;

    private Compilation compileDemo(String members) {
        return Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                import java.util.Optional;
                public class Demo {
                """ + members + "\n}\n");
    }

    private static List<String> procedures(Compilation c) {
        return c.sql().lines().filter(l -> l.startsWith("CREATE PROCEDURE ")).toList();
    }

    @Test
    void procedureBecomesCreateProcedureWithoutFunctionClauses() {
        Compilation c = compileDemo("""
                @PgProcedure public static void loadBatch(int n, Optional<String> note) {}
                @PgProcedure(name = "purge", schema = "admin", security = Security.DEFINER, searchPath = "pg_catalog, admin")
                public static void purgeAll() {}
                """);
        assertEquals(List.of(
                "CREATE PROCEDURE load_batch(n integer, note text) LANGUAGE pgj_demo"
                        + " AS 'org.example.Demo.loadBatch(int,java.util.Optional)';",
                "CREATE PROCEDURE admin.purge() LANGUAGE pgj_demo SECURITY DEFINER SET search_path = pg_catalog, admin"
                        + " AS 'org.example.Demo.purgeAll()';"),
                procedures(c));
        assertTrue(c.sql().contains("CREATE SCHEMA IF NOT EXISTS admin;"), c.sql());
        assertTrue(c.diagnostics.isEmpty(), () -> "no warnings expected: " + c.diagnostics);
    }

    @Test
    void functionsAndProceduresOrderTogether() {
        Compilation c = compileDemo("""
                @PgProcedure(requires = "helper") public static void run() {}
                @PgFunction public static int helper(int x) { return x; }
                """);
        String sql = c.sql();
        assertTrue(sql.indexOf("CREATE FUNCTION helper(") < sql.indexOf("CREATE PROCEDURE run("), sql);
    }

    @Test
    void indexNamesTheKind() throws IOException {
        Compilation c = compileDemo("""
                @PgProcedure public static void tidy(long keep) {}
                """);
        c.assertSucceeded();
        assertEquals(List.of(new ObjectIndex.Entry("procedure", "tidy", "tidy(bigint)", "org.example.Demo.tidy(long)",
                "ORDERED", List.of(), List.of())), ObjectIndex.read(new StringReader(c.file("objects.properties"))));
    }

    @Test
    void procedureMustReturnVoid() {
        Diagnostic<? extends JavaFileObject> e = compileDemo("""
                @PgProcedure public static int count() { return 1; }
                """).assertOneError("@PgProcedure method org.example.Demo.count() must return void");
        assertEquals(5, e.getLineNumber());
    }

    @Test
    void methodCannotBeBothFunctionAndProcedure() {
        compileDemo("""
                @PgFunction @PgProcedure public static void both() {}
                """).assertOneError("@PgFunction method org.example.Demo.both() is also a @PgProcedure");
    }

    @Test
    void procedureChecksAsFunctionsDo() {
        compileDemo("""
                @PgProcedure static void hidden() {}
                """).assertOneError("@PgProcedure method org.example.Demo.hidden() must be public");
        compileDemo("""
                @PgProcedure public static void f(Void v) {}
                """).assertOneError("parameter v has unsupported type java.lang.Void");
    }

    @Test
    void procedureAndFunctionWithOneSignatureClash() {
        Diagnostic<? extends JavaFileObject> e = compileDemo("""
                @PgFunction public static int work(int x) { return x; }
                @PgProcedure(name = "work") public static void doWork(int x) {}
                """).assertOneError("duplicate SQL procedure work(integer)",
                "org.example.Demo.work(int) and org.example.Demo.doWork(int)");
        assertEquals(6, e.getLineNumber());
    }
}

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

/** @PgTrigger: CREATE FUNCTION ... RETURNS trigger in the script, and the errors that keep a trigger unusable. */
class TriggersTest {
    @TempDir
    Path dir;

    private Compilation compileDemo(String members) {
        return Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                import org.pgj.triggers.*;
                public class Demo {
                """ + members + "\n}\n");
    }


    @Test
    void triggerBecomesAFunctionOfNoArgumentsReturningTrigger() {
        Compilation c = compileDemo("""
                public record Item(int id, String name) {}
                @PgTrigger public static TriggerRow stampRow(Trigger t) { return t.newRow(); }
                @PgTrigger(name = "audit", schema = "admin", security = Security.DEFINER, searchPath = "pg_catalog, admin")
                public static void auditAll(Trigger t) {}
                @PgTrigger public static Item asItem(Trigger t) { return null; }
                @PgTrigger public static Record anyRecord(Trigger t) { return null; }
                """);
        assertEquals(List.of(
                "CREATE FUNCTION stamp_row() RETURNS trigger LANGUAGE pgj_demo"
                        + " AS 'org.example.Demo.stampRow(org.pgj.triggers.Trigger)';",
                "CREATE FUNCTION admin.audit() RETURNS trigger LANGUAGE pgj_demo SECURITY DEFINER"
                        + " SET search_path = pg_catalog, admin AS 'org.example.Demo.auditAll(org.pgj.triggers.Trigger)';",
                "CREATE FUNCTION as_item() RETURNS trigger LANGUAGE pgj_demo AS 'org.example.Demo.asItem(org.pgj.triggers.Trigger)';",
                "CREATE FUNCTION any_record() RETURNS trigger LANGUAGE pgj_demo"
                        + " AS 'org.example.Demo.anyRecord(org.pgj.triggers.Trigger)';"),
                c.functions());
        assertTrue(c.sql().contains("CREATE SCHEMA IF NOT EXISTS admin;"), c.sql());
        assertTrue(!c.sql().contains("CREATE TYPE"), "a record returned by a trigger is the table's row, not a new type: " + c.sql());
        assertTrue(c.diagnostics.isEmpty(), () -> "no warnings expected: " + c.diagnostics);
    }

    @Test
    void triggersOrderWithTheBlocksThatAttachThem() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                import org.pgj.triggers.*;
                @ExtensionSql(name = "attach", after = "stamp", sql = "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION stamp();")
                public class Demo {
                    @PgTrigger public static TriggerRow stamp(Trigger t) { return t.newRow(); }
                }
                """);
        c.assertSucceeded();
        assertTrue(c.sql().indexOf("CREATE FUNCTION stamp()") < c.sql().indexOf("CREATE TRIGGER t"), c.sql());
    }

    @Test
    void indexNamesItAFunction() throws IOException {
        Compilation c = compileDemo("""
                @PgTrigger public static void tidy(Trigger t) {}
                """);
        c.assertSucceeded();
        assertEquals(List.of(new ObjectIndex.Entry("function", "tidy", "tidy()", "org.example.Demo.tidy(org.pgj.triggers.Trigger)",
                "ORDERED", List.of(), List.of())), ObjectIndex.read(new StringReader(c.file("objects.properties"))));
    }

    @Test
    void triggerMustTakeOneTrigger() {
        Diagnostic<? extends JavaFileObject> e = compileDemo("""
                @PgTrigger public static void none() {}
                """).assertOneError("@PgTrigger method org.example.Demo.none() must take exactly one parameter, a org.pgj.triggers.Trigger");
        assertEquals(5, e.getLineNumber());
        compileDemo("""
                @PgTrigger public static void wrongType(int row) {}
                """).assertOneError("@PgTrigger method org.example.Demo.wrongType(int) must take exactly one parameter");
        compileDemo("""
                @PgTrigger public static void two(Trigger t, Trigger u) {}
                """).assertOneError("must take exactly one parameter, a org.pgj.triggers.Trigger");
    }

    @Test
    void triggerReturnsARowARecordOrNothing() {
        compileDemo("""
                @PgTrigger public static String name(Trigger t) { return t.name(); }
                """).assertOneError("@PgTrigger method org.example.Demo.name(org.pgj.triggers.Trigger) returns java.lang.String;"
                + " a trigger returns a org.pgj.triggers.TriggerRow (null skips the row), a record or void");
        compileDemo("""
                @PgTrigger public static Object any(Trigger t) { return null; }
                """).assertOneError("returns java.lang.Object");
    }

    @Test
    void triggerIsPublicAndStatic() {
        compileDemo("""
                @PgTrigger public void instance(Trigger t) {}
                """).assertOneError("@PgTrigger method org.example.Demo.instance(org.pgj.triggers.Trigger) must be static");
        compileDemo("""
                @PgTrigger static void hidden(Trigger t) {}
                """).assertOneError("@PgTrigger method org.example.Demo.hidden(org.pgj.triggers.Trigger) must be public");
    }

    @Test
    void aMethodIsATriggerOrAFunction() {
        compileDemo("""
                @PgTrigger @PgFunction public static void both(Trigger t) {}
                """).assertOneError("is also a @PgFunction or @PgProcedure");
    }

    @Test
    void aTriggerAndAFunctionOfNoArgumentsClash() {
        compileDemo("""
                @PgFunction public static int stamp() { return 1; }
                @PgTrigger(name = "stamp") public static void stampRow(Trigger t) {}
                """).assertOneError("duplicate SQL function stamp()");
    }

    @Test
    void triggerNamesAreChecked() {
        compileDemo("""
                @PgTrigger(name = " ") public static void blank(Trigger t) {}
                """).assertOneError("the SQL name is blank");
        compileDemo("""
                @PgTrigger(requires = {""}) public static void needy(Trigger t) {}
                """).assertOneError("requires has an empty name");
    }
}

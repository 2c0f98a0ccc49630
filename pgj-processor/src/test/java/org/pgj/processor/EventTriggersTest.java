package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** @PgEventTrigger: the function RETURNS event_trigger, then CREATE EVENT TRIGGER, and the mistakes the build refuses. */
class EventTriggersTest {
    @TempDir
    Path dir;

    private Compilation compile(String members) {
        return Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.events.*;
                public class Demo {
                """ + members + "\n}\n");
    }

    @Test
    void anEventTriggerIsAFunctionAndTheTriggerAfterIt() {
        Compilation c = compile("""
                @PgEventTrigger(event = EventTriggerEvent.DDL_COMMAND_END, tags = {"create  table", "ALTER TABLE"})
                public static void noteDdl(EventTrigger t) { }
                @PgEventTrigger(event = EventTriggerEvent.SQL_DROP, name = "on_drop")
                public static void dropped(EventTrigger t) { }
                """);
        c.assertSucceeded();
        String sql = c.sql();
        assertTrue(sql.contains("CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE pgj_demo"
                + " AS 'org.example.Demo.noteDdl(org.pgj.events.EventTrigger)';"), sql);
        assertTrue(sql.contains("CREATE EVENT TRIGGER note_ddl ON ddl_command_end\n    WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')\n"
                + "    EXECUTE FUNCTION note_ddl();"), sql);
        assertTrue(sql.contains("CREATE EVENT TRIGGER on_drop ON sql_drop\n    EXECUTE FUNCTION on_drop();"), sql);
        assertTrue(sql.indexOf("CREATE FUNCTION on_drop()") < sql.indexOf("CREATE EVENT TRIGGER on_drop"), sql);
    }

    @Test
    void anEventTriggerTakesAnEventTriggerAndReturnsVoid() {
        compile("@PgEventTrigger(event = EventTriggerEvent.SQL_DROP) public static void f() { }")
                .assertOneError("must take exactly one parameter, an org.pgj.events.EventTrigger, and return void");
        compile("@PgEventTrigger(event = EventTriggerEvent.SQL_DROP) public static int f(EventTrigger t) { return 1; }")
                .assertOneError("and return void");
        compile("@PgEventTrigger(event = EventTriggerEvent.SQL_DROP, tags = \"DROP; TABLE\") public static void f(EventTrigger t) { }")
                .assertOneError("is not a command tag");
    }
}

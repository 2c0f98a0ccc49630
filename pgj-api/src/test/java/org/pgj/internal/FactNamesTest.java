package org.pgj.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.LogLevel;

/**
 * The build's check that Java asks only for facts that facts.c defines, so a misspelt or
 * removed fact fails here rather than inside a running backend. Together with the C compiler,
 * which checks each entry of facts.c against the headers of every major pgj.so is built for,
 * every layout and constant Java uses is checked before anything runs (functions are
 * NativeContractTest's).
 */
class FactNamesTest {
    private static final Path SOURCES = Path.of(System.getProperty("pgj.api.sources", "src/main/java"));
    /** The one call with a computed name: each log level is the fact of its own name. */
    private static final String LOG_LEVEL_CALL = Path.of("org/pgj/LogLevel.java").toString();
    /** Functions' addresses, which NativeContractTest checks against their declarations. */
    private static final String FUNCTION_PREFIX = "fn.";

    @Test
    void everyFactJavaAsksForIsInFactsC() {
        NativeFactTable table = NativeFactTable.shipped();
        FactRequests requests = FactRequests.in(SOURCES);
        assertTrue(requests.literal().size() > 100, "found only " + requests.literal().size() + " fact requests in " + SOURCES);
        List<String> missing = requests.literal().stream()
                .filter(r -> !r.name().startsWith(FUNCTION_PREFIX) && !table.names().contains(r.name()))
                .map(r -> r.where() + " asks for \"" + r.name() + "\"").toList();
        assertEquals(List.of(), missing, "facts that pgj-native's facts.c does not define: add them there, or fix the name");
    }

    @Test
    void computedNamesAreOnlyTheLogLevels() {
        Set<String> names = NativeFactTable.shipped().names();
        List<String> computed = FactRequests.in(SOURCES).computed();
        assertEquals(1, computed.size(), "Facts.get with a computed name at " + computed
                + ": pass a literal name, so the build can check it against facts.c");
        assertTrue(computed.get(0).startsWith(LOG_LEVEL_CALL + ":"), computed.toString());
        List<String> missing = Arrays.stream(LogLevel.values()).map(Enum::name).filter(n -> !names.contains(n)).toList();
        assertEquals(List.of(), missing, "log levels without a CONST(...) in facts.c");
    }

    @Test
    void factsCNamesEachFactOnce() {
        assertEquals(List.of(), NativeFactTable.shipped().duplicates(), "facts.c entries defined twice");
    }

    @Test
    void readsEveryFormOfEntry() {
        NativeFactTable table = NativeFactTable.parse("""
                #define OFFSET(type, field) {#type "." #field, offsetof(type, field)}
                static const PgjFact facts[] = {
                    OFFSET(TupleDescData, natts), SIZE(Oid), /* CONST(IN_A_COMMENT) */
                    CONST(INT4OID), ADDR(CurrentMemoryContext),
                    {"fn.pgj_guard_call", (int64) pgj_guard_call}, CONST(INT4OID),
                    {NULL, 0}
                };
                CONST(AFTER_THE_TABLE)
                """);
        assertEquals(Set.of("TupleDescData.natts", "sizeof.Oid", "INT4OID", "addr.CurrentMemoryContext",
                "fn.pgj_guard_call"), table.names());
        assertEquals(List.of("INT4OID"), table.duplicates());
    }

    @Test
    void findsLiteralAndComputedRequests(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/X.java"), """
                class X {
                    static final long A = Facts.get("fn.pgj_guard_call"), B = Facts.getInt( "TupleDescData.natz");
                    long c(String n) { return Facts.getString(n); }
                }
                """);
        FactRequests found = FactRequests.in(dir);
        assertEquals(List.of(new FactRequests.Request("fn.pgj_guard_call", Path.of("a/X.java") + ":2"),
                new FactRequests.Request("TupleDescData.natz", Path.of("a/X.java") + ":2")), found.literal());
        assertEquals(List.of(Path.of("a/X.java") + ":3"), found.computed());
    }
}

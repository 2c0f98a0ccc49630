package org.pgj.tooling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pgj.tooling.PgVersions;

class ArgumentsTest {
    @Test
    void runTakesAMajorADatabaseAndPsqlScriptsInOrder() {
        Arguments args = new Arguments(List.of("pg15", "-c", "SELECT 1", "mydb", "-f", "x.sql", "-c", "SELECT 2"));
        assertEquals(List.of("-c", "SELECT 1", "-f", "x.sql", "-c", "SELECT 2"), args.psqlScripts());
        assertEquals("pg15", args.takeIf(PgVersions::isSpec));
        assertEquals(List.of("mydb"), args.positional(1));
    }

    @Test
    void aDatabaseAloneIsNotTakenForAMajor() {
        Arguments args = new Arguments(List.of("mydb"));
        assertNull(args.takeIf(PgVersions::isSpec));
        assertEquals(List.of("mydb"), args.positional(1));
    }

    @Test
    void flagsOptionsAndOptionalValues() {
        Arguments args = new Arguments(List.of("--dot", "--save"));
        assertTrue(args.flag("--save"));
        assertEquals("", args.optionalValue("--dot", ""));
        assertFalse(args.flag("--save"));

        Arguments withFile = new Arguments(List.of("--dot", "graph.dot", "--from", "1.0"));
        assertEquals("1.0", withFile.option("--from"));
        assertEquals("graph.dot", withFile.optionalValue("--dot", ""));
        assertEquals(List.of(), withFile.positional(0));
    }

    @Test
    void initTakesMajorOptions() {
        Arguments args = new Arguments(List.of("--pg16", "/opt/pg16/bin/pg_config", "--pg15", "/usr/bin/pg_config"));
        assertEquals(Map.of(15, "/usr/bin/pg_config", 16, "/opt/pg16/bin/pg_config"), args.majorOptions());
        assertThrows(Arguments.UsageException.class, () -> new Arguments(List.of("--pg16")).majorOptions());
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThrows(Arguments.UsageException.class, () -> new Arguments(List.of("--nope")).positional(1));
        assertThrows(Arguments.UsageException.class, () -> new Arguments(List.of("a", "b")).positional(1));
        assertThrows(Arguments.UsageException.class, () -> new Arguments(List.of("-c")).psqlScripts());
        assertThrows(Arguments.UsageException.class, () -> new Arguments(List.of("--from")).option("--from"));
        assertEquals(List.of("-Dtest=X"), new Arguments(List.of("pg15", "--", "-Dtest=X")).afterDoubleDash());
    }

    @Test
    void unknownCommandsAndBadMajorsAreRefused() {
        assertThrows(Arguments.UsageException.class, () -> Main.run(List.of("frobnicate"), java.nio.file.Path.of(".")));
        assertThrows(Arguments.UsageException.class, () -> Main.run(List.of("status", "fifteen"), java.nio.file.Path.of(".")));
    }
}

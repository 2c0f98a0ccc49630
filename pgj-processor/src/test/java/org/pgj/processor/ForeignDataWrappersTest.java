package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A @PgForeignDataWrapper class: its handler, validator and wrapper in the script, its class in the properties. */
class ForeignDataWrappersTest {
    @TempDir
    Path dir;

    private static final String WRAPPER_BODY = """
                public org.pgj.fdw.ScanPlan plan(org.pgj.fdw.ScanRequest r) { return org.pgj.fdw.ScanPlan.of(r); }
                public org.pgj.fdw.RowSource open(org.pgj.fdw.Scan s) { return row -> false; }
            """;

    @Test
    void aWrapperBecomesItsFunctionsAndCreateForeignDataWrapper() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                @org.pgj.fdw.PgForeignDataWrapper
                public class RemoteFiles implements org.pgj.fdw.ForeignDataWrapper {
                """ + WRAPPER_BODY + "}\n");
        c.assertSucceeded();
        String script = c.file("demo--1.0.sql");
        assertTrue(script.contains("""
                CREATE FUNCTION remote_files_handler() RETURNS fdw_handler
                  AS 'MODULE_PATHNAME', 'pgj_fdw_handler' LANGUAGE C STRICT;
                CREATE FUNCTION remote_files_validator(text[], oid) RETURNS void
                  AS 'MODULE_PATHNAME', 'pgj_fdw_validator' LANGUAGE C STRICT;
                CREATE FOREIGN DATA WRAPPER remote_files HANDLER remote_files_handler VALIDATOR remote_files_validator;
                """), script);
        assertTrue(c.file("extension.properties").contains("fdw.remote_files=org.example.RemoteFiles"),
                c.file("extension.properties"));
    }

    @Test
    void aWrapperClassMustImplementTheInterfaceAndHaveAGoodName() {
        Compilation notWrapper = Compilation.compile(dir.resolve("a"), List.of(), """
                package org.example;
                @org.pgj.fdw.PgForeignDataWrapper
                public class Files { }
                """);
        notWrapper.assertOneError("@PgForeignDataWrapper belongs on a public, non-abstract class");
        Compilation badName = Compilation.compile(dir.resolve("b"), List.of(), """
                package org.example;
                @org.pgj.fdw.PgForeignDataWrapper(name = "Bad-Name")
                public class Files implements org.pgj.fdw.ForeignDataWrapper {
                """ + WRAPPER_BODY + "}\n");
        badName.assertOneError("must be lower case letters, digits and '_'");
    }
}

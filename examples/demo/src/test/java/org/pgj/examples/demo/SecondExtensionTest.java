package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Sql;

/**
 * A second pgj extension, installed by hand next to demo: both work in one session, and a
 * function redefined by another session runs its new definition in an existing one. The
 * installed demo is left alone. (Reinstalled jars: see {@link BuildSwitchTest}.)
 */
@PgjTest
class SecondExtensionTest {

    @Test
    void twoExtensionsInOneSessionAndARedefinitionIsHonoured(PgServer server, Connection setup) throws Exception {
        ProbeExtension probe = new ProbeExtension(setup, "reinstall_probe",
                "CREATE FUNCTION probe_version() RETURNS int LANGUAGE pgj_reinstall_probe AS 'probe.Probe.version()';\n");
        try {
            probe.installJar(Map.of("probe.Probe", "package probe; public class Probe {"
                    + " public static int version() { return 1; } public static int redefined() { return 2; } }"));
            probe.create(setup);
            try (Connection old = server.connect()) {
                assertEquals(1, Sql.one(old, "select probe_version()"));
                assertEquals(6, Sql.one(old, "select add_one(5)"), "two pgj extensions in one session");
                Sql.exec(setup, "create or replace function probe_version() returns int language pgj_reinstall_probe"
                        + " as 'probe.Probe.redefined()'");
                assertEquals(2, Sql.one(old, "select probe_version()"), "the existing session sees the redefinition");
            }
        } finally {
            probe.remove(setup);
        }
    }
}

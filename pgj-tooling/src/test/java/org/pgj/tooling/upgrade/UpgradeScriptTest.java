package org.pgj.tooling.upgrade;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeScriptTest {
    @Test
    void itsOwnOutputIsUntouchedUntilEdited() {
        String script = UpgradeScript.render("x", "1.0", "1.1", "x--1.0.sql",
                List.of(new UpgradePlan.Part("added: function public.f()", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'")));
        assertTrue(script.contains("\\echo Use \"ALTER EXTENSION x UPDATE TO '1.1'\" to load this file. \\quit\n"), script);
        assertTrue(script.contains("-- added: function public.f()\nCREATE FUNCTION f()"), script);
        assertTrue(UpgradeScript.isUntouched(script));
        assertFalse(UpgradeScript.isUntouched(script + "\nDROP TABLE old_data;\n"));
        assertFalse(UpgradeScript.isUntouched("-- written by hand\nSELECT 1;\n"));
        assertTrue(UpgradeScript.render("x", "1.0", "1.1", "x--1.0.sql", List.of()).contains("-- no schema changes from 1.0 to 1.1"));
    }
}

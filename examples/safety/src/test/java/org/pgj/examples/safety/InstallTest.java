package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.pgj.test.Sql;

@PgjTest
class InstallTest {
    @Test
    void installs(Connection c) throws Exception {
        assertEquals(1, Sql.one(c, "select 1"));
    }
}

package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.examples.types.RoundTrips.roundTrips;
import static org.pgj.examples.types.RoundTrips.text;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** uuid, oid, tid and regclass. */
@PgjTest
class IdentifiersTest {
    @Test
    void uuids(Connection c) throws SQLException {
        roundTrips(c, "echo_uuid", "uuid", "=", "'00000000-0000-0000-0000-000000000000'",
                "'ffffffff-ffff-ffff-ffff-ffffffffffff'", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "'6ba7b810-9dad-11d1-80b4-00c04fd430c8'");
        assertEquals(UUID.nameUUIDFromBytes("x".getBytes(StandardCharsets.UTF_8)), one(c, "SELECT name_uuid('x')"));
        assertEquals(true, one(c, "SELECT name_uuid('x') < name_uuid('x')::text::uuid OR name_uuid('x') = name_uuid('x')::text::uuid"),
                "the server orders and compares the bytes Java wrote");
    }

    @Test
    void oids(Connection c) throws SQLException {
        roundTrips(c, "echo_oid", "oid", "=", "0", "4294967295", "2147483648", "'pg_class'::regclass::oid");
        assertEquals(4294967295L, one(c, "SELECT oid_value(4294967295)"), "unsigned in Java");
        assertEquals(true, one(c, "SELECT to_oid(4294967295) = 4294967295::oid"));
        fails(c, "SELECT to_oid(4294967296)", "22003");
        fails(c, "SELECT to_oid(-1)", "22003");
    }

    @Test
    void tids(Connection c) throws SQLException {
        roundTrips(c, "echo_tid", "tid", "=", "'(0,1)'", "'(4294967295,65535)'", "'(123456,7)'");
        assertEquals("4294967295/65535", text(c, "SELECT tid_string('(4294967295,65535)')"));
        assertEquals(true, one(c, "SELECT bool_and(echo_tid(ctid) = ctid) FROM pg_class"));
    }

    @Test
    void regclasses(Connection c) throws SQLException {
        roundTrips(c, "echo_regclass", "regclass", "=", "'pg_class'", "'pg_catalog.pg_type'", "0");
        assertEquals(one(c, "SELECT 'pg_class'::regclass::oid::int8"), one(c, "SELECT regclass_oid('pg_class')"));
    }
}

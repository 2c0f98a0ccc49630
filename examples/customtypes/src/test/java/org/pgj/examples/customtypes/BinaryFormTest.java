package org.pgj.examples.customtypes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/** The binary form (send and receive), as binary-protocol clients and COPY BINARY use it. */
@PgjTest
class BinaryFormTest {
    @Test
    void sendIsTheVersionByteAndTheStoredForm(Connection c) throws SQLException {
        assertArrayEquals(bytes(1, 0xff, 0x88, 0x00), (byte[]) one(c, "select rgb_send('#ff8800')"));
        byte[] json = "{\"major\":1,\"minor\":2,\"patch\":3}".getBytes(StandardCharsets.UTF_8);
        byte[] sent = (byte[]) one(c, "select version_send(version(1, 2, 3))");
        assertEquals(1, sent[0]);
        assertArrayEquals(json, Arrays.copyOfRange(sent, 1, sent.length));
    }

    @Test
    void binaryTransferThroughPgjdbc(Connection c, PgServer server) throws SQLException {
        long versionOid = (Long) one(c, "select 'version'::regtype::oid::int8");
        long rgbOid = (Long) one(c, "select 'rgb'::regtype::oid::int8");
        Properties props = new Properties();
        props.setProperty("prepareThreshold", "-1");
        props.setProperty("binaryTransfer", "true");
        props.setProperty("binaryTransferEnable", versionOid + "," + rgbOid);
        try (Connection binary = new org.postgresql.Driver().connect(server.jdbcUrl(), props);
             PreparedStatement ps = binary.prepareStatement("select '#102030'::rgb, version(1, 2, 3), null::rgb where ? = 1")) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertArrayEquals(bytes(1, 0x10, 0x20, 0x30), rs.getBytes(1), "rgb in the binary format");
                assertEquals(1, rs.getBytes(2)[0]);
                assertEquals(null, rs.getBytes(3));
            }
        }
    }

    @Test
    void copyBinaryRoundTrip(Connection c) throws Exception {
        exec(c, "drop table if exists src, dst", "create temp table src(id int, v version, c rgb, n note, cs rgb[])",
                "create temp table dst(id int, v version, c rgb, n note, cs rgb[])",
                "insert into src values (1, version(1, 2, 3), '#010203', note('t', 3, 4), '{#000000,NULL,#0000ff}'),"
                        + " (2, null, null, null, null), (3, version(9, 9, 9), '#ffffff', note('big', 1000, 100), '{}')");
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy.copyOut("copy src to stdout (format binary)", out);
        copy.copyIn("copy dst from stdin (format binary)", new ByteArrayInputStream(out.toByteArray()));
        assertEquals(column(c, "select row(id, v, c, n, cs)::text from src order by id"),
                column(c, "select row(id, v, c, n, cs)::text from dst order by id"));
        assertEquals("{#000000,NULL,#0000ff}", one(c, "select cs::text from dst where id = 1"), "arrays of the type, element by element");
        assertEquals(3L, one(c, "select count(*) from src join dst using (id) where src.v = dst.v or src.v is null"));
    }

    @Test
    void badBinaryInputIs22P03(Connection c) throws Exception {
        exec(c, "drop table if exists bin", "create temp table bin(c rgb)");
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        PSQLException wrongLength = assertThrows(PSQLException.class, () -> copy.copyIn("copy bin from stdin (format binary)",
                new ByteArrayInputStream(copyFile(bytes(1, 0xff, 0x00)))));
        assertEquals("22P03", wrongLength.getSQLState(), wrongLength.getMessage());
        PSQLException wrongVersion = assertThrows(PSQLException.class, () -> copy.copyIn("copy bin from stdin (format binary)",
                new ByteArrayInputStream(copyFile(bytes(2, 0xff, 0x00, 0x00)))));
        assertEquals("22P03", wrongVersion.getSQLState(), wrongVersion.getMessage());
        assertEquals(0L, one(c, "select count(*) from bin"), "the session works after the errors");
        copy.copyIn("copy bin from stdin (format binary)", new ByteArrayInputStream(copyFile(bytes(1, 0xff, 0x00, 0x01))));
        assertEquals(List.of("#ff0001"), column(c, "select c::text from bin"));
    }

    @Test
    void corruptStoredValueIsAnError(Connection c) throws SQLException {
        // A binary-coercible cast lets bytes in without the type's input function, as a corrupt page would.
        exec(c, "create cast (bytea as rgb) without function", "create cast (bytea as version) without function");
        try {
            contains(fails(c, "select ('\\x0102'::bytea::rgb)::text", "XX001").getMessage(), "cannot be read by its codec");
            fails(c, "select ('\\x7b'::bytea::version)::text", "XX001");
            fails(c, "select ('\\x6e756c6c'::bytea::version)::text", "XX001"); // the JSON null
            fails(c, "select '\\x0102'::bytea::rgb = '#010200'", "XX001");
            assertEquals("#010203", one(c, "select ('\\x010203'::bytea::rgb)::text"));
        } finally {
            exec(c, "drop cast (bytea as rgb)", "drop cast (bytea as version)");
        }
    }

    /** A COPY BINARY stream of one row with one column holding {@code field}. */
    private static byte[] copyFile(byte[] field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[8]); // flags and header extension length
        out.writeBytes(bytes(0, 1)); // one field
        out.writeBytes(bytes(0, 0, 0, field.length));
        out.writeBytes(field);
        out.writeBytes(bytes(0xff, 0xff)); // trailer
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}

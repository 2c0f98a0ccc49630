package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;
import org.postgresql.util.PSQLException;

/**
 * Text passes through Java byte for byte in every database encoding, or fails with 22021 naming
 * the encoding; it is never changed silently. Each encoding gets a database of its own with the
 * extension, where every character of the encoding that has a Unicode equivalent, and random
 * strings of them, go through Java by every road: arguments and results, a composite's field, SPI
 * arguments, results and SQL text, a trigger's row, cstring, varchar and json. Values travel as
 * bytea and are compared as bytes by the server, since a UTF-8 client could not carry some of
 * them (SQL_ASCII's bytes that are not UTF-8).
 */
@PgjTest
class EncodingsTest {
    /** A test run once per encoding. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ParameterizedTest
    @ValueSource(strings = {"UTF8", "SQL_ASCII", "LATIN1", "WIN1252", "EUC_JP"})
    @interface EveryEncoding {
    }

    private static final Map<String, String> DATABASES = new HashMap<>();
    private static final int RANDOM_STRINGS = 2000;
    private static final int SPI_SAMPLES = 100;
    /** A table name the encoding can hold, read by the trigger as Java. */
    private static final Map<String, String> TABLE_NAMES = Map.of("UTF8", "写し_é", "SQL_ASCII", "copié", "LATIN1", "copié",
            "WIN1252", "copié€", "EUC_JP", "写し");

    /** A database of {@code encoding} with the extension and the samples; created once per run of the class. */
    private static Connection connect(PgServer server, String encoding) throws SQLException {
        String db = "pgj_encoding_" + encoding.toLowerCase();
        if (!DATABASES.containsKey(encoding)) {
            try (Connection c = server.connect()) {
                exec(c, "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db + " ENCODING '" + encoding
                        + "' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
                // The test database's settings (forced JIT in the second pass) hold here too.
                for (Object setting : org.pgj.test.Sql.column(c, "SELECT unnest(setconfig) FROM pg_db_role_setting"
                        + " WHERE setrole = 0 AND setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                    String[] nameValue = setting.toString().split("=", 2);
                    exec(c, "ALTER DATABASE " + db + " SET " + nameValue[0] + " = '" + nameValue[1] + "'");
                }
            }
            DATABASES.put(encoding, db);
            try (Connection c = open(server, db)) {
                setUp(c, encoding);
            }
        }
        return open(server, db);
    }

    private static Connection open(PgServer server, String db) throws SQLException {
        return new org.postgresql.Driver().connect(server.jdbcUrl().replace("/" + server.database() + "?", "/" + db + "?"),
                new java.util.Properties());
    }

    @AfterAll
    static void dropDatabases(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            for (String db : DATABASES.values()) {
                exec(c, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
        DATABASES.clear();
    }

    /**
     * Every valid character of the encoding (for UTF8, one code point in 251 and the edges) in
     * table chars, with whether the server converts it to UTF-8 and back unchanged (ok); samples: the empty string,
     * all characters in one string, and random strings of them.
     */
    private static void setUp(Connection c, String encoding) throws SQLException {
        // Set up without JIT, which the second pass forces on: one compilation per PL/pgSQL call would take minutes.
        exec(c, "SET jit = off", "CREATE EXTENSION types", """
                CREATE FUNCTION has_unicode(b bytea) RETURNS bool LANGUAGE plpgsql AS $$
                BEGIN
                    IF getdatabaseencoding() = 'SQL_ASCII' THEN RETURN true; END IF; -- Java holds any byte there
                    -- Some encodings have several codes for one character: only one of them comes back.
                    RETURN convert(convert(b, getdatabaseencoding()::name, 'UTF8'), 'UTF8', getdatabaseencoding()::name) = b;
                EXCEPTION WHEN others THEN
                    RETURN false;
                END $$""",
                "CREATE TABLE chars AS SELECT b, has_unicode(b) AS ok FROM (" + candidates(encoding) + ") c(b)",
                "CREATE TABLE samples(id int PRIMARY KEY, b bytea NOT NULL)",
                "CREATE TABLE " + quoted(TABLE_NAMES.get(encoding)) + "(id int, original text, copy text, table_name text)",
                "CREATE TRIGGER copy BEFORE INSERT OR UPDATE ON " + quoted(TABLE_NAMES.get(encoding))
                        + " FOR EACH ROW EXECUTE FUNCTION copy_text()");
        List<byte[]> chars = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT b FROM chars WHERE ok ORDER BY b")) {
            while (rs.next()) {
                chars.add(rs.getBytes(1));
            }
        }
        List<byte[]> samples = new ArrayList<>();
        samples.add(new byte[0]);
        samples.add(concat(chars, chars.size(), i -> i));
        Random random = new Random(20261207L);
        for (int i = 0; i < RANDOM_STRINGS; i++) {
            samples.add(concat(chars, random.nextInt(40), k -> random.nextInt(chars.size())));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO samples VALUES (?, ?)")) {
            for (int i = 0; i < samples.size(); i++) {
                ps.setInt(1, i);
                ps.setBytes(2, samples.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String candidates(String encoding) {
        String hexByte = "decode(lpad(to_hex(c), 2, '0'), 'hex')";
        return switch (encoding) {
            case "UTF8" -> "SELECT convert_to(chr(c), 'UTF8') FROM generate_series(1, 1114111, 251) c"
                    + " WHERE c NOT BETWEEN 55296 AND 57343 UNION SELECT convert_to(chr(c), 'UTF8') FROM"
                    + " unnest(ARRAY[127, 128, 2047, 2048, 55295, 57344, 65279, 65533, 65535, 65536, 1114111]) c";
            // ASCII, half-width katakana (SS2), JIS X 0208 (two bytes) and JIS X 0212 (SS3, three bytes).
            case "EUC_JP" -> "SELECT " + hexByte + " FROM generate_series(1, 127) c"
                    + " UNION ALL SELECT decode('8e' || to_hex(c), 'hex') FROM generate_series(161, 223) c"
                    + " UNION ALL SELECT decode(to_hex(a) || to_hex(b), 'hex') FROM generate_series(161, 254) a, generate_series(161, 254) b"
                    + " UNION ALL SELECT decode('8f' || to_hex(a) || to_hex(b), 'hex') FROM generate_series(161, 254) a, generate_series(161, 254) b";
            default -> "SELECT " + hexByte + " FROM generate_series(1, 255) c"; // single-byte: every byte but NUL
        };
    }

    private interface Pick {
        int at(int k);
    }

    private static byte[] concat(List<byte[]> chars, int n, Pick pick) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < n; k++) {
            out.writeBytes(chars.get(pick.at(k)));
        }
        return out.toByteArray();
    }

    private static String quoted(String identifier) {
        return '"' + identifier + '"';
    }

    /**
     * The samples (the first {@code samples} of them) for which {@code expression} of {@code t}
     * (the sample as text) differs from the sample's bytes.
     */
    private static long mismatches(Connection c, String encoding, String expression, int samples) throws SQLException {
        return (Long) one(c, "SELECT count(*) FROM samples, LATERAL (SELECT convert_from(b, '" + encoding + "') AS t) x"
                + " WHERE id < " + samples + " AND convert_to(" + expression + ", '" + encoding + "') IS DISTINCT FROM b");
    }

    private static void endsWell(PgServer server, Connection c, ServerLog.Mark mark) throws SQLException {
        assertEquals(1, one(c, "SELECT 1"), "the session carries on");
        ServerLog.assertNoCrashSince(server, mark);
    }

    @EveryEncoding
    void everyCharacterAndRandomStringsPassByteForByte(String encoding, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = connect(server, encoding)) {
            assertEquals(encoding, one(c, "SELECT getdatabaseencoding()"));
            long samples = (Long) one(c, "SELECT count(*) FROM samples");
            assertEquals(RANDOM_STRINGS + 2, samples);
            assertTrue((Long) one(c, "SELECT count(*) FROM chars WHERE ok") > 200, "characters to try");
            for (String road : List.of("echo_text(t)", "(text_row(t)).text", "text_of(ROW(t, 0)::text_row)",
                    "echo_cstring(t::cstring)::text", "echo_varchar(t::varchar)", "echo_json(to_json(t)) #>> '{}'")) {
                assertEquals(0L, mismatches(c, encoding, road, Integer.MAX_VALUE), road + " in " + encoding);
            }
            // Through SPI, a statement per sample (each JIT-compiled in the second pass): the empty string,
            // all the characters, and random strings.
            for (String road : List.of("spi_round_trip(t)", "spi_literal(t)")) {
                assertEquals(0L, mismatches(c, encoding, road, SPI_SAMPLES), road + " in " + encoding);
            }
            String table = quoted(TABLE_NAMES.get(encoding));
            exec(c, "INSERT INTO " + table + " (id, original) SELECT id, convert_from(b, '" + encoding + "') FROM samples");
            exec(c, "UPDATE " + table + " SET copy = NULL WHERE id % 2 = 0");
            assertEquals(samples, one(c, "SELECT count(*) FROM " + table + " r JOIN samples s USING (id)"
                    + " WHERE convert_to(r.copy, '" + encoding + "') = s.b AND r.table_name = '" + TABLE_NAMES.get(encoding) + "'"),
                    "a trigger's row: read, set, and the table's name");
            if (!encoding.equals("SQL_ASCII")) {
                // Java holds the characters a UTF-8 client gets from the server's own conversion.
                assertEquals(0L, one(c, "SELECT count(*) FROM samples, LATERAL (SELECT convert_from(b, '" + encoding + "') t) x"
                        + " WHERE java_utf8(t) <> convert_to(t, 'UTF8') OR code_point_count(t) <> length(t)"));
            }
            endsWell(server, c, mark);
        }
    }

    @EveryEncoding
    void nullsEmptyStringsNamesAndIdentifiers(String encoding, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = connect(server, encoding)) {
            assertNull(one(c, "SELECT echo_text(NULL)"));
            assertNull(one(c, "SELECT spi_round_trip(NULL)"));
            assertNull(one(c, "SELECT text_row(NULL)"));
            assertEquals(true, one(c, "SELECT echo_text('') = '' AND spi_round_trip('') = '' AND (text_row('')).text = ''"));
            String table = quoted(TABLE_NAMES.get(encoding));
            exec(c, "INSERT INTO " + table + " (id, original) VALUES (-1, NULL)");
            assertEquals(true, one(c, "SELECT copy IS NULL FROM " + table + " WHERE id = -1"));
            // Names: a name made in Java is cut where the server cuts one, on a character boundary.
            long wrong = (Long) one(c, "SELECT count(*) FROM (SELECT convert_from(string_agg(b, ''::bytea), '" + encoding
                    + "') t FROM (SELECT b FROM chars WHERE ok AND length(b) = (SELECT max(length(b)) FROM chars WHERE ok)"
                    + " ORDER BY b LIMIT 40) c) x WHERE convert_to(to_name(t)::text, '" + encoding + "')"
                    + " <> convert_to(t::name::text, '" + encoding + "')");
            assertEquals(0L, wrong, "to_name cuts as the server's text-to-name cast does");
            String identifier = TABLE_NAMES.get(encoding);
            assertEquals(identifier, one(c, "SELECT spi_column_name(?)", identifier), "a column name read through SPI");
            endsWell(server, c, mark);
        }
    }

    @EveryEncoding
    void whatCannotCrossFailsWith22021NamingTheEncoding(String encoding, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = connect(server, encoding)) {
            List<Integer> refused = switch (encoding) {
                case "UTF8" -> List.of(0xD800, 0xDFFF, 0xDC80);
                case "SQL_ASCII" -> List.of(0xD800, 0xDC7F, 0xDD00); // only U+DC80..U+DCFF stand for bytes there
                case "LATIN1" -> List.of(0x100, 0x2192, 0x1F600, 0xD800);
                case "WIN1252" -> List.of(0x2192, 0x1F600, 0xD800);
                default -> List.of(0x1F600, 0xD800);
            };
            for (int codePoint : refused) {
                for (String sql : List.of("SELECT with_code_point('a', " + codePoint + ")", "SELECT spi_with_code_point(" + codePoint + ")")) {
                    PSQLException e = fails(c, sql, "22021");
                    contains(e.getServerErrorMessage().getMessage(), "encoding \"" + encoding + "\"");
                }
            }
            contains(fails(c, "SELECT with_code_point('a', 0)", "22021").getServerErrorMessage().getMessage(),
                    "invalid byte sequence for encoding \"" + encoding + "\": 0x00");
            // Characters of the encoding that Unicode lacks cannot become Java strings, as a UTF-8 client cannot read them.
            List<byte[]> unconvertible = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT b FROM chars WHERE NOT ok ORDER BY b LIMIT 20")) {
                while (rs.next()) {
                    unconvertible.add(rs.getBytes(1));
                }
            }
            assertEquals(encoding.equals("EUC_JP") || encoding.equals("WIN1252"), !unconvertible.isEmpty(),
                    "which encodings have characters without a Unicode equivalent");
            try (PreparedStatement ps = c.prepareStatement("SELECT catch_encoding_errors(?, ?)")) {
                ps.setInt(1, refused.get(0));
                ps.setBytes(2, unconvertible.isEmpty() ? new byte[] {'a'} : unconvertible.get(0));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(unconvertible.isEmpty() ? "22021 read then ok" : "22021 22021 then ok", rs.getString(1),
                            "caught without a subtransaction, and the next statement runs");
                }
            }
            for (byte[] b : unconvertible) {
                try (PreparedStatement ps = c.prepareStatement("SELECT echo_text(convert_from(?, '" + encoding + "'))")) {
                    ps.setBytes(1, b);
                    PSQLException e = org.junit.jupiter.api.Assertions.assertThrows(PSQLException.class, ps::executeQuery);
                    assertEquals("22021", e.getSQLState(), e.getMessage());
                    contains(e.getServerErrorMessage().getMessage(), "in encoding \"" + encoding + "\" has no equivalent in encoding \"UTF8\"");
                }
            }
            endsWell(server, c, mark);
        }
    }

    @EveryEncoding
    void messagesArriveInTheEncodingWithEscapesForWhatItLacks(String encoding, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        String codePoints = "ARRAY[233, 8594, 32, 26085, 26412, 32, 128512]"; // é→ 日本 😀, made in Java
        String expected = switch (encoding) {
            case "LATIN1", "WIN1252" -> "é\\u2192 \\u65e5\\u672c \\U0001f600";
            case "EUC_JP" -> "é→ 日本 \\U0001f600";
            default -> "é→ 日本 😀";
        };
        try (Connection c = connect(server, encoding)) {
            PSQLException e = fails(c, "SELECT fail_with(" + codePoints + ")", "P0001");
            assertEquals(expected, e.getServerErrorMessage().getMessage());
            assertEquals(expected, e.getServerErrorMessage().getDetail());
            try (Statement s = c.createStatement()) {
                s.execute("SELECT notice_with(" + codePoints + ")");
                SQLWarning warning = s.getWarnings();
                assertEquals(expected, warning.getMessage());
            }
            endsWell(server, c, mark);
        }
    }

    /** SQL_ASCII has no characters: valid UTF-8 reads as its characters, every other byte as U+DC80 + byte, and back. */
    @Test
    void sqlAsciiMapsBytesThatAreNotUtf8ToLoneSurrogates(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = connect(server, "SQL_ASCII")) {
            // 0x80 and 0xff are never UTF-8, 0xe9 lacks its continuation bytes, 0xc3 0xa9 is é, 0xed ends too early.
            assertArrayEquals(new Integer[] {0xDC80, 0xDCE9, 0xE9, 0xDCFF, 0xDCED},
                    (Integer[]) ((java.sql.Array) one(c, "SELECT code_units(convert_from('\\x80e9c3a9ffed', 'SQL_ASCII'))")).getArray());
            assertArrayEquals(new Integer[] {0xE9, 0xD83D, 0xDE00}, (Integer[]) ((java.sql.Array) one(c, "SELECT code_units('é😀')")).getArray(),
                    "UTF-8 text stored in SQL_ASCII reads naturally");
            assertArrayEquals(new byte[] {(byte) 0x80}, (byte[]) one(c, "SELECT convert_to(with_code_point('', 56448), 'SQL_ASCII')"),
                    "U+DC80 writes back the byte 0x80");
            assertArrayEquals(new byte[] {(byte) 0xF0, (byte) 0x90, (byte) 0x82, (byte) 0x80},
                    (byte[]) one(c, "SELECT convert_to(with_code_point('', 65664), 'SQL_ASCII')"),
                    "a pair whose low half is in U+DC80..U+DCFF is one character, U+10080");
            endsWell(server, c, mark);
        }
    }

    /** A conversion in a long statement is cancelled by statement_timeout, and a non-superuser converts too. */
    @Test
    void timeoutsAndOtherRolesInAConvertedDatabase(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = connect(server, "LATIN1")) {
            exec(c, "DROP ROLE IF EXISTS pgj_encoding_user", "CREATE ROLE pgj_encoding_user", "SET ROLE pgj_encoding_user");
            assertEquals("éü", one(c, "SELECT echo_text('é') || spi_round_trip('ü')"));
            exec(c, "SET statement_timeout = '200ms'");
            fails(c, "SELECT count(*) FROM generate_series(1, 100000000) g WHERE echo_text('é' || g) = ''", "57014");
            exec(c, "RESET statement_timeout", "RESET ROLE", "DROP ROLE pgj_encoding_user");
            endsWell(server, c, mark);
        }
    }
}

package org.pgj.examples.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.rows;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pgj.test.OriginalSuites;
import org.pgj.test.PgjTest;

/**
 * The installed extension has the SQL surface of the original's pg_similarity--1.0.sql and of its
 * _PG_init, both read at test time: every function with its argument types, result type,
 * volatility and strictness, every operator with its function, commutator and estimators, and
 * every setting with its type, default and bounds, and the GIN operator class with its operators,
 * support functions and storage.
 */
@PgjTest
class SqlSurfaceTest {
    private static final Pattern FUNCTION = Pattern.compile(
            "(?m)^CREATE FUNCTION (\\w+)\\s*\\(([^)]*)\\)\\s*RETURNS (\\w+)\\s*AS [^;]*?LANGUAGE C (IMMUTABLE|STABLE) STRICT;");
    private static final Pattern OPERATOR = Pattern.compile(
            "(?m)^CREATE OPERATOR (\\S+) \\(\\s*LEFTARG = (\\w+),\\s*RIGHTARG = (\\w+),\\s*PROCEDURE = (\\w+),"
                    + "\\s*COMMUTATOR = '(\\S+)',\\s*RESTRICT = (\\w+),\\s*JOIN = (\\w+)\\s*\\);");
    private static final Pattern SETTING = Pattern.compile(
            "DefineCustom(Enum|Real|Bool)Variable\\(\"(pg_similarity\\.\\w+)\",[^;]*?&\\w+,\\s*([^,]+),(?:\\s*([^,]+),\\s*([^,]+),)?");
    private static final Pattern OPERATOR_CLASS = Pattern.compile(
            "(?s)CREATE OPERATOR CLASS (\\w+)\\s+FOR TYPE (\\w+) USING (\\w+)\\s+AS(.*?)STORAGE (\\w+);");
    private static final Pattern CLASS_ITEM = Pattern.compile("(?m)^\\s+(OPERATOR|FUNCTION)\\s+(\\d+)\\s+([^\\s,(]+(?:\\([^)]*\\))?)");
    /** The catalog's names of the types the original's SQL writes by their short names. */
    private static final String SHORT_TYPE_NAMES = "replace(replace(replace(%s, 'bit varying', 'varbit'), 'smallint', 'int2'),"
            + " 'integer', 'int4')";

    private static String original(String file) throws IOException {
        return Files.readString(OriginalSuites.of("pg_similarity-1.0").resolve(file));
    }

    /** The control file's comment and relocatability (the default version is 1.0 too). */
    @Test
    void controlFile(Connection c) throws SQLException, IOException {
        Map<String, String> control = new TreeMap<>();
        for (String line : original("pg_similarity.control").split("\n")) {
            String[] nameValue = line.split("=", 2);
            if (!line.startsWith("#") && nameValue.length == 2) {
                control.put(nameValue[0].strip(), nameValue[1].strip().replace("'", ""));
            }
        }
        assertEquals(List.of(List.of(control.get("comment"), control.get("default_version"),
                Boolean.parseBoolean(control.get("relocatable")))), rows(c, """
                select a.comment, e.extversion, e.extrelocatable from pg_extension e
                join pg_available_extensions a on a.name = e.extname where e.extname = 'pg_similarity'"""));
    }

    @Test
    void functions(Connection c) throws SQLException, IOException {
        Set<String> expected = new TreeSet<>();
        Matcher m = FUNCTION.matcher(original("pg_similarity--1.0.sql"));
        while (m.find()) {
            String args = m.group(2).replaceAll("\\s+", "");
            expected.add(m.group(1) + "(" + args + ") " + m.group(3) + " " + m.group(4).toLowerCase(Locale.ROOT).charAt(0) + " strict");
        }
        assertEquals(39, expected.size());
        Set<String> installed = new TreeSet<>();
        for (Object f : column(c, """
                select p.proname || '(' || %s || ') '
                       || case p.prorettype when 'float8'::regtype then 'float8' when 'bool'::regtype then 'bool'
                          else p.prorettype::regtype::text end
                       || ' ' || p.provolatile::text || case when p.proisstrict then ' strict' else '' end
                from pg_proc p join pg_depend d on d.objid = p.oid and d.classid = 'pg_proc'::regclass
                join pg_extension e on e.oid = d.refobjid and e.extname = 'pg_similarity'
                where p.proname not like 'pgj\\_%%'""".formatted(SHORT_TYPE_NAMES.formatted(
                "replace(replace(pg_get_function_identity_arguments(p.oid), 'a ', ''), 'b ', '')")))) {
            installed.add(f.toString().replace(", ", ","));
        }
        assertEquals(expected, installed);
    }

    @Test
    void operators(Connection c) throws SQLException, IOException {
        Set<String> expected = new TreeSet<>();
        Matcher m = OPERATOR.matcher(original("pg_similarity--1.0.sql"));
        while (m.find()) {
            expected.add(String.join(" ", m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7)));
        }
        assertEquals(17, expected.size());
        Set<String> installed = new TreeSet<>();
        for (Object o : column(c, """
                select o.oprname || ' ' || o.oprleft::regtype || ' ' || o.oprright::regtype || ' ' || o.oprcode::regproc
                       || ' ' || com.oprname || ' ' || o.oprrest::regproc || ' ' || o.oprjoin::regproc
                from pg_operator o join pg_operator com on com.oid = o.oprcom
                join pg_depend d on d.objid = o.oid and d.classid = 'pg_operator'::regclass
                join pg_extension e on e.oid = d.refobjid and e.extname = 'pg_similarity'""")) {
            installed.add(o.toString());
        }
        assertEquals(expected, installed);
    }

    /** gin_similarity_ops: its type, method, storage, and each OPERATOR and FUNCTION the original lists. */
    @Test
    void operatorClass(Connection c) throws SQLException, IOException {
        Matcher m = OPERATOR_CLASS.matcher(original("pg_similarity--1.0.sql"));
        assertTrue(m.find(), "the original's CREATE OPERATOR CLASS");
        Set<String> expected = new TreeSet<>();
        expected.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(5));
        Matcher item = CLASS_ITEM.matcher(m.group(4));
        while (item.find()) {
            expected.add(item.group(1) + " " + item.group(2) + " " + item.group(3).replace(" ", ""));
        }
        assertEquals(1 + 8 + 4, expected.size(), expected.toString());
        Set<String> installed = new TreeSet<>();
        String opclass = "join pg_opclass c on c.opcfamily = %s where c.opcname = 'gin_similarity_ops'";
        for (Object row : column(c, """
                select c.opcname || ' ' || c.opcintype::regtype::text || ' ' || am.amname || ' '
                       || coalesce(nullif(c.opckeytype, 0), c.opcintype)::regtype::text
                from pg_opclass c join pg_am am on am.oid = c.opcmethod where c.opcname = 'gin_similarity_ops'
                union all
                select 'OPERATOR ' || o.amopstrategy || ' ' || op.oprname
                from pg_amop o join pg_operator op on op.oid = o.amopopr %s
                union all
                select 'FUNCTION ' || p.amprocnum || ' ' || f.proname || '(' || replace(%s, ' ', '') || ')'
                from pg_amproc p join pg_proc f on f.oid = p.amproc %s""".formatted(opclass.formatted("o.amopfamily"),
                SHORT_TYPE_NAMES.formatted("pg_get_function_identity_arguments(f.oid)"), opclass.formatted("p.amprocfamily")))) {
            installed.add(row.toString());
        }
        assertEquals(expected, installed);
    }

    /**
     * The original's settings (name, type, default, bounds), read from its _PG_init. pg_settings
     * prints real bounds with 6 digits (LONG_MIN is -9.22337e+18), so numbers compare to 6 digits.
     */
    @Test
    void settings(Connection c) throws SQLException, IOException {
        rows(c, "select block('a', 'b')"); // a first call defines them in this session
        Map<String, String> expected = new TreeMap<>();
        Matcher m = SETTING.matcher(original("similarity.c"));
        while (m.find()) {
            String dflt = m.group(3).strip();
            expected.put(m.group(2), switch (m.group(1)) {
                case "Enum" -> "enum " + (dflt.equals("PGS_UNIT_GRAM") ? "gram" : "alnum");
                case "Bool" -> "bool " + (dflt.equals("true") ? "on" : "off");
                default -> "real " + sixDigits(dflt) + " " + sixDigits(m.group(4)) + " " + sixDigits(m.group(5));
            });
        }
        assertEquals(42, expected.size());
        Map<String, String> installed = new TreeMap<>();
        for (List<Object> row : rows(c, """
                select name, vartype, boot_val, min_val, max_val from pg_settings
                where name like 'pg_similarity.%' and context = 'user'""")) {
            installed.put(row.get(0).toString(), row.get(1).equals("real")
                    ? "real " + sixDigits(row.get(2).toString()) + " " + sixDigits(row.get(3).toString()) + " "
                            + sixDigits(row.get(4).toString())
                    : row.get(1) + " " + row.get(2));
        }
        assertEquals(expected, installed);
        assertEquals(List.of("{alnum,gram,word,camelcase}"), column(c, """
                select distinct enumvals::text from pg_settings
                where name like 'pg_similarity.%tokenizer' and name <> 'pg_similarity.qgram_tokenizer'"""));
        assertEquals(List.of("{gram}"), column(c,
                "select enumvals::text from pg_settings where name = 'pg_similarity.qgram_tokenizer'"));
    }

    private static String sixDigits(String number) {
        double value = switch (number.strip()) {
            case "LONG_MIN" -> Long.MIN_VALUE;
            case "LONG_MAX" -> Long.MAX_VALUE;
            default -> Double.parseDouble(number.strip());
        };
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toString();
    }
}

package org.pgj.examples.ports.numeral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.column;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * The installed extension has the SQL surface of the original's numeral--1.sql.in, read at test time
 * and expanded for each type as its Makefile does: the types' storage, every function with its
 * argument and result types, language, built-in, volatility and strictness, every operator with
 * its function, commutator, negator, estimators, HASHES and MERGES, and the casts. The port adds
 * only each type's receive and send functions.
 */
@PgjTest
class SqlSurfaceTest {
    private static final List<String> TYPES = List.of("numeral", "zahl", "roman");
    private static final Pattern FUNCTION = Pattern.compile("CREATE (?:OR REPLACE )?FUNCTION (\\w+)\\s*\\(([^)]*)\\)\\s*"
            + "RETURNS (\\w+)\\s*AS '([^']+)'\\s*LANGUAGE (\\w+) (IMMUTABLE) STRICT;");
    private static final Pattern OPERATOR = Pattern.compile("CREATE OPERATOR (\\S+) \\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern CAST = Pattern.compile("CREATE CAST \\((\\w+) AS (\\w+)\\)\\s*WITHOUT FUNCTION(\\s*AS IMPLICIT)?;");

    /** The install script as the original's Makefile builds it on a 64-bit server (PASSEDBYVALUE). */
    private static String originalScript() throws IOException {
        String in = Files.readString(OriginalSuites.of("numeral-1.3").resolve("numeral--1.sql.in"));
        StringBuilder script = new StringBuilder();
        for (String type : TYPES) {
            script.append(in.replace("@TYPE@", type).replace("@PASSEDBYVALUE@", "passedbyvalue,"));
        }
        return script.toString().replaceAll("(?s)/\\*.*?\\*/", "");
    }

    private static Set<String> installed(Connection c, String sql) throws SQLException {
        Set<String> rows = new TreeSet<>();
        column(c, sql).forEach(r -> rows.add(r.toString()));
        return rows;
    }

    @Test
    void types(Connection c) throws SQLException, IOException {
        String script = originalScript();
        for (String attribute : List.of("internallength = 8", "passedbyvalue", "alignment = double", "category = 'N'")) {
            assertEquals(3, script.split(Pattern.quote(attribute), -1).length - 1, attribute);
        }
        assertEquals(Set.of("numeral 8 true d N", "roman 8 true d N", "zahl 8 true d N"), installed(c,
                "select typname || ' ' || typlen || ' ' || typbyval || ' ' || typalign::text || ' ' || typcategory::text from pg_type"
                        + " where typname in ('numeral', 'zahl', 'roman')"));
    }

    @Test
    void functions(Connection c) throws SQLException, IOException {
        Set<String> expected = new TreeSet<>();
        Matcher m = FUNCTION.matcher(originalScript());
        while (m.find()) {
            String language = m.group(5).toLowerCase(Locale.ROOT);
            expected.add(m.group(1) + "(" + m.group(2).replaceAll("\\s+", "") + ") " + m.group(3) + " " + language
                    + (language.equals("internal") ? " " + m.group(4) : "") + " i strict");
        }
        assertEquals(3 * 20, expected.size());
        assertEquals(expected, installed(c, """
                select p.proname || '(' || regexp_replace(pg_get_function_identity_arguments(p.oid), '(^| )(a|b|value) |\\s', '', 'g') || ') '
                       || p.prorettype::regtype || ' ' || l.lanname || case l.lanname when 'internal' then ' ' || p.prosrc else '' end
                       || ' ' || p.provolatile::text || case when p.proisstrict then ' strict' else '' end
                from pg_proc p join pg_language l on l.oid = p.prolang
                join pg_depend d on d.objid = p.oid and d.classid = 'pg_proc'::regclass
                join pg_extension e on e.oid = d.refobjid and e.extname = 'numeral'
                where p.proname not like 'pgj\\_%' and p.proname not like '%\\_recv' and p.proname not like '%\\_send'"""));
    }

    @Test
    void operators(Connection c) throws SQLException, IOException {
        Set<String> expected = new TreeSet<>();
        Matcher m = OPERATOR.matcher(originalScript());
        while (m.find()) {
            Map<String, String> attributes = new TreeMap<>();
            List<String> flags = new ArrayList<>();
            for (String item : m.group(2).split(",")) {
                String[] kv = item.strip().split("\\s*=\\s*", 2);
                if (kv.length == 2) {
                    attributes.put(kv[0].toLowerCase(Locale.ROOT), kv[1]);
                } else {
                    flags.add(kv[0]);
                }
            }
            expected.add(String.join(" ", m.group(1), attributes.getOrDefault("leftarg", "-"), attributes.get("rightarg"),
                    attributes.get("procedure"), attributes.getOrDefault("commutator", "0"), attributes.getOrDefault("negator", "0"),
                    attributes.getOrDefault("restrict", "-"), attributes.getOrDefault("join", "-"),
                    Boolean.toString(flags.contains("hashes")), Boolean.toString(flags.contains("merges"))));
        }
        assertEquals(3 * 18, expected.size());
        assertEquals(expected, installed(c, """
                select o.oprname || ' ' || case o.oprleft when 0 then '-' else o.oprleft::regtype::text end || ' '
                       || o.oprright::regtype || ' ' || o.oprcode::regproc
                       || ' ' || coalesce(com.oprname, '0') || ' ' || coalesce(neg.oprname, '0')
                       || ' ' || o.oprrest::regproc || ' ' || o.oprjoin::regproc || ' ' || o.oprcanhash || ' ' || o.oprcanmerge
                from pg_operator o left join pg_operator com on com.oid = o.oprcom left join pg_operator neg on neg.oid = o.oprnegate
                join pg_depend d on d.objid = o.oid and d.classid = 'pg_operator'::regclass
                join pg_extension e on e.oid = d.refobjid and e.extname = 'numeral'"""));
    }

    @Test
    void casts(Connection c) throws SQLException, IOException {
        Set<String> expected = new TreeSet<>();
        Matcher m = CAST.matcher(originalScript());
        while (m.find()) {
            expected.add(m.group(1) + " " + m.group(2) + " b " + (m.group(3) == null ? "e" : "i"));
        }
        assertEquals(6, expected.size());
        assertEquals(expected, installed(c, """
                select castsource::regtype || ' ' || casttarget::regtype || ' ' || castmethod::text || ' ' || castcontext::text from pg_cast
                where castsource in ('numeral'::regtype, 'zahl'::regtype, 'roman'::regtype)
                   or casttarget in ('numeral'::regtype, 'zahl'::regtype, 'roman'::regtype)"""));
    }
}

package org.pgj.tooling.upgrade;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.server.PrivateServer;

/**
 * Runs an extension script in a scratch database of a private server and asks PostgreSQL what
 * each statement did: an event trigger records the objects every statement creates or changes,
 * and the catalogs describe each object afterwards ({@link #FINGERPRINT}). PostgreSQL does the
 * parsing, so hand-written SQL (tables, types, views) is understood as well as generated
 * functions.
 */
final class SchemaProbe {
    static final String SCHEMA = "pgj_upgrade_probe";
    private static final Pattern STATEMENT_MARK = Pattern.compile("pgj-statement (\\d+|done)");

    /**
     * The definition of an object (by catalog and oid) in text free of OIDs, so two databases can
     * be compared; NULL for kinds it does not know.
     */
    static final String FINGERPRINT = """
            CREATE FUNCTION pgj_upgrade_probe.fingerprint(c oid, o oid) RETURNS text LANGUAGE plpgsql AS $f$
            DECLARE r text;
            BEGIN
              IF c = 'pg_proc'::regclass THEN
                SELECT CASE WHEN p.prokind = 'a' THEN 'aggregate ' || (SELECT row(a.aggtransfn::regproc, a.aggfinalfn::regproc,
                         a.aggcombinefn::regproc, a.aggtranstype::regtype, a.agginitval)::text FROM pg_aggregate a WHERE a.aggfnoid = o)
                       ELSE pg_get_functiondef(o) END INTO r FROM pg_proc p WHERE p.oid = o;
              ELSIF c = 'pg_class'::regclass THEN
                SELECT CASE
                  WHEN k.relkind IN ('v', 'm') THEN k.relkind::text || ' ' || pg_get_viewdef(o)
                  WHEN k.relkind = 'i' THEN pg_get_indexdef(o)
                  WHEN k.relkind = 'S' THEN (SELECT 'sequence ' || row(s.seqtypid::regtype, s.seqstart, s.seqincrement,
                         s.seqmax, s.seqmin, s.seqcache, s.seqcycle)::text FROM pg_sequence s WHERE s.seqrelid = o)
                  ELSE k.relkind::text || ' (' || coalesce((SELECT string_agg(quote_ident(a.attname) || ' '
                         || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                         || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), ''), ', ' ORDER BY a.attnum)
                       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                       WHERE a.attrelid = o AND a.attnum > 0 AND NOT a.attisdropped), '') || ')'
                     || coalesce((SELECT ' ' || string_agg(quote_ident(n.conname) || ' ' || pg_get_constraintdef(n.oid), ', '
                         ORDER BY n.conname) FROM pg_constraint n WHERE n.conrelid = o), '')
                  END INTO r FROM pg_class k WHERE k.oid = o;
              ELSIF c = 'pg_type'::regclass THEN
                SELECT CASE t.typtype
                  WHEN 'e' THEN 'enum (' || (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                         FROM pg_enum e WHERE e.enumtypid = o) || ')'
                  WHEN 'd' THEN 'domain ' || format_type(t.typbasetype, t.typtypmod) || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
                         || coalesce(' DEFAULT ' || t.typdefault, '') || coalesce((SELECT ' ' || string_agg(pg_get_constraintdef(n.oid), ' '
                         ORDER BY n.conname) FROM pg_constraint n WHERE n.contypid = o), '')
                  WHEN 'c' THEN 'composite ' || pgj_upgrade_probe.fingerprint('pg_class'::regclass, t.typrelid)
                  WHEN 'r' THEN 'range ' || (SELECT row(g.rngsubtype::regtype, g.rngcanonical, g.rngsubdiff)::text
                         FROM pg_range g WHERE g.rngtypid = o)
                  ELSE 'type ' || row(t.typinput, t.typoutput, t.typreceive, t.typsend, t.typlen, t.typbyval, t.typalign,
                         t.typstorage)::text
                  END INTO r FROM pg_type t WHERE t.oid = o;
              ELSIF c = 'pg_operator'::regclass THEN
                SELECT row(oprcode::regprocedure, oprleft::regtype, oprright::regtype, oprresult::regtype,
                           oprcom::regoperator, oprnegate::regoperator, oprrest, oprjoin)::text INTO r FROM pg_operator WHERE oid = o;
              ELSIF c = 'pg_cast'::regclass THEN
                SELECT row(castfunc::regprocedure, castcontext, castmethod)::text INTO r FROM pg_cast WHERE oid = o;
              ELSIF c = 'pg_trigger'::regclass THEN
                r := pg_get_triggerdef(o);
              ELSIF c = 'pg_constraint'::regclass THEN
                r := pg_get_constraintdef(o);
              ELSIF c = 'pg_language'::regclass THEN
                SELECT row(lanplcallfoid::regproc, lanvalidator::regproc, laninline::regproc, lanpltrusted)::text INTO r
                  FROM pg_language WHERE oid = o;
              ELSIF c = 'pg_opclass'::regclass THEN
                SELECT row(m.amname, f.opfname, opcintype::regtype, opcdefault, opckeytype::regtype)::text
                       || ' ' || pgj_upgrade_probe.fingerprint('pg_opfamily'::regclass, opcfamily) INTO r
                  FROM pg_opclass JOIN pg_am m ON m.oid = opcmethod JOIN pg_opfamily f ON f.oid = opcfamily WHERE pg_opclass.oid = o;
              ELSIF c = 'pg_opfamily'::regclass THEN
                SELECT 'family ' || coalesce((SELECT string_agg(x.m, ', ' ORDER BY x.m) FROM (SELECT row(a.amopstrategy,
                         a.amoplefttype::regtype, a.amoprighttype::regtype, a.amopopr::regoperator, a.amoppurpose)::text AS m
                       FROM pg_amop a WHERE a.amopfamily = o) x), '') || ' support ' || coalesce((SELECT string_agg(x.m, ', '
                         ORDER BY x.m) FROM (SELECT row(p.amprocnum, p.amproclefttype::regtype, p.amprocrighttype::regtype,
                         p.amproc::regprocedure)::text AS m FROM pg_amproc p WHERE p.amprocfamily = o) x), '') INTO r;
              ELSIF c = 'pg_namespace'::regclass THEN
                r := '';
              END IF;
              RETURN r;
            EXCEPTION WHEN OTHERS THEN
              RETURN NULL;
            END $f$;
            CREATE FUNCTION pgj_upgrade_probe.shape(c oid, o oid) RETURNS text LANGUAGE sql AS $f$
              SELECT p.prokind::text || ' returns ' || pg_get_function_result(p.oid) || ' (' || pg_get_function_arguments(p.oid) || ')'
                FROM pg_proc p WHERE c = 'pg_proc'::regclass AND p.oid = o
            $f$;
            """;

    /** Text as hex, so definitions with newlines and separators survive psql's unaligned output. */
    private static final String HELPERS = "CREATE FUNCTION pgj_upgrade_probe.hex(t text) RETURNS text LANGUAGE sql IMMUTABLE "
            + "AS $f$ SELECT encode(convert_to(t, 'UTF8'), 'hex') $f$;\n";

    private SchemaProbe() {
    }

    /** The probe functions, in a database that will then get an extension installed (for {@link #members}). */
    static void prepare(PrivateServer server, String database) {
        server.psql(database, "CREATE SCHEMA " + SCHEMA + ";\n" + HELPERS + FINGERPRINT);
    }

    /**
     * Runs {@code statements} one by one in a new database {@code database} and returns what each
     * did. {@code substitutions} replace what CREATE EXTENSION would ({@code MODULE_PATHNAME},
     * {@code @extschema@}).
     */
    static List<ProbedObject> run(PrivateServer server, String database, List<SqlStatements.Statement> statements,
                                  Map<String, String> substitutions, String what) {
        server.createDatabase(database, true);
        // As CREATE EXTENSION runs its scripts: bodies are not checked, so a released script whose
        // functions the current classes no longer match (a result type changed) is still described.
        StringBuilder sql = new StringBuilder("SET check_function_bodies = off;\n");
        sql.append("CREATE SCHEMA " + SCHEMA + ";\n" + HELPERS + FINGERPRINT);
        sql.append("""
                CREATE TABLE pgj_upgrade_probe.log(seq serial, statement int, command_tag text, object_type text,
                  identity text, classid oid, objid oid);
                CREATE FUNCTION pgj_upgrade_probe.record() RETURNS event_trigger LANGUAGE plpgsql AS $f$
                BEGIN
                  INSERT INTO pgj_upgrade_probe.log(statement, command_tag, object_type, identity, classid, objid)
                  SELECT current_setting('pgj_upgrade.statement')::int, d.command_tag, i.type, i.identity, d.classid, d.objid
                    FROM pg_event_trigger_ddl_commands() d,
                         LATERAL pg_identify_object(d.classid, d.objid, d.objsubid) i
                   WHERE d.objid IS NOT NULL AND d.objid <> 0 AND d.schema_name IS DISTINCT FROM 'pgj_upgrade_probe';
                END $f$;
                CREATE EVENT TRIGGER pgj_upgrade_probe ON ddl_command_end EXECUTE FUNCTION pgj_upgrade_probe.record();
                """);
        for (int i = 0; i < statements.size(); i++) {
            String text = statements.get(i).text();
            for (Map.Entry<String, String> s : substitutions.entrySet()) {
                text = text.replace(s.getKey(), s.getValue());
            }
            sql.append("\\echo pgj-statement ").append(i).append('\n');
            sql.append("SET pgj_upgrade.statement = '").append(i).append("';\n");
            sql.append(text).append(";\n");
        }
        sql.append("\\echo pgj-statement done\n");
        sql.append("DROP EVENT TRIGGER pgj_upgrade_probe;\n");
        sql.append("""
                SELECT l.statement, pgj_upgrade_probe.hex(l.command_tag), pgj_upgrade_probe.hex(l.object_type),
                       pgj_upgrade_probe.hex(l.identity),
                       coalesce(pgj_upgrade_probe.hex(pgj_upgrade_probe.fingerprint(l.classid, l.objid)), '-'),
                       coalesce(pgj_upgrade_probe.hex(pgj_upgrade_probe.shape(l.classid, l.objid)), '-')
                  FROM pgj_upgrade_probe.log l ORDER BY l.seq;
                """);
        org.pgj.tooling.Exec.Result r = server.runPsql(database, sql.toString());
        if (!r.ok()) {
            List<String> lines = r.output().lines().toList();
            String last = null;
            for (String line : lines) {
                Matcher m = STATEMENT_MARK.matcher(line);
                if (m.matches()) {
                    last = m.group(1);
                }
            }
            String errors = String.join("\n", lines.stream().filter(l -> !STATEMENT_MARK.matcher(l).matches())
                    .map(l -> l.replaceFirst("^psql:[^:]*:\\d+: ", "")).toList());
            if (last == null || last.equals("done")) {
                throw new ToolException("pgj upgrade could not probe the " + what + " (a problem of pgj, please report it): " + errors);
            }
            throw new ToolException("the " + what + " fails when run statement by statement in a scratch database, at statement "
                    + (Integer.parseInt(last) + 1) + ":\n" + statements.get(Integer.parseInt(last)).text() + "\n" + errors
                    + "\nfix the script (a released one must be the script as released)");
        }
        String output = r.output();
        List<ProbedObject> objects = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String[] f = line.split("\\|", -1);
            if (f.length != 6 || line.startsWith("pgj-statement")) {
                continue;
            }
            objects.add(new ProbedObject(Integer.parseInt(f[0]), unhex(f[1]), unhex(f[2]), unhex(f[3]),
                    f[4].equals("-") ? null : unhex(f[4]), f[5].equals("-") ? null : unhex(f[5])));
        }
        return objects;
    }

    /**
     * The members of {@code extension} in {@code database} ({@link #prepare}d before CREATE
     * EXTENSION), as key → definition: what an update must reproduce.
     */
    static Map<String, String> members(PrivateServer server, String database, String extension) {
        String output = server.psql(database, """
                SELECT pgj_upgrade_probe.hex(i.type || ' ' || i.identity),
                       coalesce(pgj_upgrade_probe.hex(pgj_upgrade_probe.fingerprint(d.classid, d.objid)), '-')
                  FROM pg_depend d
                  JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid,
                       LATERAL pg_identify_object(d.classid, d.objid, d.objsubid) i
                 WHERE d.deptype = 'e' AND e.extname = '%s'
                 ORDER BY 1;
                """.formatted(extension));
        Map<String, String> members = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            String[] f = line.split("\\|", -1);
            if (f.length == 2) {
                members.put(unhex(f[0]), f[1].equals("-") ? null : unhex(f[1]));
            }
        }
        return members;
    }

    private static String unhex(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }
}

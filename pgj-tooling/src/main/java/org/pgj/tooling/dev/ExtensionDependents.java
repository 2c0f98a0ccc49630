package org.pgj.tooling.dev;

import java.util.List;
import org.pgj.tooling.server.PrivateServer;

/**
 * The objects of a database that {@code DROP EXTENSION ... CASCADE} would drop although they are
 * not the extension's: a view on one of its functions, a column default or a trigger using one,
 * a column of one of its types, another extension that requires it, and what depends on those in
 * turn. Read from pg_depend as PostgreSQL's own cascade walks it: normal and automatic
 * dependencies, with a part (a view's rewrite rule) standing for its owner. A column of the
 * extension's type stands for itself, not its table, as the cascade drops only the column. What
 * goes with a listed object (the default of a dropped column, a column of a dropped view, the
 * members of a dropped extension) and parts of the extension's own objects (a column default of
 * its table) are not listed, as PostgreSQL's own NOTICE leaves them out.
 */
final class ExtensionDependents {
    private static final String QUERY = """
            WITH RECURSIVE members AS (
                SELECT d.classid, d.objid FROM pg_depend d JOIN pg_extension e ON d.refobjid = e.oid
                 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = %1$s
                UNION
                SELECT 'pg_extension'::regclass, oid FROM pg_extension WHERE extname = %1$s
            ), hit(classid, objid, objsubid) AS (
                SELECT d.classid, d.objid, d.objsubid FROM pg_depend d
                  JOIN members m ON d.refclassid = m.classid AND d.refobjid = m.objid
                 WHERE d.deptype IN ('n', 'a')
                UNION
                SELECT CASE WHEN d.deptype = 'i' THEN d.refclassid ELSE d.classid END,
                       CASE WHEN d.deptype = 'i' THEN d.refobjid ELSE d.objid END,
                       CASE WHEN d.deptype = 'i' THEN 0 ELSE d.objsubid END
                  FROM hit h JOIN pg_depend d
                    ON (d.deptype IN ('n', 'a') AND d.refclassid = h.classid AND d.refobjid = h.objid
                        AND (h.objsubid = 0 OR d.refobjsubid = h.objsubid))
                    OR (d.deptype = 'i' AND d.classid = h.classid AND d.objid = h.objid)
            )
            SELECT DISTINCT pg_describe_object(h.classid, h.objid, h.objsubid) FROM hit h
             WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = h.classid AND m.objid = h.objid)
               AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = h.classid AND i.objid = h.objid
                                  AND i.deptype = 'i')
               AND NOT EXISTS (SELECT 1 FROM pg_depend o JOIN members m ON o.refclassid = m.classid AND o.refobjid = m.objid
                                WHERE o.classid = h.classid AND o.objid = h.objid AND o.deptype IN ('a', 'i'))
               AND NOT (h.objsubid <> 0 AND EXISTS (SELECT 1 FROM hit w WHERE w.classid = h.classid
                                                       AND w.objid = h.objid AND w.objsubid = 0))
               AND NOT EXISTS (SELECT 1 FROM pg_depend a JOIN hit w ON a.refclassid = w.classid AND a.refobjid = w.objid
                                   AND (w.objsubid = 0 OR a.refobjsubid = w.objsubid)
                                WHERE a.classid = h.classid AND a.objid = h.objid AND a.deptype IN ('a', 'e'))
             ORDER BY 1""";

    private ExtensionDependents() {
    }

    /** What dropping {@code extension} in {@code database} would take with it, described as PostgreSQL does. */
    static List<String> of(PrivateServer server, String database, String extension) {
        return server.psql(database, QUERY.formatted(DevDatabase.literal(extension))).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}

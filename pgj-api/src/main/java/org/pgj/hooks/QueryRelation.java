package org.pgj.hooks;

/**
 * A relation a planned query reads or writes, or a plan node scans: as the catalog names it when
 * the query is planned.
 *
 * @param oid    its pg_class OID
 * @param schema its schema's name
 * @param name   its name
 * @param kind   what it is: {@code "table"}, {@code "partitioned table"}, {@code "view"},
 *               {@code "materialized view"}, {@code "foreign table"}, {@code "index"},
 *               {@code "partitioned index"}, {@code "sequence"}, {@code "toast table"} or
 *               {@code "composite type"}
 */
public record QueryRelation(long oid, String schema, String name, String kind) {
    /** {@code schema.name}, as EXPLAIN VERBOSE names it. */
    public String qualifiedName() {
        return schema + "." + name;
    }
}

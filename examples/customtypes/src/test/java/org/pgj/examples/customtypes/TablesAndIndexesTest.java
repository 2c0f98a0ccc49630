package org.pgj.examples.customtypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** The types in tables: columns, derived operators, btree and hash operator classes, TOAST. */
@PgjTest
class TablesAndIndexesTest {
    private static String v(int major, int minor, int patch) {
        return "{\"major\":" + major + ",\"minor\":" + minor + ",\"patch\":" + patch + "}";
    }

    @BeforeEach
    void releases(Connection c) throws SQLException {
        exec(c, "drop table if exists releases",
                "create temp table releases(id serial primary key, name text, v version)",
                "insert into releases(name, v) values ('b', version(1, 10, 0)), ('a', version(1, 2, 0)),"
                        + " ('c', version(0, 9, 9)), ('d', version(1, 2, 0)), ('e', null)");
    }

    @Test
    void insertSelectUpdate(Connection c) throws SQLException {
        assertEquals(v(1, 10, 0), one(c, "select v::text from releases where name = 'b'"));
        exec(c, "update releases set v = next_major(v) where name = 'b'");
        assertEquals(v(2, 0, 0), one(c, "select v::text from releases where name = 'b'"));
        exec(c, "update releases set v = '" + v(7, 7, 7) + "' where name = 'e'");
        assertEquals(v(7, 7, 7), one(c, "select v::text from releases where name = 'e'"));
        exec(c, "update releases set v = null where name = 'e'");
        assertEquals(null, one(c, "select v from releases where name = 'e'"));
    }

    @Test
    void comparisonOperators(Connection c) throws SQLException {
        assertEquals(true, one(c, "select version(1, 2, 0) < version(1, 10, 0)"), "numerically, not as text");
        assertEquals(true, one(c, "select version(1, 2, 0) <= version(1, 2, 0)"));
        assertEquals(false, one(c, "select version(1, 2, 0) > version(1, 10, 0)"));
        assertEquals(true, one(c, "select version(2, 0, 0) >= version(1, 10, 0)"));
        assertEquals(true, one(c, "select version(1, 2, 0) = version(1, 2, 0)"));
        assertEquals(true, one(c, "select version(1, 2, 0) <> version(1, 2, 1)"));
        assertEquals(-1, one(c, "select version_cmp(version(1, 2, 0), version(1, 10, 0))"));
        assertEquals(true, one(c, "select '#ff0000'::rgb = '#FF0000'::rgb"));
        assertEquals(List.of("a", "d"), column(c, "select name from releases where not (v <> version(1, 2, 0)) order by name"),
                "the negator");
    }

    @Test
    void orderByDistinctGroupBy(Connection c) throws SQLException {
        assertEquals(List.of("c", "a", "d", "b", "e"), column(c, "select name from releases order by v, name"));
        assertEquals(List.of("e", "b", "d", "a", "c"), column(c, "select name from releases order by v desc, name desc"));
        assertEquals(4L, one(c, "select count(*) from (select distinct v from releases) d"));
        assertEquals(List.of(v(0, 9, 9) + "=1", v(1, 2, 0) + "=2", v(1, 10, 0) + "=1"), column(c,
                "select v::text || '=' || count(*) from releases where v is not null group by v order by v"));
        exec(c, "set enable_sort = off");
        try {
            assertEquals(4L, one(c, "select count(*) from (select v from releases group by v) g"), "hash aggregate");
            assertEquals(2L, one(c, "select count(*) from (select distinct c from (values ('#ff0000'::rgb), ('#FF0000'), ('#00ff00')) t(c)) d"),
                    "a hash-only type");
        } finally {
            exec(c, "reset enable_sort");
        }
    }

    @Test
    void uniqueConstraint(Connection c) throws SQLException {
        exec(c, "drop table if exists unique_versions", "create temp table unique_versions(v version unique)",
                "insert into unique_versions values (version(1, 0, 0)), (version(1, 0, 1))");
        fails(c, "insert into unique_versions values ('{\"patch\":0,\"minor\":0,\"major\":1}') returning v", "23505");
        assertEquals(2L, one(c, "select count(*) from unique_versions"));
    }

    @Test
    void btreeIndexIsUsed(Connection c) throws SQLException {
        exec(c, "drop table if exists many", "create temp table many(v version)",
                "insert into many select version(i / 100, i % 100, 0) from generate_series(1, 3000) i",
                "create index many_v on many (v)", "analyze many", "set enable_seqscan = off");
        String plan = String.join("\n", column(c, "explain select * from many where v = version(12, 34, 0)").stream()
                .map(Object::toString).toList());
        contains(plan, "many_v");
        assertEquals(1L, one(c, "select count(*) from many where v = version(12, 34, 0)"));
        String range = String.join("\n", column(c, "explain select * from many where v between version(3, 0, 0) and version(3, 5, 0)")
                .stream().map(Object::toString).toList());
        contains(range, "many_v");
        exec(c, "reset enable_seqscan");
        assertEquals(6L, one(c, "select count(*) from many where v between version(3, 0, 0) and version(3, 5, 0)"));
        assertEquals(v(30, 0, 0), one(c, "select v::text from many order by many.v desc limit 1"));
    }

    @Test
    void hashIndexAndHashJoin(Connection c) throws SQLException {
        exec(c, "drop table if exists left_side, right_side",
                "create temp table left_side as select version(i, 0, 0) v from generate_series(1, 200) i",
                "create temp table right_side as select version(i * 2, 0, 0) v from generate_series(1, 200) i",
                "analyze left_side", "analyze right_side", "set enable_mergejoin = off", "set enable_nestloop = off");
        try {
            String plan = String.join("\n", column(c, "explain select count(*) from left_side l join right_side r on l.v = r.v")
                    .stream().map(Object::toString).toList());
            contains(plan, "Hash Join");
            assertEquals(100L, one(c, "select count(*) from left_side l join right_side r on l.v = r.v"));
        } finally {
            exec(c, "reset enable_mergejoin", "reset enable_nestloop");
        }
        exec(c, "create index left_hash on left_side using hash (v)", "analyze left_side");
        assertEquals(1L, one(c, "select count(*) from left_side where v = version(7, 0, 0)"));
    }

    @Test
    void mergeJoin(Connection c) throws SQLException {
        exec(c, "drop table if exists l2, r2",
                "create temp table l2 as select version(i, 0, 0) v from generate_series(1, 100) i",
                "create temp table r2 as select version(i, 0, 0) v from generate_series(50, 150) i",
                "set enable_hashjoin = off", "set enable_nestloop = off");
        try {
            contains(String.join("\n", column(c, "explain select count(*) from l2 join r2 using (v)").stream()
                    .map(Object::toString).toList()), "Merge Join");
            assertEquals(51L, one(c, "select count(*) from l2 join r2 using (v)"));
        } finally {
            exec(c, "reset enable_hashjoin", "reset enable_nestloop");
        }
    }

    @Test
    void largeValuesAreToasted(Connection c) throws SQLException {
        exec(c, "drop table if exists notes", "create temp table notes(id int, n note)",
                "insert into notes values (1, note('big', 2000, 100)), (2, note('small', 1, 5))");
        assertEquals(200000, one(c, "select note_length(n) from notes where id = 1"));
        int stored = (Integer) one(c, "select pg_column_size(n) from notes where id = 1");
        assertTrue(stored < 20000, "compressed by TOAST: " + stored + " bytes");
        assertEquals(5, one(c, "select note_length(n) from notes where id = 2"));
        exec(c, "update notes set n = note('bigger', 3000, 100) where id = 1");
        assertEquals(300000, one(c, "select note_length(n) from notes where id = 1"));
        assertEquals(true, one(c, "select n::text like '{\"title\":\"bigger\",\"lines\":[\"xxx%' from notes where id = 1"));
    }

    @Test
    void operatorClassesAreInTheCatalog(Connection c) throws SQLException {
        assertEquals(List.of("btree", "hash"), column(c,
                "select am.amname::text from pg_opclass o join pg_am am on am.oid = o.opcmethod"
                        + " where o.opcintype = 'version'::regtype and o.opcdefault order by 1"));
        assertEquals("=|<>|true|true", one(c, "select o.oprname || '|' || neg.oprname || '|' || o.oprcanhash || '|' || o.oprcanmerge"
                + " from pg_operator o join pg_operator neg on neg.oid = o.oprnegate"
                + " where o.oprname = '=' and o.oprleft = 'version'::regtype"));
        assertEquals("-1", one(c, "select typlen::text from pg_type where oid = 'version'::regtype"));
    }
}

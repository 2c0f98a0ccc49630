package org.pgj.tooling.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {
    @Test
    void semicolonsInsideStringsCommentsAndDollarQuotesDoNotSplit() {
        List<SqlStatements.Statement> s = SqlStatements.split("""
                \\echo Use "CREATE EXTENSION x" to load this file. \\quit
                -- a comment; with a semicolon
                CREATE TABLE t(a text DEFAULT 'x;y', "b;c" int);
                /* block /* nested; */ comment */ INSERT INTO t VALUES (E'it\\'s;', 1);
                CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$;
                CREATE FUNCTION g(int) RETURNS int LANGUAGE sql AS $$ SELECT $1 $$;
                """);
        assertEquals(4, s.size(), s.toString());
        assertEquals("-- a comment; with a semicolon\nCREATE TABLE t(a text DEFAULT 'x;y', \"b;c\" int)", s.get(0).text());
        assertEquals("CREATE TABLE t(a text DEFAULT 'x;y', \"b;c\" int)", s.get(0).normalized());
        assertEquals("INSERT INTO t VALUES (E'it\\'s;', 1)", s.get(1).normalized());
        assertEquals("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$", s.get(2).normalized());
        assertEquals("CREATE FUNCTION g(int) RETURNS int LANGUAGE sql AS $$ SELECT $1 $$", s.get(3).normalized());
    }

    @Test
    void layoutAndCommentsDoNotChangeTheNormalizedForm() {
        String a = SqlStatements.split("CREATE   TABLE\n  t (a int); -- trailing").get(0).normalized();
        String b = SqlStatements.split("-- lead\nCREATE TABLE t (a int);").get(0).normalized();
        assertEquals(a, b);
    }
}

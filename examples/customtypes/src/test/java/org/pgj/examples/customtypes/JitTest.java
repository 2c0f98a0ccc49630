package org.pgj.examples.customtypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;

/**
 * I/O coercions of the types under llvmjit: {@code t::text} and {@code 'x'::t} compile into
 * direct calls of the type's output and input functions, which aborted the backend (and
 * restarted the cluster) while those were functions of the extension's language.
 */
@PgjTest
class JitTest {
    private static final String FORCE_JIT = "set jit = on; set jit_above_cost = 0; set jit_inline_above_cost = 0;"
            + " set jit_optimize_above_cost = 0";

    @Test
    void ioCoercionsCompileAndRun(Connection c, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        exec(c, "drop table if exists jit_versions",
                "create table jit_versions as select version(1, g, 0) v from generate_series(1, 2000) g");
        exec(c, FORCE_JIT.split(";"));
        // A server built without LLVM (PostgreSQL 18 from source in CI) has no JIT to test.
        assumeTrue(Boolean.TRUE.equals(one(c, "select pg_jit_available()")), "this server has no JIT provider (built without LLVM)");
        assertEquals(1000L, one(c, "select count(v::text) from (select v from jit_versions limit 1000) s"));
        assertTrue(plan(c, "explain (analyze) select count(v::text) from jit_versions").stream().anyMatch(l -> l.startsWith("JIT:")),
                "the query was JIT-compiled");
        exec(c, "drop table if exists jit_texts", "create table jit_texts as select v::text t from jit_versions");
        assertEquals(1L, one(c, "select count(*) from jit_texts where t = '{\"major\":1,\"minor\":7,\"patch\":0}'"));
        assertEquals(2000L, one(c, "select count(t::version) from jit_texts"), "text to the type, through its input function");
        assertEquals(100L, one(c, "select count(('#' || lpad(to_hex(g), 6, '0'))::text::rgb) from generate_series(1, 100) g"),
                "a codec type too");
        exec(c, "set jit_inline_above_cost = -1");
        assertEquals(2000L, one(c, "select count(v::text::version) from jit_versions"), "without inlining");
        assertEquals(1, one(c, "select 1"));
        ServerLog.assertNoCrashSince(server, mark);
    }

    @SuppressWarnings("unchecked")
    private static List<String> plan(Connection c, String sql) throws SQLException {
        return (List<String>) (List<?>) column(c, sql);
    }
}

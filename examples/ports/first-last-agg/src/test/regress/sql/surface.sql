-- The port's SQL surface, as the C original declares it: first_sfunc and last_sfunc (IMMUTABLE,
-- STRICT, PARALLEL SAFE), and first() and last() over them. Only pgj's language handler and
-- validator are added, and no support functions of pgj's own.
SELECT p.oid::regprocedure AS function, p.prorettype::regtype AS returns, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'first_last_agg'
 ORDER BY p.proname;
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggkind, a.aggtransfn, a.aggcombinefn, a.aggfinalfn,
       a.aggtranstype::regtype AS stype, a.agginitval, p.proparallel
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE p.proname IN ('first', 'last')
 ORDER BY p.proname;
SELECT extversion, extrelocatable FROM pg_extension WHERE extname = 'first_last_agg';
-- Types the original's suite leaves out: text (a NULL skipped), numeric, arrays, a date, a point
-- (no Java mapping of its own), a composite, a long (TOASTed) text.
SELECT first(x ORDER BY i), last(x ORDER BY i) FROM (VALUES (1, 'b'::text), (2, NULL), (3, 'a'), (4, NULL)) v(i, x);
SELECT first(x ORDER BY i), last(x ORDER BY i) FROM (VALUES (1, 1.50::numeric), (2, -2.25)) v(i, x);
SELECT first(x ORDER BY i), last(x ORDER BY i) FROM (VALUES (1, ARRAY[1, 2]), (2, ARRAY[]::int[]), (3, ARRAY[3])) v(i, x);
SELECT first(x ORDER BY i), last(x ORDER BY i) FROM (VALUES (1, 'infinity'::date), (2, '2024-02-29')) v(i, x);
SELECT first(x ORDER BY i), last(x ORDER BY i) FROM (VALUES (1, '(1,2)'::point), (2, '(3.5,-4)')) v(i, x);
CREATE TYPE pair AS (a int, b text);
SELECT first(x ORDER BY i), last(x ORDER BY i) FROM (VALUES (1, (1, 'one')::pair), (2, (2, NULL)::pair)) v(i, x);
SELECT length(first(x ORDER BY i)), length(last(x ORDER BY i)) FROM (VALUES (1, ''::text), (2, repeat('x', 100000))) v(i, x);
-- NULLs only, no rows, extreme values.
SELECT first(x), last(x) FROM (VALUES (NULL::int), (NULL)) v(x);
SELECT first(x), last(x) FROM generate_series(1, 0) x;
SELECT first(x ORDER BY x), last(x ORDER BY x) FROM (VALUES (-2147483648), (2147483647)) v(x);
-- A window over a moving frame.
SELECT i, first(i) OVER w, last(i) OVER w FROM generate_series(1, 5) i
WINDOW w AS (ORDER BY i ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING);
-- The state functions called directly.
SELECT first_sfunc(1, 2), last_sfunc(1, 2), first_sfunc(NULL::int, 2) IS NULL AS strict;
-- Bad input: literals of no type, which a polymorphic function refuses, as the C original's does.
SELECT first_sfunc('a', 'b');
SELECT 1 AS the_session_carries_on;
-- A parallel plan: the partial states meet in the combine function.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
CREATE TABLE numbers AS SELECT i FROM generate_series(1, 50000) i;
ANALYZE numbers;
EXPLAIN (COSTS OFF) SELECT first(i), last(i) FROM numbers;
SELECT first(i) BETWEEN 1 AND 50000 AS first_is_a_row, last(i) BETWEEN 1 AND 50000 AS last_is_a_row, count(*) FROM numbers;
RESET ALL;
-- Cancelled by a timeout mid-aggregate, the session carries on.
SET statement_timeout = '200ms';
SELECT last(a.i) FROM numbers a, numbers b;
RESET statement_timeout;
SELECT 1 AS the_session_carries_on;
DROP TABLE numbers;
DROP TYPE pair;
-- A user without privileges of its own.
SET client_min_messages = warning;
DROP ROLE IF EXISTS first_last_agg_user;
RESET client_min_messages;
CREATE ROLE first_last_agg_user;
SET ROLE first_last_agg_user;
SELECT first(x ORDER BY x), last(x ORDER BY x) FROM (VALUES (3), (1), (2)) v(x);
RESET ROLE;
DROP ROLE first_last_agg_user;

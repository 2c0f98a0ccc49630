-- What ./pgj demo runs after CREATE EXTENSION demo: Java running inside PostgreSQL.
\echo '== Java functions called from SQL'
SELECT add_one(41) AS add_one, add(2, 3) AS add_int, add(5000000000, 1) AS add_bigint,
       shout('héllo wörld 😀') AS shout, hypot(3, 4) AS hypot, reverse_bytes('\x010203') AS reverse_bytes;
\echo '== NULLs: boxed and Optional parameters'
SELECT twice(NULL) IS NULL AS twice_null, first_word('  pgj runs java') AS first_word, greet(NULL, 2) AS greet;
\echo '== a million calls into Java'
SELECT sum(add_one(i)) AS sum_add_one FROM generate_series(1, 1000000) i;
\echo '== errors cross the boundary: a Java exception becomes an ERROR ...'
\set ON_ERROR_STOP off
SELECT divide(1, 0);
\echo '== ... a server error inside Java can be caught in a subtransaction ...'
SELECT try_run('SELECT 1/0') AS caught_sqlstate;
\echo '== ... and the session carries on'
SELECT demo_util.version() AS version, value AS seeded_by_raw_sql FROM demo_settings;

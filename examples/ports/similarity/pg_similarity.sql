-- The original's test1 loads the extension with `\i pg_similarity.sql`: under PGXS that is the
-- legacy install script its build makes from pg_similarity.sql.in, in the folder pg_regress runs
-- in. pgj regress runs psql in this module's folder, so test1 loads this file instead: the port,
-- as a pgj extension is installed, plus the two functions only the legacy script defines
-- (levslow: Levenshtein computed the slow way, with the same results as lev).
CREATE EXTENSION pg_similarity;
CREATE FUNCTION levslow(text, text) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT AS 'SELECT lev($1, $2)';
CREATE FUNCTION levslow_op(text, text) RETURNS bool LANGUAGE sql STABLE STRICT AS 'SELECT lev_op($1, $2)';

-- The original's regression suite (../shared/ports/first_last_agg-0.1.4/test/sql/agg.sql) loads
-- the extension with `\i sql/first_last_agg.sql`: under PGXS that is the C original's install
-- script, run from its folder. pgj regress runs psql in this module's folder, so the suite loads
-- this file, which installs the port the way a pgj extension is installed.
CREATE EXTENSION first_last_agg;

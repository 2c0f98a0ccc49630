package org.pgj.examples.demo;

import org.pgj.functions.ExtensionSql;

/** Hand-written SQL, ordered relative to the generated objects. */
@ExtensionSql(name = "settings_table", position = ExtensionSql.Position.FIRST,
        sql = "CREATE TABLE demo_settings(name text PRIMARY KEY, value text NOT NULL);")
@ExtensionSql(name = "shout_twice", after = {"shout"},
        sql = "CREATE FUNCTION shout_twice(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT shout($1) || ' ' || shout($1) $$;")
@ExtensionSql(name = "seed", position = ExtensionSql.Position.LAST, file = "seed.sql")
final class RawSql {
    private RawSql() {
    }
}

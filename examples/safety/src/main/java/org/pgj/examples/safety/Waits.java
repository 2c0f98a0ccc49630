package org.pgj.examples.safety;

import org.pgj.functions.ExtensionSql;
import org.pgj.functions.PgFunction;
import org.pgj.spi.Spi;

/** Java waiting in the server: for a lock another session holds. */
@ExtensionSql(name = "safety_rows", position = ExtensionSql.Position.FIRST, sql = """
        CREATE TABLE safety_rows (v int);
        GRANT ALL ON safety_rows TO PUBLIC;
        """)
public final class Waits {
    private Waits() {
    }

    /** Locks {@code table} (which another session may hold), then returns its row count. */
    @PgFunction
    public static long lockAndCount(String table) {
        RunningJava.announce();
        Spi.run("lock table " + Spi.quoteIdentifier(table) + " in access exclusive mode");
        return Spi.getOne("select count(*) from " + Spi.quoteIdentifier(table), Long.class).orElseThrow();
    }
}

package org.pgj.examples.spi;

import org.pgj.functions.PgFunction;
import org.pgj.functions.PgProcedure;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiStatement;

/** Transaction control: procedures commit and roll back between statements. */
public final class Batches {
    private Batches() {
    }

    /** Inserts 1..n, committing every batchSize rows; a last partial batch is rolled back. */
    @PgProcedure
    public static void insertInBatches(int n, int batchSize) {
        try (SpiConnection spi = Spi.connect()) {
            for (int i = 1; i <= n; i++) {
                spi.run("INSERT INTO batch_log(i) VALUES ($1)", i);
                if (i % batchSize == 0) {
                    spi.commit();
                }
            }
            spi.rollback();
        }
    }

    /** Commits with COMMIT AND CHAIN: the next transaction keeps the isolation level. */
    @PgProcedure
    public static void logIsolationAfterChain(String level) {
        try (SpiConnection spi = Spi.connect()) {
            spi.commit(); // SET TRANSACTION must come first in a transaction
            spi.run("SET TRANSACTION ISOLATION LEVEL " + level);
            spi.run("INSERT INTO batch_log(i) VALUES (-1)");
            spi.commitAndChain();
            String now = spi.getOne("SHOW transaction_isolation", String.class).orElseThrow();
            spi.run("INSERT INTO batch_log(i) VALUES ($1)", now.equals(level.toLowerCase()) ? -2 : -3);
        }
    }

    /** CALLs another procedure, which may then commit too. */
    @PgProcedure
    public static void callInBatches(int n) {
        Spi.run("CALL insert_in_batches($1, 2)", n);
    }

    /** Reads a large (TOASTed) value after each COMMIT, by SQL text and by a prepared statement. */
    @PgProcedure
    public static void largeValuesAcrossCommits(int times) {
        try (SpiConnection spi = Spi.connect()) {
            spi.run("CREATE TABLE IF NOT EXISTS large_values(v text)");
            spi.run("TRUNCATE large_values");
            spi.run("INSERT INTO large_values SELECT string_agg(md5(g::text), '') FROM generate_series(1, 10000) g");
            SpiStatement read = spi.prepare("SELECT v FROM large_values");
            long total = 0;
            for (int i = 0; i < times; i++) {
                spi.commit();
                total += spi.getOne("SELECT v FROM large_values", String.class).orElseThrow().length();
                total += spi.getOne(read, String.class).orElseThrow().length();
            }
            spi.run("INSERT INTO batch_log(i) VALUES ($1)", (int) (total / 1000));
        }
    }

    /** Tries to commit from a function called by a query: the server refuses. */
    @PgFunction
    public static void commitFromFunction() {
        Spi.commit();
    }
}

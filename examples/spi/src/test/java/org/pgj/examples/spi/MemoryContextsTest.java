package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.memory.MemoryContext;
import org.pgj.memory.OwnedMemoryContext;
import org.pgj.memory.ServerMemory;
import org.pgj.test.InBackend;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;

/** org.pgj.memory: code run in a chosen context, memory that lives as long as its context, and misuse as clean errors. */
@PgjTest
class MemoryContextsTest {
    private static final Duration WIDE = Duration.ofSeconds(60);

    @Test
    void topMemoryOutlivesTheTransactionAndTransactionMemoryDoesNot(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            exec(c, "SELECT remember('caf\u00e9 in TopMemoryContext')");
            assertEquals("caf\u00e9 in TopMemoryContext", one(c, "SELECT recall()"), "a later transaction reads it");
            c.setAutoCommit(false);
            exec(c, "SELECT note_for_transaction('until commit')");
            assertEquals("until commit", one(c, "SELECT transaction_note()"), "the same transaction reads it");
            c.commit();
            c.setAutoCommit(true);
            assertTrue(fails(c, "SELECT transaction_note()", "55000").getMessage()
                    .contains("CurTransactionContext was reset or deleted"));
            assertEquals(1, one(c, "SELECT 1"));
            exec(c, "SELECT remember('again')");
            assertEquals("again", one(c, "SELECT recall()"), "remembering again replaces it");
        }
    }

    @Test
    void aSubtransactionsMemoryGoesWithItsRollback(Connection c) throws SQLException {
        c.setAutoCommit(false);
        exec(c, "SAVEPOINT s", "SELECT note_for_transaction('in a savepoint')");
        assertEquals("in a savepoint", one(c, "SELECT transaction_note()"));
        exec(c, "ROLLBACK TO s");
        fails(c, "SELECT transaction_note()", "55000");
        c.rollback();
        c.setAutoCommit(true);
        assertEquals(1, one(c, "SELECT 1"));
    }

    @Test
    void anOwnedContextHoldsMemoryUntilItIsClosed(Connection c) throws SQLException {
        assertEquals(5_000_050_000L, one(c, "SELECT sum_in_own_context(100000)"));
        assertEquals(0L, one(c, "SELECT sum_in_own_context(0)"));
        assertNull(one(c, "SELECT sum_in_own_context(NULL)"));
    }

    @Test
    void misuseIsAnErrorAndTheSessionCarriesOn(Connection c) throws SQLException {
        assertTrue(fails(c, "SELECT read_after_delete()", "55000").getMessage().contains("was reset or deleted"));
        assertTrue(fails(c, "SELECT delete_while_current()", "55000").getMessage().contains("while it is current"));
        fails(c, "SELECT allocate_in_own_context(-1)", "22023");
        assertTrue(fails(c, "SELECT allocate_in_own_context(1::bigint << 40)", "53200").getMessage().contains("out of memory"));
        fails(c, "SELECT allocate_in_own_context(1::bigint << 62)", "53200");
        assertEquals(1024L, one(c, "SELECT allocate_in_own_context(1024)"));
        assertEquals(1, one(c, "SELECT 1"));
    }

    @Test
    void aCancelStopsCodeMakingContexts(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            assertEquals("57014", RunningStatement.cancelOnceActive(server, c, "SELECT churn_contexts()", WIDE));
            assertEquals(55L, one(c, "SELECT sum_in_own_context(10)"));
            exec(c, "SET statement_timeout = '200ms'");
            fails(c, "SELECT churn_contexts()", "57014");
            exec(c, "RESET statement_timeout", "SET jit_above_cost = 0");
            assertEquals(55L, one(c, "SELECT sum_in_own_context(10) FROM generate_series(1, 3) LIMIT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void anOrdinaryUserInALatin1Database(PgServer server) throws SQLException {
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_memory_latin1", "LATIN1", "spi");
                Connection c = latin1.connectAsOrdinaryUser()) {
            exec(c, "SELECT remember('caf\u00e9')");
            assertEquals("caf\u00e9", one(c, "SELECT recall()"));
            assertEquals(55L, one(c, "SELECT sum_in_own_context(10)"));
            fails(c, "SELECT read_after_delete()", "55000");
            assertEquals(1, one(c, "SELECT 1"));
        }
    }

    @Test
    @InBackend
    void runMakesTheContextCurrentAndRestoresThePreviousOneAfterAnException() {
        MemoryContext outer = MemoryContext.current();
        try (OwnedMemoryContext child = outer.newChild("test child")) {
            assertEquals("memory context \"test child\"", child.toString());
            // made while child is current, so it is child's: it goes when child is closed
            OwnedMemoryContext grandchild = child.call(() -> MemoryContext.current().newChild("grandchild"));
            assertThrows(IllegalStateException.class, () -> child.run(() -> {
                throw new IllegalStateException("thrown inside");
            }));
            // made after the exception: the previous context is current again, so this one outlives child
            OwnedMemoryContext sibling = MemoryContext.current().newChild("sibling");
            ServerMemory memory = grandchild.allocate(16);
            memory.setLong(8, 42);
            assertEquals(42, memory.getLong(8));
            assertEquals(0, memory.getLong(0), "allocated memory is zeroed");
            assertThrows(IndexOutOfBoundsException.class, () -> memory.getLong(9));
            assertThrows(IndexOutOfBoundsException.class, () -> memory.setByte(-1, (byte) 1));
            child.close();
            assertFalse(grandchild.isValid());
            assertFalse(memory.isValid());
            assertEquals("55000", assertThrows(PgException.class, () -> memory.getLong(8)).sqlState());
            assertEquals("55000", assertThrows(PgException.class, () -> grandchild.allocate(8)).sqlState());
            assertEquals("55000", assertThrows(PgException.class, () -> grandchild.run(() -> { })).sqlState());
            grandchild.close(); // already gone with its parent: nothing to do
            child.close();
            assertTrue(sibling.isValid(), "made outside child, it stays");
            sibling.close();
            assertFalse(sibling.isValid());
        }
        assertTrue(MemoryContext.top().isValid());
        assertTrue(MemoryContext.curTransaction().isValid());
    }

    @Test
    @InBackend
    void aHandleIsUsableOnlyOnTheBackendThread() throws Exception {
        ServerMemory memory = MemoryContext.current().allocate(8);
        Throwable[] thrown = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                memory.getLong(0);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        other.start();
        other.join();
        assertTrue(thrown[0] instanceof WrongThreadException, String.valueOf(thrown[0]));
    }
}

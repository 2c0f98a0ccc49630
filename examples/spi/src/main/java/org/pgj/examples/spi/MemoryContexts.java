package org.pgj.examples.spi;

import java.nio.charset.StandardCharsets;
import org.pgj.functions.PgFunction;
import org.pgj.memory.MemoryContext;
import org.pgj.memory.OwnedMemoryContext;
import org.pgj.memory.ServerMemory;

/** Server memory contexts from Java: memory that lives for the backend, the transaction, or a scope Java owns. */
public final class MemoryContexts {
    private MemoryContexts() {
    }

    /** A context of its own under TopMemoryContext, so remembering again frees what was remembered before. */
    private static OwnedMemoryContext rememberedContext;
    private static ServerMemory remembered;
    private static ServerMemory transactionNote;

    /** Keeps text under TopMemoryContext: it outlives this transaction. */
    @PgFunction
    public static void remember(String text) {
        if (rememberedContext != null) {
            rememberedContext.close();
        }
        rememberedContext = MemoryContext.top().newChild("remembered");
        remembered = store(rememberedContext, text);
    }

    @PgFunction
    public static String recall() {
        return remembered == null ? null : read(remembered);
    }

    /** Keeps text in CurTransactionContext: readable until the transaction ends, an error after. */
    @PgFunction
    public static void noteForTransaction(String text) {
        transactionNote = store(MemoryContext.curTransaction(), text);
    }

    @PgFunction
    public static String transactionNote() {
        return transactionNote == null ? null : read(transactionNote);
    }

    /** The sum of 1..n, kept as n longs in a context of its own, deleted at the end. */
    @PgFunction
    public static long sumInOwnContext(int n) {
        try (OwnedMemoryContext scratch = MemoryContext.current().newChild("sum scratch")) {
            ServerMemory numbers = scratch.allocate(8L * n);
            for (int i = 0; i < n; i++) {
                numbers.setLong(8L * i, i + 1);
            }
            return scratch.call(() -> { // the server's allocations meanwhile would go to scratch
                long sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += numbers.getLong(8L * i);
                }
                return sum;
            });
        }
    }

    /** Allocates {@code size} bytes in a context of its own; returns how many were allocated. */
    @PgFunction
    public static long allocateInOwnContext(long size) {
        try (OwnedMemoryContext scratch = MemoryContext.current().newChild("allocation")) {
            return scratch.allocate(size).size();
        }
    }

    /** Reads memory whose context is already deleted: an error, not a crash. */
    @PgFunction
    public static long readAfterDelete() {
        ServerMemory memory;
        try (OwnedMemoryContext scratch = MemoryContext.current().newChild("short")) {
            memory = scratch.allocate(8);
        }
        return memory.getLong(0);
    }

    /** Deletes a context from code running in it: refused. */
    @PgFunction
    public static void deleteWhileCurrent() {
        try (OwnedMemoryContext scratch = MemoryContext.current().newChild("busy")) {
            scratch.run(scratch::close);
        }
    }

    /** Makes and deletes contexts until cancelled. */
    @PgFunction
    public static void churnContexts() {
        while (true) {
            try (OwnedMemoryContext scratch = MemoryContext.current().newChild("churn")) {
                scratch.allocate(1024).setLong(0, 1);
            }
        }
    }

    private static ServerMemory store(MemoryContext context, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ServerMemory memory = context.allocate(4L + bytes.length);
        memory.setInt(0, bytes.length);
        memory.setBytes(4, bytes);
        return memory;
    }

    private static String read(ServerMemory memory) {
        return new String(memory.getBytes(4, memory.getInt(0)), StandardCharsets.UTF_8);
    }
}

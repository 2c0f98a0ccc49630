package org.pgj.errors;

import java.util.function.Supplier;
import org.pgj.internal.transactions.Subtransactions;

/**
 * Runs code in a subtransaction, so that a PostgreSQL error inside it can be caught and the
 * transaction can carry on, like PL/pgSQL's {@code BEGIN ... EXCEPTION}.
 *
 * <pre>{@code
 * try {
 *     Subtransaction.run(() -> mightFail());
 * } catch (PgException e) {
 *     // the subtransaction was rolled back; e.sqlState() says why
 * }
 * }</pre>
 *
 * <p>If the body completes, its work is kept. If it throws, its work is rolled back, the
 * server error it raised counts as handled, and the exception is rethrown to the caller.
 * Without a subtransaction, a caught PostgreSQL error is re-raised when the Java function
 * returns, because the server's state is only sound again after a rollback. Cancel and
 * terminate ({@link PgInterrupt}) still stop the statement.
 */
public final class Subtransaction {
    private Subtransaction() {
    }

    public static void run(Runnable body) {
        Subtransactions.call(() -> {
            body.run();
            return null;
        });
    }

    public static <T> T call(Supplier<T> body) {
        return Subtransactions.call(body);
    }
}

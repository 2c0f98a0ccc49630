package org.pgj.hooks;

/**
 * Hooks into query processing, as pgrx's {@code PgHooks}: each method gets the query and the
 * {@link Proceed} that runs the next hook or the server's own function; the defaults just
 * proceed. A hook runs code before and after {@code next.proceed()}; to refuse a statement it
 * throws (the statement fails with that error). A hook that returns without proceeding is
 * proceeded for, since skipping an executor phase would break the query. Parallel workers do
 * not call hooks.
 *
 * <p>The hooks run for every query, SQL that the hooks themselves run through SPI included, so
 * they should be quick and must not recurse without end.
 */
public interface QueryHooks {
    default void executorStart(QueryExecution query, Proceed next) {
        next.proceed();
    }

    default void executorRun(QueryExecution query, Proceed next) {
        next.proceed();
    }

    default void executorFinish(QueryExecution query, Proceed next) {
        next.proceed();
    }

    default void executorEnd(QueryExecution query, Proceed next) {
        next.proceed();
    }

    default void processUtility(UtilityStatement statement, Proceed next) {
        next.proceed();
    }

    /**
     * The planner hook: {@code next.proceed()} plans the query (the next hook, or the server's
     * planner); afterwards the hook may read the plan and replace it with
     * {@link PlannedQuery#replan}. Not called for utility statements.
     */
    default void planner(PlannedQuery query, Proceed next) {
        next.proceed();
    }

    /**
     * Each log entry of the backend (the emit_log hook), before it goes to the server log and the
     * client: it may be read, changed or suppressed. Entries that hooks log themselves come
     * unhooked, so a hook cannot recurse. It runs only in backends where Java runs already, in
     * a transaction where the hook's extension is known to be created; it must not run SQL.
     */
    default void emitLog(LogEntry entry) {
    }
}

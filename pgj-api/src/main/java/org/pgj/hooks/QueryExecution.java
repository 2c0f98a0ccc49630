package org.pgj.hooks;

/**
 * A query going through the executor, as an executor hook sees it; valid while the hook runs
 * (afterwards, each method throws IllegalStateException). pgj implements it.
 */
public interface QueryExecution {
    /** The text of the statement the query came from (for a function's query, its own text). */
    String sourceText();

    Operation operation();

    /** The query's identifier when compute_query_id is on (0 otherwise). */
    long queryId();

    /** Rows processed so far: after {@code next.proceed()} in executorRun, those of the run. */
    long processedRows();
}

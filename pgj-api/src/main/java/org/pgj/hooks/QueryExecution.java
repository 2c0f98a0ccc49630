package org.pgj.hooks;

/** A query going through the executor, as an executor hook sees it; valid while the hook runs. */
public final class QueryExecution extends HookCall {
    QueryExecution(long call) {
        super(call);
    }

    /** The text of the statement the query came from (for a function's query, its own text). */
    public String sourceText() {
        return sourceTextValue();
    }

    public Operation operation() {
        return operationValue();
    }

    /** The query's identifier when compute_query_id is on (0 otherwise). */
    public long queryId() {
        return queryIdValue();
    }

    /** Rows processed so far: after {@code next.proceed()} in executorRun, those of the run. */
    public long processedRows() {
        return processedValue();
    }
}

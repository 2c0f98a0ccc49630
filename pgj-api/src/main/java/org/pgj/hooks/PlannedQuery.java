package org.pgj.hooks;

/**
 * A query the planner hook is planning; valid while the hook runs (afterwards, each method
 * throws IllegalStateException). pgj implements it.
 *
 * <p>Before {@code next.proceed()} the hook can read the query; after it, the plan's summary
 * (what EXPLAIN shows on its first line). {@link #replan} replaces the plan by one of the same
 * query made under a changed setting, so the executor always gets a plan whose output matches.
 */
public interface PlannedQuery {
    /** The text of the statement the query came from (for a function's query, its own text). */
    String sourceText();

    Operation operation();

    /** The query's identifier when compute_query_id is on (0 otherwise). */
    long queryId();

    /** The plan's estimated total cost; after {@code next.proceed()}. */
    double totalCost();

    /** The plan's estimated rows; after {@code next.proceed()}. */
    double planRows();

    /** The plan's top node as EXPLAIN names it ("Seq Scan", "Index Scan", "Sort"...; "Other" for the rest). */
    String topNode();

    /**
     * Plans the query again with {@code setting} set to {@code value} for this planning only (as
     * {@code SET LOCAL} would, undone right after), and makes that the plan; the summary then
     * describes it. Only after {@code next.proceed()}; a bad setting or value fails as SET does.
     */
    void replan(String setting, String value);
}

package org.pgj.hooks;

import java.util.List;

/**
 * A query the planner hook is planning; valid while the hook runs (afterwards, each method
 * throws IllegalStateException). pgj implements it.
 *
 * <p>Before {@code next.proceed()} the hook can read the query, the relations it reads and the
 * settings in force; after it, the plan: its summary (what EXPLAIN shows on its first line) and
 * its whole tree. {@link #replan} replaces the plan by one of the same
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

    /** The plan's top node as EXPLAIN names it ("Seq Scan", "Index Scan", "Sort"...). */
    String topNode();

    /**
     * The relations the query reads or writes: those of its range table, its subqueries', CTEs'
     * and sublinks' included, each once, and a view's with the view itself. Before or after
     * {@code next.proceed()}. Partitions the planner adds are in {@link #plan()}, not here.
     */
    List<QueryRelation> relations();

    /** The plan's tree (a copy, made at each call); after {@code next.proceed()}. */
    PlanNode plan();

    /** The trees of the plan's subplans (SubPlans and InitPlans), in the planner's order; after {@code next.proceed()}. */
    List<PlanNode> subplans();

    /**
     * A setting's value in force for this planning, as {@code SHOW} gives it; an unknown setting,
     * or one the user may not read, fails as {@code SHOW} does.
     */
    String setting(String name);

    /**
     * Plans the query again with {@code setting} set to {@code value} for this planning only (as
     * {@code SET LOCAL} would, undone right after), and makes that the plan; the summary then
     * describes it. Only after {@code next.proceed()}; a bad setting or value fails as SET does.
     */
    void replan(String setting, String value);
}

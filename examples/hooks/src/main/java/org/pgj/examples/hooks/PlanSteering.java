package org.pgj.examples.hooks;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.hooks.PgHooks;
import org.pgj.hooks.PlannedQuery;
import org.pgj.hooks.Proceed;
import org.pgj.hooks.QueryHooks;
import org.pgj.spi.Spi;

/**
 * A planner hook that steers marked queries: one marked prefer-index whose plan is a sequential
 * scan is planned again with enable_seqscan off; one marked refuse-plan is refused; one marked
 * slow-plan runs SQL while it is planned (to show that a cancel there is clean); one marked
 * bad-replan plans again under a setting that does not exist.
 */
@PgHooks
public class PlanSteering implements QueryHooks {
    /** The last steered query's plans: "before -> after", each "node rows=N". */
    static String lastSteered = "";

    @Override
    public void planner(PlannedQuery query, Proceed next) {
        String text = query.sourceText();
        if (text.contains("/* refuse-plan */")) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "this query is refused by the planner hook");
        }
        if (text.contains("/* slow-plan */")) {
            Spi.run("SELECT pg_sleep(5)");
        }
        next.proceed();
        if (text.contains("/* bad-replan */")) {
            query.replan("no_such_planner_setting", "off");
        }
        if (text.contains("/* prefer-index */")) {
            String before = query.topNode() + " rows=" + (long) query.planRows();
            if (query.topNode().equals("Seq Scan")) {
                query.replan("enable_seqscan", "off");
            }
            lastSteered = query.operation() + ": " + before + " -> " + query.topNode() + " rows="
                    + (long) query.planRows();
        }
    }
}

package org.pgj.examples.hooks;

import java.util.stream.Collectors;
import org.pgj.hooks.PgHooks;
import org.pgj.hooks.PlanNode;
import org.pgj.hooks.PlannedQuery;
import org.pgj.hooks.Proceed;
import org.pgj.hooks.QueryHooks;

/**
 * A planner hook that describes marked queries: for one marked inspect-plan, the relations it
 * reads, a setting in force, and the plan's whole tree as EXPLAIN's node types; inspect-early
 * asks for the plan before there is one; inspect-setting reads the setting the query names.
 */
@PgHooks
public class PlanInspection implements QueryHooks {
    /** The last inspected query: its relations, enable_seqscan, the number of subplans, and the plan tree. */
    static String lastInspected = "";

    @Override
    public void planner(PlannedQuery query, Proceed next) {
        String text = query.sourceText();
        if (text.contains("/* inspect-early */")) {
            query.plan();
        }
        if (text.contains("/* inspect-setting ")) {
            int from = text.indexOf("/* inspect-setting ") + 19;
            String name = text.substring(from, text.indexOf(" */", from));
            lastInspected = name + "=" + query.setting(name);
        }
        if (!text.contains("/* inspect-plan */")) {
            next.proceed();
            return;
        }
        String relations = query.relations().stream().map(r -> r.name() + " (" + r.kind() + ")")
                .collect(Collectors.joining(", "));
        String seqscan = query.setting("enable_seqscan");
        next.proceed();
        StringBuilder out = new StringBuilder("relations: " + relations + "\nenable_seqscan: " + seqscan
                + "\nsubplans: " + query.subplans().size() + "\n");
        describe(query.plan(), 0, out);
        lastInspected = out.toString();
    }

    /** A node per line, indented by depth: "Index Scan on t using t_pkey". */
    static void describe(PlanNode node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.name());
        node.relation().ifPresent(r -> out.append(" on ").append(r.name()));
        node.index().ifPresent(i -> out.append(" using ").append(i.name()));
        out.append('\n');
        for (PlanNode child : node.children()) {
            describe(child, depth + 1, out);
        }
    }
}

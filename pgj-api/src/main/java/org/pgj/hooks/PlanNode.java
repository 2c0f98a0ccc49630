package org.pgj.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node of a planned query's plan tree, as EXPLAIN shows it: its name, estimates, the relation
 * it scans or modifies and the index it uses, and the nodes under it. A copy: it stays readable
 * after the hook returns.
 *
 * @param name        as EXPLAIN names the node ({@code "Seq Scan"}, {@code "Hash Join"},
 *                    {@code "Aggregate"}, ...; {@code "Other"} for a kind a later server adds)
 * @param startupCost the estimated cost before the first row
 * @param totalCost   the estimated cost of all rows
 * @param rows        the estimated rows
 * @param width       the estimated average row width in bytes
 * @param relation    the relation a scan reads or a ModifyTable writes
 * @param index       the index an index scan (plain, index-only or bitmap) uses
 * @param children    the nodes under it, in EXPLAIN's order
 */
public record PlanNode(String name, double startupCost, double totalCost, double rows, int width,
                       Optional<QueryRelation> relation, Optional<QueryRelation> index, List<PlanNode> children) {
    public PlanNode {
        children = List.copyOf(children);
    }

    /** This node and every node under it, each before its children (EXPLAIN's order). */
    public List<PlanNode> nodes() {
        List<PlanNode> all = new ArrayList<>();
        addTo(all);
        return all;
    }

    private void addTo(List<PlanNode> all) {
        all.add(this);
        for (PlanNode child : children) {
            child.addTo(all);
        }
    }
}

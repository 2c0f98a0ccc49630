package org.pgj.internal.hooks;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pgj.hooks.PlanNode;
import org.pgj.hooks.QueryRelation;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;

/**
 * The planner hook's plan tree and relations, read from what hooks.c lists (PgjPlanNode,
 * PgjRelationInfo) into Java records, so that they outlive the planning.
 */
final class PlanTrees {
    private static final long NODE_SIZE = Facts.get("sizeof.PgjPlanNode");
    private static final long PARENT = Facts.get("PgjPlanNode.parent");
    private static final long NAME = Facts.get("PgjPlanNode.name");
    private static final long STARTUP_COST = Facts.get("PgjPlanNode.startup_cost");
    private static final long TOTAL_COST = Facts.get("PgjPlanNode.total_cost");
    private static final long ROWS = Facts.get("PgjPlanNode.rows");
    private static final long WIDTH = Facts.get("PgjPlanNode.width");
    private static final long RELATION = Facts.get("PgjPlanNode.relation");
    private static final long INDEX = Facts.get("PgjPlanNode.index");
    static final long RELATION_SIZE = Facts.get("sizeof.PgjRelationInfo");
    private static final long RELID = Facts.get("PgjRelationInfo.relid");
    private static final long RELKIND = Facts.get("PgjRelationInfo.relkind");
    private static final long NSPNAME = Facts.get("PgjRelationInfo.nspname");
    private static final long RELNAME = Facts.get("PgjRelationInfo.relname");

    private PlanTrees() {
    }

    /** The trees of {@code count} nodes at {@code nodes}, each listed before its children: one per root (parent -1). */
    static List<PlanNode> read(long nodes, int count) {
        List<List<Integer>> children = new ArrayList<>(count);
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(new ArrayList<>());
            int parent = Native.ALL.get(JAVA_INT, nodes + i * NODE_SIZE + PARENT);
            (parent < 0 ? roots : children.get(parent)).add(i);
        }
        List<PlanNode> trees = new ArrayList<>(roots.size());
        for (int root : roots) {
            trees.add(node(nodes, root, children));
        }
        return trees;
    }

    private static PlanNode node(long nodes, int i, List<List<Integer>> children) {
        long p = nodes + i * NODE_SIZE;
        List<PlanNode> under = new ArrayList<>(children.get(i).size());
        for (int child : children.get(i)) {
            under.add(node(nodes, child, children));
        }
        return new PlanNode(ServerEncoding.readCString(Native.ALL.get(JAVA_LONG, p + NAME)),
                Native.ALL.get(JAVA_DOUBLE, p + STARTUP_COST), Native.ALL.get(JAVA_DOUBLE, p + TOTAL_COST),
                Native.ALL.get(JAVA_DOUBLE, p + ROWS), Native.ALL.get(JAVA_INT, p + WIDTH), relation(p + RELATION),
                relation(p + INDEX), under);
    }

    /** The relation described at {@code p}; empty when there is none (relid 0), or when it was dropped meanwhile. */
    static Optional<QueryRelation> relation(long p) {
        long oid = Integer.toUnsignedLong(Native.ALL.get(JAVA_INT, p + RELID));
        long name = Native.ALL.get(JAVA_LONG, p + RELNAME);
        long schema = Native.ALL.get(JAVA_LONG, p + NSPNAME);
        if (oid == 0 || name == 0 || schema == 0) {
            return Optional.empty();
        }
        return Optional.of(new QueryRelation(oid, ServerEncoding.readCString(schema), ServerEncoding.readCString(name),
                kind((char) Native.ALL.get(JAVA_BYTE, p + RELKIND))));
    }

    private static String kind(char relkind) {
        return switch (relkind) {
            case 'r' -> "table";
            case 'p' -> "partitioned table";
            case 'v' -> "view";
            case 'm' -> "materialized view";
            case 'f' -> "foreign table";
            case 'i' -> "index";
            case 'I' -> "partitioned index";
            case 'S' -> "sequence";
            case 't' -> "toast table";
            case 'c' -> "composite type";
            default -> String.valueOf(relkind);
        };
    }
}

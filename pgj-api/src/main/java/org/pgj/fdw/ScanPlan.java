package org.pgj.fdw;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wrapper's answer to a {@link ScanRequest}: the estimated rows and costs, the quals, order and
 * LIMIT it applies itself (the server applies the other quals, sorts and limits after it), the
 * state its {@link Scan} gets back (the plan may be cached, so it is kept as strings), and lines
 * for {@code EXPLAIN VERBOSE}, after pgj's own "Pushed Down" line.
 */
public final class ScanPlan {
    private final ScanRequest request;
    private long rows = 1000;
    private double startupCost = 10;
    private double totalCost = -1;
    private final List<Qual> pushedQuals = new ArrayList<>();
    private boolean orderPushed;
    private boolean limitPushed;
    private final List<String> state = new ArrayList<>();
    private final Map<String, String> explain = new LinkedHashMap<>();

    private ScanPlan(ScanRequest request) {
        this.request = request;
    }

    /** A plan for {@code request}: 1000 rows, nothing pushed down, until told otherwise. */
    public static ScanPlan of(ScanRequest request) {
        return new ScanPlan(request);
    }

    /** The rows the scan returns, after the quals it applies. */
    public ScanPlan rows(long estimate) {
        this.rows = Math.max(estimate, 0);
        return this;
    }

    /** The cost before the first row and for all of them, in the planner's units (seq_page_cost = 1). */
    public ScanPlan costs(double startup, double total) {
        this.startupCost = startup;
        this.totalCost = total;
        return this;
    }

    /** The wrapper applies {@code qual} itself: the server does not check it again. */
    public ScanPlan push(Qual qual) {
        if (!request.quals().contains(qual)) {
            throw new IllegalArgumentException("qual " + qual + " is not one of this request's");
        }
        if (!pushedQuals.contains(qual)) {
            pushedQuals.add(qual);
        }
        return this;
    }

    /** The wrapper returns rows in {@link ScanRequest#order}: the server does not sort them again. */
    public ScanPlan pushOrder() {
        if (request.order().isEmpty()) {
            throw new IllegalStateException("the request wants no order");
        }
        orderPushed = true;
        return this;
    }

    /**
     * The wrapper returns at most {@link ScanRequest#limit} rows. Only a scan that applies every
     * qual and the wanted order may: otherwise the rows it leaves out could be those the query wants.
     */
    public ScanPlan pushLimit() {
        if (request.limit() < 0) {
            throw new IllegalStateException("the request has no LIMIT that applies to this table");
        }
        if (pushedQuals.size() != request.quals().size() || (!request.order().isEmpty() && !orderPushed)) {
            throw new IllegalStateException("a LIMIT can be pushed down only with every qual and the order");
        }
        limitPushed = true;
        return this;
    }

    /** Strings the scan gets back in {@link Scan#state} (a remote query, say). */
    public ScanPlan state(String... values) {
        Collections.addAll(state, values);
        return this;
    }

    /** A line of {@code EXPLAIN VERBOSE}: {@code label: value}. */
    public ScanPlan explain(String label, String value) {
        explain.put(label, value);
        return this;
    }

    public ScanRequest request() {
        return request;
    }

    public long rows() {
        return rows;
    }

    public double startupCost() {
        return startupCost;
    }

    /** The total cost: by default the startup cost plus 0.01 per row. */
    public double totalCost() {
        return totalCost >= 0 ? totalCost : startupCost + rows * 0.01;
    }

    public List<Qual> pushedQuals() {
        return List.copyOf(pushedQuals);
    }

    public boolean orderPushed() {
        return orderPushed;
    }

    public boolean limitPushed() {
        return limitPushed;
    }

    public List<String> state() {
        return List.copyOf(state);
    }

    public Map<String, String> explainLines() {
        return Collections.unmodifiableMap(explain);
    }
}

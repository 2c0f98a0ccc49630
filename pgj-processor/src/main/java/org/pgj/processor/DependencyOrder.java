package org.pgj.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.pgj.functions.ExtensionSql.Position;

/**
 * Puts the {@link DependencyGraph}'s objects in install order, a topological order of its edges:
 * <ul>
 * <li>{@code FIRST} blocks come before every other object, except the types they name (with the
 *     types those use), which come before them; {@code LAST} blocks come after every other object.
 *     A {@code FIRST} block that names anything else, or an object that names a {@code LAST}
 *     block, is an error;
 * <li>among objects that nothing orders, types come before the rest, and otherwise each keeps its
 *     {@link SourceOrder}, so the script does not depend on the order javac reads the sources;
 * <li>a schema comes just before the first object declared in it;
 * <li>a cycle is an error naming the objects on it.
 * </ul>
 */
final class DependencyOrder {
    private static final Comparator<ScriptObject> READY = Comparator
            .comparingInt(DependencyOrder::rank)
            .thenComparing(ScriptObject::order)
            .thenComparing(ScriptObject::name);

    private final Reporter reporter;

    DependencyOrder(Reporter reporter) {
        this.reporter = reporter;
    }

    /** The objects in install order; reports impossible positions and cycles. */
    List<ScriptObject> order(DependencyGraph graph) {
        List<ScriptObject> objects = graph.nodes().stream().filter(o -> !(o instanceof SqlSchema)).toList();
        Map<ScriptObject, Position> segment = new IdentityHashMap<>();
        for (ScriptObject o : objects) {
            segment.put(o, o.position());
        }
        for (ScriptObject o : objects) {
            if (o.position() == Position.FIRST) {
                for (ScriptObject needed : graph.reachableFrom(o)) {
                    if (isType(needed)) {
                        segment.put(needed, Position.FIRST);
                    }
                }
            }
        }
        for (ScriptObject o : objects) {
            for (DependencyGraph.Edge e : graph.edgesFrom(o)) {
                Position from = segment.get(o);
                Position to = segment.get(e.to());
                if (to != null && to.compareTo(from) > 0) {
                    reporter.error(o.element(), o.describe() + " (" + from + ") cannot come after "
                            + e.to().describe() + " (" + to + ")");
                }
            }
        }
        List<ScriptObject> result = new ArrayList<>();
        Set<ScriptObject> emitted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Position position : Position.values()) {
            List<ScriptObject> group = objects.stream().filter(o -> segment.get(o) == position).toList();
            for (ScriptObject o : sort(group, graph)) {
                // A schema goes in just before the first object that needs it.
                for (DependencyGraph.Edge e : graph.edgesFrom(o)) {
                    if (e.to() instanceof SqlSchema && emitted.add(e.to())) {
                        result.add(e.to());
                    }
                }
                emitted.add(o);
                result.add(o);
            }
        }
        return result;
    }

    private static boolean isType(ScriptObject o) {
        return o instanceof SqlCompositeType || o instanceof SqlEnumType || o instanceof SqlBaseType;
    }

    /** Types first among objects that are ready at once: functions use them without naming them. */
    private static int rank(ScriptObject o) {
        return isType(o) ? 0 : 1;
    }

    /**
     * Kahn's algorithm over the edges within {@code group} (an earlier group is placed already),
     * always taking the first ready object by {@link #READY}.
     */
    private List<ScriptObject> sort(List<ScriptObject> group, DependencyGraph graph) {
        Set<ScriptObject> members = Collections.newSetFromMap(new IdentityHashMap<>());
        members.addAll(group);
        Map<ScriptObject, List<ScriptObject>> before = new IdentityHashMap<>();
        Map<ScriptObject, Integer> waiting = new IdentityHashMap<>();
        Map<ScriptObject, List<ScriptObject>> after = new IdentityHashMap<>();
        PriorityQueue<ScriptObject> ready = new PriorityQueue<>(READY);
        for (ScriptObject o : group) {
            List<ScriptObject> deps = graph.edgesFrom(o).stream().map(DependencyGraph.Edge::to)
                    .filter(members::contains).toList();
            before.put(o, deps);
            waiting.put(o, deps.size());
            deps.forEach(d -> after.computeIfAbsent(d, k -> new ArrayList<>()).add(o));
            if (deps.isEmpty()) {
                ready.add(o);
            }
        }
        List<ScriptObject> sorted = new ArrayList<>();
        while (!ready.isEmpty()) {
            ScriptObject next = ready.poll();
            sorted.add(next);
            for (ScriptObject o : after.getOrDefault(next, List.of())) {
                if (waiting.merge(o, -1, Integer::sum) == 0) {
                    ready.add(o);
                }
            }
        }
        if (sorted.size() < group.size()) {
            reportCycle(group, sorted, before);
        }
        return sorted;
    }

    /** Every object left over waits on another left-over one, so walking those links must loop. */
    private void reportCycle(List<ScriptObject> group, List<ScriptObject> sorted, Map<ScriptObject, List<ScriptObject>> before) {
        Set<ScriptObject> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        placed.addAll(sorted);
        ScriptObject start = group.stream().filter(o -> !placed.contains(o)).min(READY).orElseThrow();
        Map<ScriptObject, Integer> seen = new LinkedHashMap<>();
        List<ScriptObject> path = new ArrayList<>();
        ScriptObject current = start;
        while (!seen.containsKey(current)) {
            seen.put(current, path.size());
            path.add(current);
            current = before.get(current).stream().filter(o -> !placed.contains(o)).min(READY).orElseThrow();
        }
        List<ScriptObject> cycle = new ArrayList<>(path.subList(seen.get(current), path.size()));
        cycle.add(current);
        StringBuilder text = new StringBuilder();
        for (ScriptObject o : cycle) {
            text.append(text.isEmpty() ? "" : " -> ").append(o.name());
        }
        for (ScriptObject o : cycle.subList(0, cycle.size() - 1)) {
            reporter.error(o.element(), "dependency cycle: " + text + " (each must come after the next), through "
                    + o.describe());
        }
    }
}

package org.pgj.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.pgj.functions.ExtensionSql.Position;

/**
 * Puts the script objects in install order: FIRST blocks, then functions and ORDERED blocks,
 * then LAST blocks. Within each group, {@code requires} and {@code after} are honoured and
 * otherwise objects keep their {@link SourceOrder}, so the result is deterministic.
 */
final class DependencyOrder {
    private static final Comparator<ScriptObject> SOURCE =
            Comparator.comparing(ScriptObject::order).thenComparing(ScriptObject::name);

    private final Reporter reporter;

    DependencyOrder(Reporter reporter) {
        this.reporter = reporter;
    }

    /** The objects in install order; reports unknown names, impossible positions and cycles. */
    List<ScriptObject> order(List<? extends ScriptObject> objects) {
        Map<String, List<ScriptObject>> byName = new HashMap<>();
        for (ScriptObject o : objects) {
            byName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
        }
        // Edges only within a group: an earlier group already comes first.
        Map<ScriptObject, Set<ScriptObject>> before = new IdentityHashMap<>();
        for (ScriptObject o : objects) {
            Set<ScriptObject> deps = new LinkedHashSet<>();
            for (String name : o.dependencies()) {
                List<ScriptObject> targets = byName.get(name);
                if (targets == null) {
                    reporter.error(o.element(), o.describe() + " must come after unknown object '" + name
                            + "'" + hint(name, byName.keySet()));
                    continue;
                }
                // A type and a function may share a name (version() makes a version); a type
                // depends on the type, which an earlier group places already.
                if (targets.stream().anyMatch(t -> t.position().compareTo(o.position()) <= 0)) {
                    targets = targets.stream().filter(t -> t.position().compareTo(o.position()) <= 0).toList();
                }
                for (ScriptObject t : targets) {
                    int cmp = t.position().compareTo(o.position());
                    if (cmp > 0) {
                        reporter.error(o.element(), o.describe() + " (" + o.position() + ") cannot come after "
                                + t.describe() + " (" + t.position() + ")");
                    } else if (cmp == 0 && t != o) {
                        deps.add(t);
                    }
                }
            }
            before.put(o, deps);
        }
        List<ScriptObject> result = new ArrayList<>();
        for (Position position : Position.values()) {
            List<ScriptObject> group = objects.stream().filter(o -> o.position() == position)
                    .map(o -> (ScriptObject) o).toList();
            result.addAll(sort(group, before));
        }
        return result;
    }

    /** Functions in a schema are known by their qualified name, which is the usual slip. */
    private static String hint(String name, Set<String> known) {
        List<String> qualified = known.stream().filter(k -> k.endsWith("." + name)).sorted().toList();
        return qualified.isEmpty()
                ? "; known objects: " + String.join(", ", new TreeSet<>(known))
                : "; did you mean " + String.join(" or ", qualified.stream().map(q -> "'" + q + "'").toList()) + "?";
    }

    /** Kahn's algorithm, always taking the earliest-declared ready object. */
    private List<ScriptObject> sort(List<ScriptObject> group, Map<ScriptObject, Set<ScriptObject>> before) {
        Map<ScriptObject, Integer> waiting = new IdentityHashMap<>();
        Map<ScriptObject, List<ScriptObject>> after = new IdentityHashMap<>();
        PriorityQueue<ScriptObject> ready = new PriorityQueue<>(SOURCE);
        for (ScriptObject o : group) {
            waiting.put(o, before.get(o).size());
            for (ScriptObject dep : before.get(o)) {
                after.computeIfAbsent(dep, k -> new ArrayList<>()).add(o);
            }
            if (before.get(o).isEmpty()) {
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
    private void reportCycle(List<ScriptObject> group, List<ScriptObject> sorted,
                             Map<ScriptObject, Set<ScriptObject>> before) {
        Set<ScriptObject> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        placed.addAll(sorted);
        ScriptObject start = group.stream().filter(o -> !placed.contains(o)).min(SOURCE).orElseThrow();
        Map<ScriptObject, Integer> seen = new LinkedHashMap<>();
        List<ScriptObject> path = new ArrayList<>();
        ScriptObject current = start;
        while (!seen.containsKey(current)) {
            seen.put(current, path.size());
            path.add(current);
            current = before.get(current).stream().filter(o -> !placed.contains(o)).min(SOURCE).orElseThrow();
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

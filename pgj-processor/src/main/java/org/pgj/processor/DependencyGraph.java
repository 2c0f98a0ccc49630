package org.pgj.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The install script's objects and what each must come after, as pgrx's entity graph has them:
 * edges are inferred from what an object uses (the types of its arguments, result, attributes
 * and state, an aggregate's support functions and sort operator, an operator's estimators, the
 * schema it is declared in), and added for what it names ({@code requires}, {@code after}).
 * Schemas become nodes of their own. Unknown names are reported on the object that names them.
 */
final class DependencyGraph {
    /** Why an object comes after another; the label of the edge in {@code pgj schema --dot}. */
    enum Reason {
        /** It uses a type the script creates. */
        TYPE("type"),
        /** An aggregate's support function, or an operator's estimator. */
        FUNCTION("function"),
        /** An aggregate's sort operator, or an operator of an operator class. */
        OPERATOR("operator"),
        /** It is declared in a schema the script creates. */
        SCHEMA("schema"),
        /** Its declaration names it: {@code requires} or {@code after}. */
        REQUIRES("requires");

        final String label;

        Reason(String label) {
            this.label = label;
        }
    }

    /** {@code from} comes after {@code to}. */
    record Edge(ScriptObject from, ScriptObject to, Reason reason) {
    }

    private final List<ScriptObject> nodes;
    private final Map<ScriptObject, List<Edge>> edges;

    private DependencyGraph(List<ScriptObject> nodes, Map<ScriptObject, List<Edge>> edges) {
        this.nodes = nodes;
        this.edges = edges;
    }

    /** Every object, schemas first, then in the order given. */
    List<ScriptObject> nodes() {
        return nodes;
    }

    /** What {@code object} comes after, inferred edges first, each target once. */
    List<Edge> edgesFrom(ScriptObject object) {
        return edges.getOrDefault(object, List.of());
    }

    /**
     * The graph of {@code objects}; {@code ownSchema} is the extension's schema (or empty), which
     * exists before the script runs and so is no node.
     */
    static DependencyGraph of(List<? extends ScriptObject> objects, String ownSchema, Reporter reporter) {
        Map<String, SqlSchema> schemas = new LinkedHashMap<>();
        for (ScriptObject o : objects) {
            schemaOf(o).filter(s -> !s.equals(ownSchema)).ifPresent(s -> schemas.computeIfAbsent(s, SqlSchema::new));
        }
        List<ScriptObject> nodes = new ArrayList<>(schemas.values());
        nodes.addAll(objects);
        Builder b = new Builder(objects, schemas, reporter);
        for (ScriptObject o : objects) {
            b.infer(o);
        }
        return new DependencyGraph(List.copyOf(nodes), b.edges);
    }

    /** The schema a function or aggregate is declared in; types and blocks have none of their own. */
    static Optional<String> schemaOf(ScriptObject o) {
        String schema = switch (o) {
            case SqlFunction fn -> fn.schema();
            case SqlAggregate a -> a.schema();
            default -> "";
        };
        return schema.isEmpty() ? Optional.empty() : Optional.of(schema);
    }

    private static final class Builder {
        private final Map<ScriptObject, List<Edge>> edges = new IdentityHashMap<>();
        private final Map<String, List<ScriptObject>> byName = new HashMap<>();
        private final Map<String, ScriptObject> typesByName = new HashMap<>();
        private final List<SqlFunction> functions = new ArrayList<>();
        private final Map<String, SqlSchema> schemas;
        private final Reporter reporter;

        Builder(List<? extends ScriptObject> objects, Map<String, SqlSchema> schemas, Reporter reporter) {
            this.schemas = schemas;
            this.reporter = reporter;
            for (ScriptObject o : objects) {
                byName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
                switch (o) {
                    case SqlCompositeType t -> typesByName.putIfAbsent(t.name(), t);
                    case SqlEnumType t -> typesByName.putIfAbsent(t.name(), t);
                    case SqlBaseType t -> typesByName.putIfAbsent(t.name(), t);
                    case SqlFunction fn -> functions.add(fn);
                    default -> {
                    }
                }
            }
        }

        void infer(ScriptObject o) {
            switch (o) {
                case SqlFunction fn -> {
                    fn.types().forEach(t -> type(fn, t));
                    fn.arguments().forEach(a -> types(fn, a.sqlType()));
                    if (!fn.procedure()) {
                        types(fn, fn.returnType());
                    }
                    fn.operator().ifPresent(op -> Stream.of(op.restrict(), op.join())
                            .forEach(estimator -> functions(fn, estimator, Reason.FUNCTION)));
                }
                case SqlAggregate a -> {
                    Stream.concat(a.directArguments().stream(), a.arguments().stream()).forEach(arg -> types(a, arg.sqlType()));
                    types(a, a.stateType());
                    a.moving().ifPresent(m -> types(a, m.stateType()));
                    a.supportFunctions().forEach(f -> functions(a, f, Reason.FUNCTION));
                    sortOperator(a);
                }
                case SqlOperatorClass c -> {
                    types(c, c.type());
                    types(c, c.storage());
                    c.supportFunctions().forEach(f -> functions(c, f, Reason.FUNCTION));
                    c.functions().values().forEach(f -> functions(c, f.substring(0, f.indexOf('(')).strip(), Reason.FUNCTION));
                    c.operators().values().forEach(op -> operator(c, SqlOperatorClass.symbol(op)));
                }
                case SqlCompositeType t -> {
                    t.nestedTypes().forEach(n -> type(t, n));
                    t.columns().forEach(c -> types(t, c.sqlType()));
                }
                default -> {
                }
            }
            schemaOf(o).map(schemas::get).ifPresent(s -> add(o, s, Reason.SCHEMA));
            for (String name : o.requires()) {
                List<ScriptObject> targets = byName.get(name);
                if (targets == null) {
                    reporter.error(o.element(), o.describe() + " must come after unknown object '" + name + "'"
                            + hint(name, byName.keySet()));
                    continue;
                }
                targets.forEach(t -> add(o, t, Reason.REQUIRES));
            }
        }

        private void types(ScriptObject o, String sqlType) {
            SqlTypeReferences.in(sqlType).forEach(name -> type(o, name));
        }

        private void type(ScriptObject o, String name) {
            ScriptObject type = typesByName.get(name);
            if (type != null) {
                add(o, type, Reason.TYPE);
            }
        }

        /** Functions of the script by name, as SQL writes them (a built-in one is none of them). */
        private void functions(ScriptObject o, String name, Reason reason) {
            if (name.isEmpty()) {
                return;
            }
            String unquoted = name.replace("\"", "");
            functions.stream().filter(f -> f.name().equals(unquoted)).forEach(f -> add(o, f, reason));
        }

        /** {@code SORTOP}: the operator of that symbol on the aggregate's argument type, if the script creates it. */
        private void sortOperator(SqlAggregate a) {
            if (a.sortOperator().isEmpty() || a.arguments().size() != 1) {
                return;
            }
            String argument = TypeMapping.signatureForm(a.arguments().getFirst().sqlType());
            for (SqlFunction fn : functions) {
                fn.operator().filter(op -> op.symbol().equals(a.sortOperator())
                        && TypeMapping.signatureForm(op.leftArg()).equals(argument)
                        && TypeMapping.signatureForm(op.rightArg()).equals(argument))
                        .ifPresent(op -> add(a, fn, Reason.OPERATOR));
            }
        }

        /** An operator class's operator: every operator of that symbol the script creates. */
        private void operator(SqlOperatorClass c, String symbol) {
            for (SqlFunction fn : functions) {
                fn.operator().filter(op -> op.symbol().equals(symbol)).ifPresent(op -> add(c, fn, Reason.OPERATOR));
            }
        }

        private void add(ScriptObject from, ScriptObject to, Reason reason) {
            if (from == to) {
                return;
            }
            List<Edge> list = edges.computeIfAbsent(from, k -> new ArrayList<>());
            if (list.stream().noneMatch(e -> e.to() == to)) {
                list.add(new Edge(from, to, reason));
            }
        }

        /** Functions in a schema are known by their qualified name, which is the usual slip. */
        private static String hint(String name, Set<String> known) {
            List<String> qualified = known.stream().filter(k -> k.endsWith("." + name)).sorted().toList();
            return qualified.isEmpty()
                    ? "; known objects: " + String.join(", ", new TreeSet<>(known))
                    : "; did you mean " + String.join(" or ", qualified.stream().map(q -> "'" + q + "'").toList()) + "?";
        }
    }

    /** Every object {@code start} comes after, directly or not (not itself, unless through a cycle). */
    Set<ScriptObject> reachableFrom(ScriptObject start) {
        Set<ScriptObject> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<ScriptObject> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            for (Edge e : edgesFrom(todo.removeLast())) {
                if (seen.add(e.to())) {
                    todo.add(e.to());
                }
            }
        }
        return seen;
    }
}

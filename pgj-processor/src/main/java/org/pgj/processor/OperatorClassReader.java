package org.pgj.processor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import org.pgj.functions.Security;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;
import org.pgj.indexes.GinSupport;
import org.pgj.indexes.GinSupport.Role;
import org.pgj.indexes.IndexFunction;
import org.pgj.indexes.IndexMethod;
import org.pgj.indexes.IndexOperator;
import org.pgj.indexes.IndexSupport;
import org.pgj.indexes.PgOperatorClass;
import org.pgj.internal.settings.SnakeCase;

/**
 * Reads one {@code @PgOperatorClass} class into its {@link SqlOperatorClass} and, for GIN, the
 * functions of its {@code @GinSupport} methods: each declared with the arguments GIN passes (the
 * pointers as {@code internal}, no names, as C support functions are), IMMUTABLE STRICT, its
 * body naming the class and the role ({@code 'com.example.WordIndex::gin_extract_value'}, which
 * pgj-api's {@code GinSupportFunctions} implements). The method shapes are checked here, so a
 * wrong one fails the build rather than the first index build.
 */
final class OperatorClassReader {
    private static final String GIN_CHECK = "org.pgj.indexes.GinCheck";
    private static final String GIN_TRI_CHECK = "org.pgj.indexes.GinTriCheck";
    private static final String GIN_QUERY = "org.pgj.indexes.GinQuery";
    private static final String GIN_TERNARY = "org.pgj.indexes.GinTernary";

    private final JavaTypeNames names;
    private final Reporter reporter;

    /** One operator class and the functions the script creates for it. */
    record OperatorClass(List<SqlFunction> functions, SqlOperatorClass operatorClass) {
    }

    OperatorClassReader(JavaTypeNames names, Reporter reporter) {
        this.names = names;
        this.reporter = reporter;
    }

    Optional<OperatorClass> read(TypeElement type) {
        PgOperatorClass pg = type.getAnnotation(PgOperatorClass.class);
        String key = names.binaryName(type);
        String sqlName = SnakeCase.unlessNamed(pg.name(), type.getSimpleName().toString());
        String what = "@PgOperatorClass " + key;
        boolean gin = pg.method() == IndexMethod.GIN;
        String forType = pg.type().strip();
        if (forType.isEmpty()) {
            reporter.error(type, what + ": type is blank; name the indexed column's SQL type, as type = \"text\"");
            return Optional.empty();
        }
        if (!gin && !pg.storage().isBlank()) {
            reporter.error(type, what + ": storage is GIN's; a " + pg.method() + " index stores the values themselves");
        }
        String storage = gin ? (pg.storage().isBlank() ? forType : pg.storage().strip()) : "";
        String query = pg.queryType().isBlank() ? forType : pg.queryType().strip();
        Map<Integer, String> operators = new TreeMap<>();
        for (IndexOperator op : pg.operators()) {
            String symbol = SqlOperatorClass.symbol(op.operator());
            if (op.strategy() < 1) {
                reporter.error(type, what + ": strategy " + op.strategy() + " of " + op.operator() + " is not a positive number");
            } else if (symbol.isEmpty() || symbol.chars().anyMatch(c -> SqlOperator.SYMBOL_CHARS.indexOf(c) < 0)) {
                reporter.error(type, what + ": '" + op.operator() + "' is not an operator; write its symbol, as \"~++\","
                        + " or its symbol and argument types, as \"&&(text, text[])\"");
            } else if (operators.putIfAbsent(op.strategy(), op.operator().strip()) != null) {
                reporter.error(type, what + ": two operators have strategy " + op.strategy());
            }
        }
        Map<Integer, String> functions = new TreeMap<>();
        for (IndexFunction fn : pg.functions()) {
            if (fn.number() < 1 || !fn.function().contains("(") || !fn.function().strip().endsWith(")")) {
                reporter.error(type, what + ": FUNCTION " + fn.number() + " '" + fn.function() + "' is not a support function;"
                        + " write a positive number and the function with its argument types, as \"bttextcmp(text, text)\"");
            } else if (functions.putIfAbsent(fn.number(), fn.function().strip()) != null) {
                reporter.error(type, what + ": two support functions have number " + fn.number());
            }
        }
        Map<Role, SqlFunction> roles = new EnumMap<>(Role.class);
        Map<Integer, SqlFunction> numbered = new TreeMap<>();
        int index = 0;
        for (Element member : type.getEnclosedElements()) {
            IndexSupport indexSupport = member.getAnnotation(IndexSupport.class);
            if (indexSupport != null && member instanceof ExecutableElement method) {
                index++;
                if (functions.containsKey(indexSupport.value()) || numbered.containsKey(indexSupport.value())) {
                    reporter.error(method, what + ": support function " + indexSupport.value() + " is declared twice");
                    continue;
                }
                int order = index;
                indexFunction(key, sqlName, method, indexSupport, pg.method(), forType, order)
                        .ifPresent(f -> numbered.put(indexSupport.value(), f));
                continue;
            }
            GinSupport support = member.getAnnotation(GinSupport.class);
            if (support == null || !(member instanceof ExecutableElement method)) {
                continue;
            }
            index++;
            if (!gin) {
                reporter.error(method, what + ": @GinSupport methods belong to a GIN operator class, and this one is "
                        + pg.method());
                continue;
            }
            if (roles.containsKey(support.value())) {
                reporter.error(method, what + ": a second @GinSupport(" + support.value() + ") method");
                continue;
            }
            if (functions.containsKey(support.value().number)) {
                reporter.error(method, what + ": support function " + support.value().number + " is both "
                        + functions.get(support.value().number) + " in functions and this @GinSupport(" + support.value() + ")");
                continue;
            }
            function(type, key, sqlName, method, support, forType, storage, query, index)
                    .ifPresent(f -> roles.put(support.value(), f));
        }
        if (gin && !reporter.hasErrors()) {
            for (Role required : List.of(Role.EXTRACT_VALUE, Role.EXTRACT_QUERY)) {
                if (!roles.containsKey(required)) {
                    reporter.error(type, what + ": a GIN operator class needs a @GinSupport(" + required + ") method");
                }
            }
            if (!roles.containsKey(Role.CONSISTENT) && !roles.containsKey(Role.TRI_CONSISTENT)) {
                reporter.error(type, what + ": a GIN operator class needs a @GinSupport(CONSISTENT) or"
                        + " @GinSupport(TRI_CONSISTENT) method");
            }
        }
        roles.forEach((role, fn) -> numbered.put(role.number, fn));
        numbered.forEach((number, fn) -> functions.put(number, SqlIdentifiers.quote(fn.sqlName())
                + fn.arguments().stream().map(SqlFunction.Argument::sqlType).collect(java.util.stream.Collectors.joining(", ", "(", ")"))));
        List<SqlFunction> own = List.copyOf(numbered.values());
        return Optional.of(new OperatorClass(own, new SqlOperatorClass(type, sqlName, pg.method(), forType, storage,
                pg.isDefault(), operators, functions, own.stream().map(SqlFunction::name).toList(), key,
                new SourceOrder(key, Integer.MAX_VALUE))));
    }

    /** The SQL function of one {@code @GinSupport} method, if its shape fits its role. */
    private Optional<SqlFunction> function(TypeElement type, String key, String opclass, ExecutableElement method,
            GinSupport support, String forType, String storage, String query, int index) {
        String what = "@GinSupport(" + support.value() + ") " + key + "." + method.getSimpleName();
        if (!method.getModifiers().contains(Modifier.PUBLIC) || !method.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(method, what + " must be public static");
            return Optional.empty();
        }
        List<? extends VariableElement> p = method.getParameters();
        String result = names.of(method.getReturnType());
        List<String> arguments;
        String returns;
        switch (support.value()) {
            case EXTRACT_VALUE -> {
                if (!shape(method, what, p.size() == 1 && result.equals("java.util.List"), "List<K> f(V value)")) {
                    return Optional.empty();
                }
                arguments = List.of(declared(p.get(0), forType), "internal", "internal");
                returns = "internal";
            }
            case EXTRACT_QUERY -> {
                if (!shape(method, what, p.size() == 2 && result.equals(GIN_QUERY) && is(p.get(1), "int"),
                        "GinQuery<K> f(Q query, int strategy)")) {
                    return Optional.empty();
                }
                arguments = List.of(declared(p.get(0), query), "internal", "int2", "internal", "internal", "internal",
                        "internal");
                returns = "internal";
            }
            case CONSISTENT, TRI_CONSISTENT -> {
                boolean tri = support.value() == Role.TRI_CONSISTENT;
                if (!shape(method, what, (p.size() == 1 || p.size() == 2) && is(p.get(0), tri ? GIN_TRI_CHECK : GIN_CHECK)
                        && result.equals(tri ? GIN_TERNARY : "boolean"), tri
                        ? "GinTernary f(GinTriCheck<K> check), or f(GinTriCheck<K> check, Q query)"
                        : "boolean f(GinCheck<K> check), or f(GinCheck<K> check, Q query)")) {
                    return Optional.empty();
                }
                String queryArgument = p.size() == 2 ? declared(p.get(1), query) : query;
                arguments = tri ? List.of("internal", "int2", queryArgument, "int4", "internal", "internal", "internal")
                        : List.of("internal", "int2", queryArgument, "int4", "internal", "internal", "internal", "internal");
                returns = tri ? "\"char\"" : "boolean";
            }
            case COMPARE -> {
                if (!shape(method, what, p.size() == 2 && result.equals("int"), "int f(K a, K b)")) {
                    return Optional.empty();
                }
                arguments = List.of(storage, storage);
                returns = "integer";
            }
            case COMPARE_PARTIAL -> {
                if (!shape(method, what, p.size() == 4 && result.equals("int") && is(p.get(2), "int")
                        && is(p.get(3), "java.lang.Object"), "int f(K partialKey, K key, int strategy, Object extra)")) {
                    return Optional.empty();
                }
                arguments = List.of(storage, storage, "int2", "internal");
                returns = "integer";
            }
            default -> throw new IllegalStateException(support.value().toString());
        }
        String sqlName = support.name().isBlank()
                ? opclass + "_" + support.value().name().toLowerCase(Locale.ROOT) : support.name().strip();
        // The body format GinSupportFunctions.isRole recognises: class::gin_<role>.
        String target = key + "::gin_" + support.value().name().toLowerCase(Locale.ROOT);
        return Optional.of(supportFunction(method, sqlName, arguments, returns, support.parallel(), target, key, index));
    }

    /** A support function as C extensions declare theirs: unnamed arguments, IMMUTABLE STRICT. */
    private static SqlFunction supportFunction(ExecutableElement method, String sqlName, List<String> arguments, String returns,
            org.pgj.functions.Parallel parallel, String target, String key, int index) {
        List<SqlFunction.Argument> sqlArguments = new ArrayList<>();
        arguments.forEach(a -> sqlArguments.add(new SqlFunction.Argument("", a, null, SqlFunction.Mode.IN)));
        return new SqlFunction(method, false, "", sqlName, List.copyOf(sqlArguments), returns, Volatility.IMMUTABLE, true,
                parallel, OptionalDouble.empty(), Security.INVOKER, List.of(), List.of(), List.of(), target,
                new SourceOrder(key, index), Optional.empty(), Optional.empty());
    }

    /**
     * The SQL function of one {@code @IndexSupport} method of a btree or hash class: an ordinary
     * function over the class's type (its body the method, as a {@code @PgFunction}'s), if the
     * number is one the method has and the method has that number's shape.
     */
    private Optional<SqlFunction> indexFunction(String key, String opclass, ExecutableElement method, IndexSupport support,
            IndexMethod indexMethod, String forType, int index) {
        String what = "@IndexSupport(" + support.value() + ") " + key + "." + method.getSimpleName();
        if (indexMethod == IndexMethod.GIN) {
            reporter.error(method, what + ": a GIN class's support functions are @GinSupport methods");
            return Optional.empty();
        }
        if (!method.getModifiers().contains(Modifier.PUBLIC) || !method.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(method, what + " must be public static");
            return Optional.empty();
        }
        List<? extends VariableElement> p = method.getParameters();
        String result = names.of(method.getReturnType());
        boolean sameTypes = p.size() == 2 && names.of(p.get(0).asType()).equals(names.of(p.get(1).asType()));
        List<String> arguments;
        String returns;
        String role;
        if (indexMethod == IndexMethod.BTREE && support.value() == 1) {
            if (!shape(method, what, sameTypes && result.equals("int"), "int compare(V a, V b)")) {
                return Optional.empty();
            }
            arguments = List.of(forType, forType);
            returns = "integer";
            role = "compare";
        } else if (indexMethod == IndexMethod.HASH && support.value() == 1) {
            if (!shape(method, what, p.size() == 1 && result.equals("int"), "int hash(V value)")) {
                return Optional.empty();
            }
            arguments = List.of(forType);
            returns = "integer";
            role = "hash";
        } else if (indexMethod == IndexMethod.HASH && support.value() == 2) {
            if (!shape(method, what, p.size() == 2 && is(p.get(1), "long") && result.equals("long"),
                    "long hash(V value, long seed)")) {
                return Optional.empty();
            }
            arguments = List.of(forType, "bigint");
            returns = "bigint";
            role = "hash_extended";
        } else {
            reporter.error(method, what + ": pgj writes support function 1 of a btree class (int compare(V a, V b)) and"
                    + " 1 and 2 of a hash class (int hash(V value), long hash(V value, long seed)); name others, which"
                    + " exist in SQL, in functions");
            return Optional.empty();
        }
        String sqlName = support.name().isBlank() ? opclass + "_" + role : support.name().strip();
        return Optional.of(supportFunction(method, sqlName, arguments, returns, org.pgj.functions.Parallel.SAFE,
                names.target(method), key, index));
    }

    private boolean shape(ExecutableElement method, String what, boolean fits, String shape) {
        if (!fits) {
            reporter.error(method, what + " does not have the shape of its role: " + shape);
        }
        return fits;
    }

    private boolean is(VariableElement parameter, String typeName) {
        return names.of(parameter.asType()).equals(typeName);
    }

    /**
     * The SQL type of the value or query argument: the class's type, or {@code internal} where the
     * parameter says {@code @SqlType("internal")}, as some C extensions declare it.
     */
    private String declared(VariableElement parameter, String sqlType) {
        SqlType override = parameter.getAnnotation(SqlType.class);
        if (override == null) {
            return sqlType;
        }
        if (!override.value().strip().equals("internal")) {
            reporter.error(parameter, "@SqlType on a GIN support function's value or query may only say \"internal\";"
                    + " the type itself is the operator class's (type, queryType)");
        }
        return "internal";
    }
}

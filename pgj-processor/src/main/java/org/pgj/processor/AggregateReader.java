package org.pgj.processor;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import org.pgj.aggregates.AggregateKind;
import org.pgj.aggregates.CombineFunction;
import org.pgj.aggregates.DeserialFunction;
import org.pgj.aggregates.FinalFunction;
import org.pgj.aggregates.FinalizeModify;
import org.pgj.aggregates.MovingFinalFunction;
import org.pgj.aggregates.MovingInverseFunction;
import org.pgj.aggregates.MovingStateFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.SerialFunction;
import org.pgj.aggregates.StateFunction;
import org.pgj.functions.Parallel;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgProcedure;
import org.pgj.functions.Security;
import org.pgj.functions.Strictness;
import org.pgj.functions.Volatility;
import org.pgj.internal.settings.SnakeCase;

/**
 * Reads one {@code @PgAggregate} class into its support functions and its {@link SqlAggregate},
 * reporting what PostgreSQL would refuse at {@code CREATE EXTENSION} (and what it would accept but
 * get wrong) as build errors on the class or the method.
 */
final class AggregateReader {
    /** The methods an aggregate is made of, with the suffix of their SQL names. */
    enum Role {
        STATE(StateFunction.class, "state"),
        FINAL(FinalFunction.class, "final"),
        COMBINE(CombineFunction.class, "combine"),
        SERIAL(SerialFunction.class, "serialize"),
        DESERIAL(DeserialFunction.class, "deserialize"),
        MOVING_STATE(MovingStateFunction.class, "moving_state"),
        MOVING_INVERSE(MovingInverseFunction.class, "moving_inverse"),
        MOVING_FINAL(MovingFinalFunction.class, "moving_final");

        final Class<? extends Annotation> annotation;
        final String suffix;

        Role(Class<? extends Annotation> annotation, String suffix) {
            this.annotation = annotation;
            this.suffix = suffix;
        }

        String label() {
            return "@" + annotation.getSimpleName();
        }
    }

    /** What a class gave: the support functions, then the aggregate over them. */
    record Aggregate(List<SqlFunction> functions, SqlAggregate aggregate) {
    }

    private final JavaTypeNames names;
    private final FunctionReader functions;
    private final TypeMapping mapping;
    private final Reporter reporter;

    AggregateReader(JavaTypeNames names, CompositeTypes composites, FunctionReader functions, Reporter reporter) {
        this.names = names;
        this.functions = functions;
        this.mapping = new TypeMapping(names, composites);
        this.reporter = reporter;
    }

    /**
     * A role annotation outside a {@code @PgAggregate} class, or beside {@code @PgProcedure}, is a
     * mistake. Beside {@code @PgFunction} it is not: the aggregate then uses that function as it is.
     */
    void checkMethod(ExecutableElement method) {
        Element owner = method.getEnclosingElement();
        List<Role> roles = roles(method);
        if (roles.isEmpty()) {
            return;
        }
        String what = roles.getFirst().label() + " method " + names.target(method);
        if (owner.getAnnotation(PgAggregate.class) == null) {
            reporter.error(method, what + " is not in a @PgAggregate class; annotate " + owner.getSimpleName()
                    + " with @PgAggregate");
        }
        if (method.getAnnotation(PgProcedure.class) != null) {
            reporter.error(method, what + " is also a @PgProcedure; an aggregate's support functions are functions");
        }
    }

    /**
     * @param routines the {@code @PgFunction}s read so far, by method: a role method that is one
     *                 is used as that function ({@code SFUNC = first_sfunc}) instead of a generated one
     */
    Optional<Aggregate> read(TypeElement type, Map<ExecutableElement, SqlFunction> routines) {
        PgAggregate pg = type.getAnnotation(PgAggregate.class);
        String what = "@PgAggregate " + names.binaryName(type);
        String sqlName = pg.name().isEmpty() ? SnakeCase.of(type.getSimpleName().toString()) : pg.name().trim();
        Map<Role, ExecutableElement> methods = new EnumMap<>(Role.class);
        boolean ok = true;
        if (sqlName.isEmpty()) {
            reporter.error(type, what + ": the SQL name is blank");
            ok = false;
        }
        for (Element e : type.getEnclosedElements()) {
            if (e.getKind() != ElementKind.METHOD) {
                continue;
            }
            for (Role role : roles((ExecutableElement) e)) {
                ExecutableElement earlier = methods.putIfAbsent(role, (ExecutableElement) e);
                if (earlier != null) {
                    reporter.error(e, what + " has two " + role.label() + " methods, " + earlier.getSimpleName()
                            + " and " + e.getSimpleName() + "; an aggregate has one of each");
                    ok = false;
                }
            }
            // One SQL function can fill several roles (first_sfunc is SFUNC and COMBINEFUNC); a generated one has one.
            if (roles((ExecutableElement) e).size() > 1 && e.getAnnotation(PgFunction.class) == null) {
                reporter.error(e, what + ": method " + e.getSimpleName() + " has more than one role; give each its own"
                        + " method, or make it a @PgFunction that the aggregate uses in each role");
                ok = false;
            }
        }
        ExecutableElement state = methods.get(Role.STATE);
        if (state == null) {
            reporter.error(type, what + " has no @StateFunction method: one static method S f(S state, args...)"
                    + " must say how a row changes the state");
            return Optional.empty();
        }
        if (!ok) {
            return Optional.empty();
        }
        Optional<String> stateType = stateTypeOf(what, Role.STATE, state);
        ExecutableElement movingState = methods.get(Role.MOVING_STATE);
        Optional<String> movingType = movingState == null ? Optional.empty() : stateTypeOf(what, Role.MOVING_STATE, movingState);
        if (stateType.isEmpty() || movingState != null && movingType.isEmpty()) {
            return Optional.empty();
        }
        String javaState = javaState(pg, state) ? stateType.get() : null;
        String movingJavaState = movingState != null && javaState(pg, movingState) ? movingType.get() : null;

        Map<Role, SqlFunction> read = new EnumMap<>(Role.class);
        List<SqlFunction> generated = new ArrayList<>();
        for (Map.Entry<Role, ExecutableElement> m : methods.entrySet()) {
            Role role = m.getKey();
            boolean moving = role.name().startsWith("MOVING");
            String objectState = moving ? movingJavaState : javaState;
            Optional<SqlFunction> fn;
            if (m.getValue().getAnnotation(PgFunction.class) != null) {
                if (objectState != null) {
                    reporter.error(m.getValue(), what + ": " + role.label() + " " + m.getValue().getSimpleName() + " is a"
                            + " @PgFunction, which SQL could call with any internal pointer; a Java-object state needs a"
                            + " support function of the aggregate's own: leave out @PgFunction");
                    ok = false;
                    continue;
                }
                // Read (and reported on) as the @PgFunction it is; missing when that failed.
                fn = Optional.ofNullable(routines.get(m.getValue()));
            } else {
                fn = functions.read(m.getValue(), declaration(pg, sqlName, role, objectState));
                fn.ifPresent(generated::add);
            }
            if (fn.isEmpty()) {
                ok = false;
            } else {
                read.put(role, fn.get());
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        return check(type, pg, what, sqlName, methods, read, javaState != null, movingJavaState != null)
                .map(aggregate -> new Aggregate(List.copyOf(generated), aggregate));
    }

    /** The support function's declaration: named after the aggregate, with its role's NULL handling. */
    private static FunctionReader.Declaration declaration(PgAggregate pg, String aggregate, Role role, String javaState) {
        Strictness strict = switch (role) {
            // A Java-object state starts as NULL; PostgreSQL requires a non-strict combine for internal.
            case STATE, MOVING_STATE, MOVING_INVERSE, COMBINE -> javaState != null ? Strictness.CALLED_ON_NULL_INPUT
                    : Strictness.INFER;
            case SERIAL, DESERIAL -> Strictness.STRICT;
            case FINAL, MOVING_FINAL -> Strictness.INFER;
        };
        return new FunctionReader.Declaration(role.label(), aggregate + "_" + role.suffix, pg.schema(), false,
                Volatility.VOLATILE, strict, pg.parallel(), -1, Security.INVOKER, "", pg.requires(), javaState,
                role == Role.DESERIAL);
    }

    /** The state's Java type: the state function's result, which its first parameter must share. */
    private Optional<String> stateTypeOf(String what, Role role, ExecutableElement method) {
        if (method.getParameters().isEmpty() || method.getReturnType().getKind() == TypeKind.VOID) {
            reporter.error(method, what + ": " + role.label() + " " + method.getSimpleName() + " must take the state"
                    + " first and return the new state: S " + method.getSimpleName() + "(S state, args...)");
            return Optional.empty();
        }
        String result = names.of(names.withoutOptional(method.getReturnType()));
        String first = names.of(names.withoutOptional(method.getParameters().getFirst().asType()));
        if (!result.equals(first)) {
            reporter.error(method, what + ": " + role.label() + " " + method.getSimpleName() + " returns " + result
                    + " but its first parameter, the state, is " + first + "; they must be one type");
            return Optional.empty();
        }
        return Optional.of(result);
    }

    /** A state stays a Java object when asked to, or when its type has no SQL type. */
    private boolean javaState(PgAggregate pg, ExecutableElement stateFunction) {
        return pg.javaState() || mapping.parameter(names.withoutOptional(stateFunction.getReturnType())).isEmpty();
    }

    private static List<Role> roles(ExecutableElement method) {
        List<Role> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            if (method.getAnnotation(role.annotation) != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** The shapes and options PostgreSQL checks, checked here first; the aggregate when all hold. */
    private Optional<SqlAggregate> check(TypeElement type, PgAggregate pg, String what, String sqlName,
            Map<Role, ExecutableElement> methods, Map<Role, SqlFunction> fns, boolean javaState, boolean movingJavaState) {
        Checks c = new Checks(what, methods);
        AggregateKind kind = pg.kind();
        boolean orderedSet = kind != AggregateKind.NORMAL;
        SqlFunction state = fns.get(Role.STATE);
        String stype = state.arguments().getFirst().sqlType();
        List<SqlFunction.Argument> aggregated = state.arguments().subList(1, state.arguments().size());
        List<SqlFunction.Argument> direct = List.of();
        Optional<SqlFunction> fin = Optional.ofNullable(fns.get(Role.FINAL));
        String resultType = fin.map(SqlFunction::returnType).orElse(stype);

        c.require(initialCondition(pg.initialCondition()).isEmpty() || !javaState, Role.STATE,
                "initialCondition is for a state of a SQL type; a Java-object state starts as null");
        c.require(pg.initialCondition().length <= 1 && pg.movingInitialCondition().length <= 1, null,
                "initialCondition and movingInitialCondition take at most one value");
        boolean hasInitial = pg.initialCondition().length == 1;
        c.require(hasInitial || !state.strict() || aggregated.size() == 1 && same(aggregated.getFirst().sqlType(), stype),
                Role.STATE, "the state function is strict (no parameter can be NULL) and the state starts as NULL, which"
                        + " PostgreSQL allows only when the state has the argument's type; give an initialCondition, or"
                        + " let the state parameter be NULL (a box or an Optional)");
        boolean extra = pg.finalFunctionExtra();
        int extras = extra ? aggregated.size() : 0;
        c.require(!extra || fin.isPresent(), null, "finalFunctionExtra needs a @FinalFunction");
        fin.ifPresent(f -> {
            c.require(same(f.arguments().getFirst().sqlType(), stype), Role.FINAL, "its first parameter must be the state");
            c.require(orderedSet || f.arguments().size() == 1 + extras, Role.FINAL, extra
                    ? "with finalFunctionExtra, the final function of a normal aggregate takes the state and then one"
                            + " parameter per aggregated argument, of its type"
                    : "the final function of a normal aggregate takes only the state");
            if (extra && f.arguments().size() >= 1 + extras) {
                List<SqlFunction.Argument> trailing = f.arguments().subList(f.arguments().size() - extras, f.arguments().size());
                c.require(sameTypes(trailing, aggregated), Role.FINAL, "with finalFunctionExtra, its last parameters"
                        + " must have the types of the aggregated arguments, " + aggregated.stream()
                                .map(SqlFunction.Argument::sqlType).toList());
                c.require(extraParametersNullable(methods.get(Role.FINAL), extras), Role.FINAL, "with finalFunctionExtra,"
                        + " its last parameters are always NULL: make them nullable (@Nullable, a box or an Optional)");
            }
        });
        if (orderedSet) {
            c.require(fin.isPresent(), null, "an ordered-set aggregate needs a @FinalFunction (the rows come unsorted)");
            c.require(!aggregated.isEmpty(), Role.STATE, "an ordered-set aggregate takes at least one ORDER BY argument");
            direct = fin.filter(f -> f.arguments().size() >= 1 + extras)
                    .map(f -> f.arguments().subList(1, f.arguments().size() - extras)).orElse(List.of());
            for (Role r : List.of(Role.COMBINE, Role.MOVING_STATE)) {
                c.require(!methods.containsKey(r), r, "an ordered-set aggregate cannot have one");
            }
            c.require(pg.sortOperator().isEmpty(), null, "an ordered-set aggregate cannot have a sortOperator");
        }
        if (kind == AggregateKind.HYPOTHETICAL) {
            List<SqlFunction.Argument> d = direct;
            boolean matches = d.size() >= aggregated.size() && java.util.stream.IntStream.range(0, aggregated.size())
                    .allMatch(i -> same(d.get(d.size() - aggregated.size() + i).sqlType(), aggregated.get(i).sqlType()));
            c.require(matches, Role.FINAL, "a hypothetical-set aggregate's last direct arguments (the final function's"
                    + " parameters after the state) must have the types of its ORDER BY arguments");
        }
        Optional.ofNullable(fns.get(Role.COMBINE)).ifPresent(f -> c.require(f.arguments().size() == 2
                && same(f.arguments().get(0).sqlType(), stype) && same(f.arguments().get(1).sqlType(), stype)
                && same(f.returnType(), stype), Role.COMBINE, "it must be S combine(S a, S b) for the state type S"));
        boolean serial = methods.containsKey(Role.SERIAL);
        c.require(serial == methods.containsKey(Role.DESERIAL), serial ? Role.SERIAL : Role.DESERIAL,
                "@SerialFunction and @DeserialFunction go together");
        c.require(!serial || javaState, Role.SERIAL, "only a Java-object state is serialized; the server sends a SQL state itself");
        Optional.ofNullable(javaState ? fns.get(Role.SERIAL) : null).ifPresent(f -> c.require(f.arguments().size() == 1
                && same(f.returnType(), "bytea"), Role.SERIAL, "it must be byte[] serialize(S state)"));
        Optional.ofNullable(javaState ? fns.get(Role.DESERIAL) : null).ifPresent(f -> c.require(f.arguments().size() == 2
                && same(f.arguments().getFirst().sqlType(), "bytea") && same(f.returnType(), "internal"),
                Role.DESERIAL, "it must be S deserialize(byte[] bytes)"));
        c.require(!javaState || pg.parallel() == Parallel.UNSAFE || !methods.containsKey(Role.COMBINE) || serial,
                Role.COMBINE, "parallel aggregation of a Java-object state needs @SerialFunction and @DeserialFunction");
        c.require(pg.finalizeModify() == FinalizeModify.DEFAULT || fin.isPresent(), null,
                "finalizeModify needs a @FinalFunction");
        c.require(pg.stateSpace() >= 0 && pg.movingStateSpace() >= 0, null, "stateSpace and movingStateSpace must not be negative");
        c.require(pg.sortOperator().isEmpty() || aggregated.size() == 1 && same(aggregated.getFirst().sqlType(), resultType),
                null, "a sortOperator needs one argument of the result's type");

        Optional<SqlAggregate.Moving> moving = Optional.empty();
        boolean anyMoving = methods.containsKey(Role.MOVING_STATE) || methods.containsKey(Role.MOVING_INVERSE)
                || methods.containsKey(Role.MOVING_FINAL);
        if (anyMoving) {
            c.require(methods.containsKey(Role.MOVING_STATE) && methods.containsKey(Role.MOVING_INVERSE), null,
                    "a moving aggregate needs both a @MovingStateFunction and a @MovingInverseFunction");
        } else {
            c.require(pg.movingInitialCondition().length == 0 && pg.movingFinalizeModify() == FinalizeModify.DEFAULT
                    && pg.movingStateSpace() == 0, null,
                    "movingInitialCondition, movingFinalizeModify and movingStateSpace need a @MovingStateFunction");
        }
        if (methods.containsKey(Role.MOVING_STATE) && methods.containsKey(Role.MOVING_INVERSE)) {
            SqlFunction ms = fns.get(Role.MOVING_STATE);
            SqlFunction mi = fns.get(Role.MOVING_INVERSE);
            String mstype = ms.arguments().getFirst().sqlType();
            c.require(sameTypes(ms.arguments().subList(1, ms.arguments().size()), aggregated), Role.MOVING_STATE,
                    "it must take the state function's arguments after its state");
            c.require(sameTypes(mi.arguments(), ms.arguments()) && same(mi.returnType(), mstype), Role.MOVING_INVERSE,
                    "it must have the @MovingStateFunction's parameters and result");
            Optional<SqlFunction> mfin = Optional.ofNullable(fns.get(Role.MOVING_FINAL));
            mfin.ifPresent(f -> c.require(f.arguments().size() == 1 && same(f.arguments().getFirst().sqlType(), mstype),
                    Role.MOVING_FINAL, "it must take only the moving state"));
            c.require(same(mfin.map(SqlFunction::returnType).orElse(mstype), resultType), Role.MOVING_STATE,
                    "the moving aggregate must give the result type of the normal one, " + resultType);
            c.require(pg.movingInitialCondition().length == 0 || !movingJavaState, Role.MOVING_STATE,
                    "movingInitialCondition is for a moving state of a SQL type");
            c.require(pg.movingInitialCondition().length == 1 || !ms.strict()
                    || aggregated.size() == 1 && same(aggregated.getFirst().sqlType(), mstype), Role.MOVING_STATE,
                    "the moving state function is strict and the moving state starts as NULL; give a"
                            + " movingInitialCondition, or let the state parameter be NULL");
            c.require(movingJavaState || ms.strict() || pg.movingInitialCondition().length == 1, Role.MOVING_STATE,
                    "a moving state of a SQL type that starts as NULL needs a movingInitialCondition when the function is"
                            + " not strict: PostgreSQL refuses a NULL moving state once the frame has rows");
            c.require(ms.strict() == mi.strict(), Role.MOVING_INVERSE,
                    "it must be as strict as the @MovingStateFunction (PostgreSQL requires it)");
            moving = Optional.of(new SqlAggregate.Moving(ref(ms), ref(mi), mstype, pg.movingStateSpace(), mfin.map(AggregateReader::ref),
                    pg.movingFinalizeModify(), initialCondition(pg.movingInitialCondition())));
        }
        if (c.failed) {
            return Optional.empty();
        }
        List<String> supportFunctions = fns.values().stream().map(SqlFunction::name).distinct().toList();
        List<String> requires = java.util.stream.Stream.of(pg.requires()).map(String::trim).toList();
        return Optional.of(new SqlAggregate(type, pg.schema(), sqlName, kind, direct, aggregated, ref(state), stype,
                pg.stateSpace(), fin.map(AggregateReader::ref), extra, pg.finalizeModify(),
                Optional.ofNullable(fns.get(Role.COMBINE)).map(AggregateReader::ref),
                Optional.ofNullable(fns.get(Role.SERIAL)).map(AggregateReader::ref),
                Optional.ofNullable(fns.get(Role.DESERIAL)).map(AggregateReader::ref),
                initialCondition(pg.initialCondition()), moving, pg.sortOperator().trim(), pg.parallel(),
                supportFunctions, requires, names.binaryName(type),
                // after the class's own functions, which it needs anyway
                new SourceOrder(names.binaryName(type), Integer.MAX_VALUE)));
    }

    /** Whether the method's last {@code count} parameters can hold NULL. */
    private boolean extraParametersNullable(ExecutableElement method, int count) {
        var params = method.getParameters();
        for (int i = params.size() - count; i < params.size(); i++) {
            var p = params.get(i);
            boolean nullable = p.getAnnotation(org.pgj.functions.Nullable.class) != null
                    || mapping.parameter(p.asType()).map(TypeMapping.SqlType::nullable).orElse(false);
            if (!nullable) {
                return false;
            }
        }
        return true;
    }

    /** Reports a failed condition on the role's method, or on the class. */
    private final class Checks {
        final String what;
        final Map<Role, ExecutableElement> methods;
        boolean failed;

        Checks(String what, Map<Role, ExecutableElement> methods) {
            this.what = what;
            this.methods = methods;
        }

        void require(boolean condition, Role role, String message) {
            if (condition) {
                return;
            }
            failed = true;
            ExecutableElement method = role == null ? null : methods.get(role);
            if (method == null) {
                reporter.error(methods.get(Role.STATE).getEnclosingElement(), what + ": " + message);
            } else {
                reporter.error(method, what + ": " + role.label() + " " + method.getSimpleName() + ": " + message);
            }
        }
    }

    private static Optional<String> initialCondition(String[] values) {
        return values.length == 0 ? Optional.empty() : Optional.of(values[0]);
    }

    private static String ref(SqlFunction fn) {
        return SqlIdentifiers.qualified(fn.schema(), fn.sqlName());
    }

    private static boolean same(String a, String b) {
        return TypeMapping.signatureForm(a).equals(TypeMapping.signatureForm(b));
    }

    private static boolean sameTypes(List<SqlFunction.Argument> a, List<SqlFunction.Argument> b) {
        return a.size() == b.size() && java.util.stream.IntStream.range(0, a.size())
                .allMatch(i -> same(a.get(i).sqlType(), b.get(i).sqlType()));
    }
}

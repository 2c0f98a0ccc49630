package org.pgj.aggregates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.pgj.functions.Parallel;

/**
 * Makes the class a SQL aggregate ({@code CREATE AGGREGATE}), built from its static methods
 * marked {@link StateFunction} (required), {@link FinalFunction}, {@link CombineFunction},
 * {@link SerialFunction} and {@link DeserialFunction}, and for window frames that move,
 * {@link MovingStateFunction}, {@link MovingInverseFunction} and {@link MovingFinalFunction}.
 *
 * <p>The aggregate's arguments are the state function's parameters after the state; its result
 * is the final function's, or the state when there is none. The state is what the state
 * function's first parameter and result are: a type with a SQL mapping is kept by the server
 * as that type ({@code STYPE = bigint}, a composite, an array...); any other class, or any
 * state when {@link #javaState} is set, stays a Java object, passed as {@code internal} and
 * released when the server is done with the group. Each method becomes a support function
 * named after the aggregate ({@code <name>_state}, {@code <name>_final}, ...).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PgAggregate {
    /** SQL name; defaults to the class name in snake_case. */
    String name() default "";

    /** Schema of the aggregate and its support functions; empty for the extension's. */
    String schema() default "";

    /** A normal aggregate, or an ordered-set or hypothetical-set one ({@code WITHIN GROUP (ORDER BY ...)}). */
    AggregateKind kind() default AggregateKind.NORMAL;

    /**
     * {@code INITCOND}: the state's first value in its SQL text form ({@code "0"},
     * {@code "{0,0}"}, {@code ""}); none when left out, and then the state starts as NULL.
     * At most one value: an array only so that "none" and the empty string differ.
     */
    String[] initialCondition() default {};

    /** {@code MINITCOND}: as {@link #initialCondition}, for the moving state. */
    String[] movingInitialCondition() default {};

    /** {@code SORTOP}: an operator, such as {@code "<"} for a min-like aggregate, whose index can answer it. */
    String sortOperator() default "";

    /** {@code PARALLEL}, for the aggregate and its support functions. */
    Parallel parallel() default Parallel.UNSAFE;

    /**
     * {@code FINALFUNC_EXTRA}: the final function takes, after the state (and an ordered-set
     * aggregate's direct arguments), one parameter per aggregated argument, of its type and always
     * NULL (so each must be nullable: {@code @Nullable AnyElement}, a box). They let a polymorphic
     * aggregate whose state is a Java object return {@code anyelement}: the server resolves the
     * result's type from them.
     */
    boolean finalFunctionExtra() default false;

    /** {@code FINALFUNC_MODIFY}: whether the final function changes the state. */
    FinalizeModify finalizeModify() default FinalizeModify.DEFAULT;

    /** {@code MFINALFUNC_MODIFY}: as {@link #finalizeModify}, for the moving final function. */
    FinalizeModify movingFinalizeModify() default FinalizeModify.DEFAULT;

    /** {@code SSPACE}: the state's average size in bytes, for the planner; 0 to let it guess. */
    int stateSpace() default 0;

    /** {@code MSSPACE}: as {@link #stateSpace}, for the moving state. */
    int movingStateSpace() default 0;

    /** Keep the state a Java object ({@code internal}) even when its type has a SQL mapping (a list, a record). */
    boolean javaState() default false;

    /** Objects of the install script this aggregate must come after. */
    String[] requires() default {};
}

package org.pgj.indexes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.pgj.functions.Parallel;

/**
 * A GIN support function of the {@link PgOperatorClass} that declares the method. pgj declares it
 * in SQL with the arguments GIN passes (the pointers as {@code internal}), IMMUTABLE and STRICT,
 * and hands the method typed values instead of pointers. With {@code V} the Java type of the
 * indexed type, {@code Q} that of the query type and {@code K} that of the storage (key) type:
 *
 * <table>
 * <caption>Roles and their methods</caption>
 * <tr><th>role</th><th>number</th><th>method</th></tr>
 * <tr><td>{@link Role#COMPARE}</td><td>1</td><td>{@code int compare(K a, K b)}</td></tr>
 * <tr><td>{@link Role#EXTRACT_VALUE}</td><td>2</td><td>{@code List<K> extractValue(V value)}: the item's keys
 *     ({@code null} or empty for none, a {@code null} element for a NULL key)</td></tr>
 * <tr><td>{@link Role#EXTRACT_QUERY}</td><td>3</td><td>{@code GinQuery<K> extractQuery(Q query, int strategy)}</td></tr>
 * <tr><td>{@link Role#CONSISTENT}</td><td>4</td><td>{@code boolean consistent(GinCheck<K> check)}, or
 *     {@code (GinCheck<K> check, Q query)}</td></tr>
 * <tr><td>{@link Role#COMPARE_PARTIAL}</td><td>5</td><td>{@code int comparePartial(K partialKey, K key, int strategy,
 *     Object extra)}</td></tr>
 * <tr><td>{@link Role#TRI_CONSISTENT}</td><td>6</td><td>{@code GinTernary triConsistent(GinTriCheck<K> check)}, or
 *     {@code (GinTriCheck<K> check, Q query)}</td></tr>
 * </table>
 *
 * <p>Keys and arrays go to the server in the memory context GIN calls in, as a C support function
 * pallocs them; extra data attached to query keys ({@link GinQuery#add(Object, boolean, Object)})
 * lives as long as that context, that is as long as the scan that asked for it.
 *
 * <p>Kept at run time: the runtime finds the method of each role by it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GinSupport {
    /** The support function's role. */
    Role value();

    /** SQL name; by default the operator class's name and the role's, {@code word_ops_extract_value}. */
    String name() default "";

    /** {@code PARALLEL}: support functions are safe by default, as PostgreSQL's own. */
    Parallel parallel() default Parallel.SAFE;

    /** The roles of GIN support functions, each with its support function number. */
    enum Role {
        COMPARE(1),
        EXTRACT_VALUE(2),
        EXTRACT_QUERY(3),
        CONSISTENT(4),
        COMPARE_PARTIAL(5),
        TRI_CONSISTENT(6);

        /** {@code FUNCTION n} in {@code CREATE OPERATOR CLASS}. */
        public final int number;

        Role(int number) {
            this.number = number;
        }
    }
}

package org.pgj.indexes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.pgj.functions.Parallel;

/**
 * A GiST support function of the {@link PgOperatorClass} that declares the method (with
 * {@code method = IndexMethod.GIST}). pgj declares it in SQL with the arguments GiST passes (the
 * pointers as {@code internal}), IMMUTABLE and STRICT, and hands the method typed values instead of
 * {@code GISTENTRY} pointers. With {@code V} the Java type of the indexed type, {@code K} that of the
 * storage (key) type and {@code Q} that of an operator's right-hand type:
 *
 * <table>
 * <caption>Roles and their methods</caption>
 * <tr><th>role</th><th>number</th><th>method</th></tr>
 * <tr><td>{@link Role#CONSISTENT}</td><td>1</td><td>{@code boolean consistent(K key, Q query, int strategy)}, or
 *     {@code (K key, Q query, int strategy, GistCheck check)}: whether the subtree (or leaf) the key stands for
 *     may hold a match</td></tr>
 * <tr><td>{@link Role#UNION}</td><td>2</td><td>{@code K union(List<K> keys)}: a key covering all of them</td></tr>
 * <tr><td>{@link Role#COMPRESS}</td><td>3</td><td>{@code K compress(V value)}: a leaf value's key (needed when
 *     the storage type is not the indexed type)</td></tr>
 * <tr><td>{@link Role#DECOMPRESS}</td><td>4</td><td>{@code K decompress(K stored)}</td></tr>
 * <tr><td>{@link Role#PENALTY}</td><td>5</td><td>{@code float penalty(K original, K added)}: the cost of adding a
 *     key under another</td></tr>
 * <tr><td>{@link Role#PICKSPLIT}</td><td>6</td><td>{@code GistSplit<K> pickSplit(List<K> keys)}: how a full
 *     page's keys divide in two</td></tr>
 * <tr><td>{@link Role#SAME}</td><td>7</td><td>{@code boolean same(K a, K b)}</td></tr>
 * <tr><td>{@link Role#DISTANCE}</td><td>8</td><td>{@code double distance(K key, Q query, int strategy)}, or
 *     {@code (K key, Q query, int strategy, GistCheck check)}: for {@code ORDER BY <->} (an
 *     {@link IndexOperator#orderBy} operator); on an inner key, at most the distance of any value below it</td></tr>
 * <tr><td>{@link Role#FETCH}</td><td>9</td><td>{@code V fetch(K key)}: the value back from a leaf key, for
 *     index-only scans</td></tr>
 * </table>
 *
 * <p>{@code Q} is read, per call, as the right-hand type of the operator of that strategy (its
 * argument types written in {@link IndexOperator#operator}, or the class's {@code queryType}):
 * consistent sees the search operators' queries, distance the ordering operators'. Declared
 * {@code Object}, it is each type's own Java type ({@code Box} for a box, {@code Point} for a
 * point), for a method that answers operators of several query types.
 * Keys go to the server in the memory context GiST calls in, as a C support function pallocs them.
 *
 * <p>Kept at run time: the runtime finds the method of each role by it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GistSupport {
    /** The support function's role. */
    Role value();

    /** SQL name; by default the operator class's name and the role's, {@code box_ops_penalty}. */
    String name() default "";

    /** {@code PARALLEL}: support functions are safe by default, as PostgreSQL's own. */
    Parallel parallel() default Parallel.SAFE;

    /** The roles of GiST support functions, each with its support function number. */
    enum Role {
        CONSISTENT(1),
        UNION(2),
        COMPRESS(3),
        DECOMPRESS(4),
        PENALTY(5),
        PICKSPLIT(6),
        SAME(7),
        DISTANCE(8),
        FETCH(9);

        /** {@code FUNCTION n} in {@code CREATE OPERATOR CLASS}. */
        public final int number;

        Role(int number) {
            this.number = number;
        }
    }
}

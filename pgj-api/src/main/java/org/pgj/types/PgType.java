package org.pgj.types;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a Java record or class a SQL base type of the extension (pgrx's
 * {@code #[derive(PostgresType)]}), named after it in snake_case. The install script creates
 * the type with its input, output, receive and send functions, all run by pgj: values are
 * stored as a variable-length (TOAST-able) binary form, or one of a fixed length
 * ({@link #internalLength()}, {@link #passedByValue()}), and their text and binary forms come
 * from the {@link #codec()}, JSON through the extension's own Jackson by default. The type is
 * then usable everywhere a mapped type is: parameters, results, arrays, lists, record
 * components, table columns and SPI.
 *
 * <p>{@link #derive()} adds operators from Java's {@code equals}, {@code compareTo} and
 * {@code hashCode} (pgrx's {@code PostgresEq}, {@code PostgresOrd}, {@code PostgresHash}), and
 * with them the default btree and hash operator classes that {@code ORDER BY}, {@code DISTINCT},
 * {@code GROUP BY}, {@code UNIQUE}, indexes and hash joins need. Kept at run time: the runtime
 * finds the codec, and SPI sends a value as the type of this name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PgType {
    /** SQL name of the type; empty means the class's simple name in snake_case. */
    String name() default "";

    /**
     * The text and binary forms: a {@code TypeCodec<ThisType>} with a public no-argument
     * constructor. {@link TypeCodec} itself (the default) means JSON through the extension's
     * own Jackson ({@code jackson-databind} in its dependencies).
     */
    @SuppressWarnings("rawtypes")
    Class<? extends TypeCodec> codec() default TypeCodec.class;

    /** The operators and operator classes derived from the Java class's own methods. */
    Derive[] derive() default {};

    /**
     * {@code INTERNALLENGTH}: the stored form's fixed length in bytes, which every value's
     * {@link TypeCodec#toBinary} must have; {@code -1} (the default) is a variable-length value,
     * which TOAST may compress.
     */
    int internalLength() default -1;

    /**
     * {@code PASSEDBYVALUE}: the stored form is the Datum itself, as for {@code bigint}; needs an
     * {@link #internalLength()} of 1, 2, 4 or 8. The codec's binary form is then the Datum's
     * bytes in the server's native byte order ({@code ByteOrder.nativeOrder()}), so a type whose
     * codec writes a {@code long} that way is binary-coercible with {@code bigint}.
     */
    boolean passedByValue() default false;

    /** {@code ALIGNMENT} of the stored form; {@link Alignment#DEFAULT} lets the server choose. */
    Alignment alignment() default Alignment.DEFAULT;

    /**
     * {@code CATEGORY}, one ASCII upper-case letter ({@code 'N'} numeric, {@code 'S'} string, ...)
     * that the server's resolution of overloads and implicit casts consults; empty is {@code 'U'}.
     */
    String category() default "";

    /** {@code ALIGNMENT} of {@code CREATE TYPE}. */
    enum Alignment {
        /** Not written: the server's default, {@code int4}. */
        DEFAULT,
        CHAR,
        INT2,
        INT4,
        DOUBLE
    }

    /** What {@link #derive()} can ask for. */
    enum Derive {
        /**
         * {@code =} and {@code <>} from {@code equals}, with the planner's equality estimators;
         * {@code =} also {@code HASHES} with {@link #HASH} and {@code MERGES} with {@link #ORD}.
         */
        EQ,
        /**
         * {@code <}, {@code <=}, {@code >}, {@code >=} and the comparison function from
         * {@code compareTo} (the class must be {@code Comparable} to itself), and the default
         * btree operator class. Needs {@link #EQ}, which {@code compareTo} must agree with.
         */
        ORD,
        /**
         * The hash function from {@code hashCode}, and the default hash operator class. Needs
         * {@link #EQ}: equal values must have equal hash codes, as Java requires.
         */
        HASH
    }
}

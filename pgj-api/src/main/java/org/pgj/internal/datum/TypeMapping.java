package org.pgj.internal.datum;

import java.lang.invoke.MethodHandle;
import java.util.Set;

/**
 * How one Java type travels as a Datum: {@code fromDatum} is {@code (long) -> T} and
 * {@code toDatum} is {@code (T) -> long}, with T primitive for primitive types. NULL handling
 * is added around them by {@link TypeMappings}, so a mapping only converts values.
 *
 * @param javaType the Java type, e.g. {@code int.class}
 * @param sqlTypes OIDs of the SQL types it maps to
 */
public record TypeMapping(Class<?> javaType, Set<Integer> sqlTypes, MethodHandle fromDatum, MethodHandle toDatum) {
}

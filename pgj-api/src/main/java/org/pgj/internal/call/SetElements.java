package org.pgj.internal.call;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.stream.Stream;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.datum.TypeMappings;

/** The element type of a set-returning method's {@code Stream<T>}, {@code Iterator<T>} or {@code Iterable<T>}. */
final class SetElements {
    private SetElements() {
    }

    static Type of(Type declared, TypeMappings.Describer fn) {
        if (declared instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && (raw == Stream.class || raw == Iterator.class || raw == Iterable.class)) {
            return p.getActualTypeArguments()[0];
        }
        throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "function " + fn.describe()
                + " returns a set, so its Java method must return Stream<T>, Iterator<T> or Iterable<T>, not "
                + declared.getTypeName());
    }
}

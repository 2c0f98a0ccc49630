package org.pgj.internal.datum;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.types.MappedBy;
import org.pgj.types.TypeConverter;

/**
 * Java types of an extension's own, mapped by a {@link TypeConverter} named in {@link MappedBy}:
 * the carrier's mapping does the Datum work, the converter the rest.
 */
final class UserMappings {
    private static final MethodHandle TO_CARRIER;
    private static final MethodHandle FROM_CARRIER;
    /** One converter per converter class (and so per class loader) and backend. */
    private static final Map<Class<?>, TypeConverter<?, ?>> CONVERTERS = new ConcurrentHashMap<>();

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            TO_CARRIER = lookup.findVirtual(TypeConverter.class, "toCarrier", methodType(Object.class, Object.class));
            FROM_CARRIER = lookup.findVirtual(TypeConverter.class, "fromCarrier", methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private UserMappings() {
    }

    /** The carrier type of a converter class: C of its {@code TypeConverter<T, C>}. */
    static Type carrier(Class<?> converter) {
        for (Class<?> c = converter; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == TypeConverter.class) {
                    return p.getActualTypeArguments()[1];
                }
            }
        }
        throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, converter.getName()
                + " must implement TypeConverter<T, C> with a concrete carrier type C");
    }

    /** {@code javaType}'s mapping through its converter, given the carrier's mapping to the SQL type. */
    static TypeMapping mapping(Class<?> javaType, MappedBy mappedBy, TypeMapping carrier, int sqlType) {
        TypeConverter<?, ?> converter = CONVERTERS.computeIfAbsent(mappedBy.value(), UserMappings::instantiate);
        MethodHandle from = MethodHandles.filterReturnValue(
                carrier.fromDatum().asType(methodType(Object.class, long.class)), FROM_CARRIER.bindTo(converter))
                .asType(methodType(javaType, long.class));
        MethodHandle to = MethodHandles.filterArguments(
                carrier.toDatum().asType(methodType(long.class, Object.class)), 0, TO_CARRIER.bindTo(converter))
                .asType(methodType(long.class, javaType));
        return new TypeMapping(javaType, Set.of(sqlType), from, to);
    }

    private static TypeConverter<?, ?> instantiate(Class<?> converter) {
        try {
            return (TypeConverter<?, ?>) converter.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "cannot create the TypeConverter "
                    + converter.getName() + ": " + e, null, "Give it a public no-argument constructor.");
        }
    }
}

package org.pgj.internal.datum;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
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
    private static final Map<Class<?>, Converter> CONVERTERS = new ConcurrentHashMap<>();

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TO_CARRIER = lookup.findVirtual(Converter.class, "toCarrier", methodType(Object.class, Object.class));
            FROM_CARRIER = lookup.findVirtual(Converter.class, "fromCarrier", methodType(Object.class, Object.class));
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
        Converter converter = CONVERTERS.computeIfAbsent(mappedBy.value(), Converter::of);
        MethodHandle from = MethodHandles.filterReturnValue(
                Conversions.reader(carrier), FROM_CARRIER.bindTo(converter))
                .asType(methodType(javaType, long.class));
        MethodHandle to = MethodHandles.filterArguments(
                Conversions.writer(carrier), 0, TO_CARRIER.bindTo(converter))
                .asType(methodType(long.class, javaType));
        return new TypeMapping(javaType, Set.of(sqlType), from, to);
    }

    /**
     * A converter class and its instance, made at the first value that needs it rather than when a
     * function is resolved: it is the extension's code, which resolving, and so validating a
     * function at CREATE FUNCTION, must not run. Only the backend's thread converts values.
     */
    private static final class Converter {
        private final Class<?> type;
        private final Constructor<?> constructor;
        private TypeConverter<Object, Object> instance;

        private Converter(Class<?> type, Constructor<?> constructor) {
            this.type = type;
            this.constructor = constructor;
        }

        /** Whether it can be made is checked now (42P13), without running it. */
        static Converter of(Class<?> type) {
            try {
                return new Converter(type, type.getConstructor());
            } catch (NoSuchMethodException e) {
                throw cannotCreate(type, e);
            }
        }

        @SuppressWarnings("unchecked")
        private TypeConverter<Object, Object> instance() {
            if (instance == null) {
                try {
                    instance = (TypeConverter<Object, Object>) constructor.newInstance();
                } catch (ReflectiveOperationException | ClassCastException e) {
                    throw cannotCreate(type, e);
                }
            }
            return instance;
        }

        private Object toCarrier(Object value) {
            return instance().toCarrier(value);
        }

        private Object fromCarrier(Object carrier) {
            return instance().fromCarrier(carrier);
        }

        private static PgException cannotCreate(Class<?> type, Exception e) {
            return new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "cannot create the TypeConverter "
                    + type.getName() + ": " + e, null, "Give it a public no-argument constructor.");
        }
    }
}

package org.pgj.spi;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Optional;

/** Rows as Java records: a typed row, its components read from the columns in order. */
final class Records {
    /** Each record class's components and canonical constructor, found once. */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private Records() {
    }

    private record Shape(Class<?>[] types, Class<?>[] optionalElements, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Class<?>[] elements = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (types[i] == Optional.class) {
                    if (!(components[i].getGenericType() instanceof ParameterizedType p
                            && p.getActualTypeArguments()[0] instanceof Class<?> element)) {
                        throw new IllegalArgumentException("record component " + components[i].getName()
                                + " of " + type.getName() + " needs a concrete Optional element type");
                    }
                    elements[i] = element;
                }
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(types, elements, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }
    }

    static <R extends Record> R read(SpiRow row, Class<R> type) {
        Shape shape = SHAPES.get(type);
        int columns = row.columnCount();
        if (columns < shape.types.length) {
            throw new NoSuchColumnException("the row has " + columns + " column" + (columns == 1 ? "" : "s")
                    + ", too few for the " + shape.types.length + " components of record " + type.getName());
        }
        Object[] values = new Object[shape.types.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = shape.optionalElements[i] != null
                    ? row.getOptional(i + 1, shape.optionalElements[i])
                    : row.get(i + 1, shape.types[i]);
        }
        try {
            return type.cast(shape.constructor.newInstance(values));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("constructing " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }
}

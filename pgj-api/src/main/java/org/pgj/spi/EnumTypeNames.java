package org.pgj.spi;

import org.pgj.functions.EnumType;
import org.pgj.internal.SnakeCase;

/** The SQL enum type a Java enum was given at build time: its {@link EnumType} name, or its simple name in snake_case. */
final class EnumTypeNames {
    private EnumTypeNames() {
    }

    static String of(Class<?> javaEnum) {
        EnumType annotation = javaEnum.getAnnotation(EnumType.class);
        return annotation == null || annotation.name().isBlank()
                ? SnakeCase.of(javaEnum.getSimpleName()) : annotation.name().trim();
    }
}

package org.pgj.processor;

import java.util.Optional;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The SQL type of a Java varargs parameter, {@code VARIADIC name t[]}: an array of the element
 * type's SQL type. A varargs parameter whose element type is itself an array ({@code int[]...})
 * is not supported, as SQL arrays do not nest.
 */
final class VariadicParameters {
    private VariadicParameters() {
    }

    static Optional<TypeMapping.SqlType> sqlType(TypeMapping mapping, TypeMirror varargs) {
        TypeMirror element = ((ArrayType) varargs).getComponentType();
        if (element.getKind() == TypeKind.ARRAY && !element.toString().equals("byte[]")) {
            return Optional.empty();
        }
        return mapping.parameter(element).map(t -> new TypeMapping.SqlType(t.name() + "[]", false));
    }
}

package org.pgj.processor;

import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Names Java types the way the runtime sees them through reflection, because the install
 * script's {@code AS '<class>.<method>(<param types>)'} is resolved against loaded classes:
 * the erasure's {@code Class.getTypeName()} ({@code int}, {@code java.lang.String},
 * {@code byte[]}, {@code java.util.Optional}, {@code org.example.Outer$Inner}).
 */
final class JavaTypeNames {
    private final Elements elements;
    private final Types types;

    JavaTypeNames(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** {@code Class.getTypeName()} of the erasure of {@code type}. */
    String of(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        return switch (erased.getKind()) {
            case ARRAY -> of(((ArrayType) erased).getComponentType()) + "[]";
            case DECLARED -> binaryName((TypeElement) ((DeclaredType) erased).asElement());
            default -> erased.toString(); // primitives and void print as their keyword
        };
    }

    /** The {@code X} of an {@code Optional<X>}; any other type unchanged. */
    TypeMirror withoutOptional(TypeMirror type) {
        if (type instanceof DeclaredType d && of(type).equals(TypeMapping.OPTIONAL) && d.getTypeArguments().size() == 1) {
            return d.getTypeArguments().getFirst();
        }
        return type;
    }

    /** Whether the class path of the compile has the class {@code qualifiedName}. */
    boolean exists(String qualifiedName) {
        return elements.getTypeElement(qualifiedName) != null;
    }

    /** The name {@code Class.forName} takes: nested classes joined with {@code $}. */
    String binaryName(TypeElement type) {
        return elements.getBinaryName(type).toString();
    }

    /**
     * The method reference of the {@code AS} clause, {@code org.example.Demo.addOne(int)}: the
     * parameter types are joined by a bare comma, as {@code java.lang.reflect.Method#toString} does.
     */
    String target(ExecutableElement method) {
        String params = method.getParameters().stream()
                .map(p -> of(p.asType()))
                .collect(Collectors.joining(","));
        return binaryName((TypeElement) method.getEnclosingElement())
                + "." + method.getSimpleName() + "(" + params + ")";
    }
}

package org.pgj.processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pgj.functions.EnumType;
import org.pgj.internal.settings.SnakeCase;

/** Java enums as SQL enum types: the type's name, and the {@code CREATE TYPE} of each enum the extension uses. */
final class EnumTypes {
    private final JavaTypeNames names;
    private final Reporter reporter;
    private final Map<String, SqlEnumType> created = new LinkedHashMap<>();
    private final Map<String, String> enumBySqlName = new LinkedHashMap<>();

    EnumTypes(JavaTypeNames names, Reporter reporter) {
        this.names = names;
        this.reporter = reporter;
    }

    /** The enum behind {@code type}, if it is one. */
    static Optional<TypeElement> enumOf(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement e
                && e.getKind() == ElementKind.ENUM) {
            return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The SQL name of an enum's type; the install script creates it unless it exists already. */
    String used(TypeElement e) {
        EnumType annotation = e.getAnnotation(EnumType.class);
        String name = SnakeCase.unlessNamed(annotation == null ? null : annotation.name(), e.getSimpleName().toString());
        String key = names.binaryName(e);
        String other = enumBySqlName.putIfAbsent(name, key);
        if (other != null && !other.equals(key)) {
            reporter.error(e, "enum " + key + " would be the enum type " + name + ", as " + other
                    + " is; name one with @EnumType(name = \"...\")");
        } else if (CompositeTypes.isBuiltIn(name) && (annotation == null || !annotation.existing())) {
            reporter.error(e, "enum " + key + " would be the enum type " + name + ", which is the name of a built-in"
                    + " type that SQL would find first; name it with @EnumType(name = \"...\")");
        } else if ((annotation == null || !annotation.existing()) && !created.containsKey(key)) {
            List<String> labels = e.getEnclosedElements().stream().filter(x -> x.getKind() == ElementKind.ENUM_CONSTANT)
                    .map(x -> x.getSimpleName().toString()).toList();
            if (labels.isEmpty()) {
                reporter.error(e, "enum " + key + " has no constants, and a SQL enum type needs at least one label");
            }
            created.put(key, new SqlEnumType(e, name, labels, key, new SourceOrder(key, -2)));
        }
        return name;
    }

    /** The name of the type the install script creates for {@code type} (an enum), if any. */
    Optional<String> createdName(TypeMirror type) {
        return enumOf(type).map(names::binaryName).map(created::get).map(SqlEnumType::name);
    }

    /** The types the install script creates. */
    List<SqlEnumType> created() {
        return List.copyOf(created.values());
    }
}

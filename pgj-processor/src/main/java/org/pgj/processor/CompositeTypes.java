package org.pgj.processor;

import org.pgj.internal.settings.SnakeCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pgj.functions.CompositeType;
import org.pgj.functions.SqlType;

/**
 * Java records as SQL composite types: the type's name, its columns, and the
 * {@code CREATE TYPE} of each record the extension uses (unless it names an existing type).
 * Each record is read once; a record that contains itself, directly or not, is an error.
 */
final class CompositeTypes {
    /** What a function needs to know of a record's type. */
    record Composite(String name, List<SqlCompositeType.Column> columns, boolean existing) {
    }

    /**
     * Types of pg_catalog, which comes first on every search path: a type of the extension with
     * one of these names would never be found by its bare name.
     */
    private static final Set<String> BUILT_IN = Set.of(("aclitem any anyarray anyelement anyenum anynonarray anyrange"
            + " bit bool boolean box bpchar bytea char character cid cidr circle cstring date daterange decimal float"
            + " float4 float8 inet int int2 int4 int4range int8 int8range integer internal interval json jsonb jsonpath"
            + " line lseg macaddr macaddr8 money name numeric numrange oid path point polygon real record refcursor"
            + " smallint bigint text tid time timestamp timestamptz timetz trigger tsquery tsrange tstzrange tsvector"
            + " unknown uuid varbit varchar void xid xid8 xml").split(" "));

    private final JavaTypeNames names;
    private final Reporter reporter;
    private final EnumTypes enums;
    private final BaseTypes baseTypes;
    private TypeMapping mapping;
    private final Map<String, Composite> read = new LinkedHashMap<>();
    private final Map<String, SqlCompositeType> created = new LinkedHashMap<>();
    private final Set<String> reading = new HashSet<>();
    private final Set<String> invalid = new HashSet<>();

    CompositeTypes(JavaTypeNames names, Reporter reporter) {
        this.names = names;
        this.reporter = reporter;
        this.enums = new EnumTypes(names, reporter);
        this.baseTypes = new BaseTypes(names, reporter);
    }

    /** The base types of @PgType classes, which records' components and functions use beside composite types. */
    BaseTypes baseTypes() {
        return baseTypes;
    }

    /** The enum types, which records' components and functions use beside composite types. */
    EnumTypes enums() {
        return enums;
    }

    static boolean isBuiltIn(String name) {
        return BUILT_IN.contains(name);
    }

    void use(TypeMapping typeMapping) {
        this.mapping = typeMapping;
    }

    /**
     * The record behind {@code type}, if it is one that stands for a composite type: not one of
     * the mapped value types (pgj's own, like Inet or Interval, or a @MappedBy one).
     */
    static Optional<TypeElement> record(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED
                && ((DeclaredType) type).asElement() instanceof TypeElement e && e.getKind() == ElementKind.RECORD
                && !TypeMapping.isMappedValueType(e)) {
            return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The composite type of a record that a function takes or returns: the install script creates it. */
    Composite used(TypeElement record) {
        Composite composite = of(record);
        String key = names.binaryName(record);
        if (!composite.existing() && !reading.contains(key) && !invalid.contains(key)) {
            created.putIfAbsent(names.binaryName(record), new SqlCompositeType(record, composite.name(), composite.columns(),
                    nestedCreated(record), names.binaryName(record), new SourceOrder(names.binaryName(record), -1)));
        }
        return composite;
    }

    /**
     * The name of the type the install script creates for {@code type} (a record or an enum, or
     * an Optional of one), if any.
     */
    Optional<String> createdName(TypeMirror type) {
        TypeMirror t = type;
        if (t.getKind() == TypeKind.DECLARED && names.of(t).equals(TypeMapping.OPTIONAL)
                && ((DeclaredType) t).getTypeArguments().size() == 1) {
            t = ((DeclaredType) t).getTypeArguments().getFirst();
        }
        if (EnumTypes.enumOf(t).isPresent()) {
            return enums.createdName(t);
        }
        if (BaseTypes.baseTypeOf(t).isPresent()) {
            return baseTypes.createdName(t);
        }
        return record(t).filter(r -> !used(r).existing()).map(names::binaryName).map(created::get)
                .map(SqlCompositeType::name);
    }

    private List<String> nestedCreated(TypeElement record) {
        List<String> nested = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            createdName(component.asType()).ifPresent(nested::add);
        }
        return List.copyOf(nested);
    }

    /** The composite type of a record, read once; component problems are reported on the record. */
    Composite of(TypeElement record) {
        String key = names.binaryName(record);
        Composite known = read.get(key);
        if (known != null) {
            return known;
        }
        CompositeType annotation = record.getAnnotation(CompositeType.class);
        String name = SnakeCase.unlessNamed(annotation == null ? null : annotation.name(), record.getSimpleName().toString());
        boolean existing = annotation != null && annotation.existing();
        if (!existing && BUILT_IN.contains(name)) {
            reporter.error(record, "record " + key + " would be the composite type " + name + ", which is the name of a"
                    + " built-in type that SQL would find first; name it with @CompositeType(name = \"...\")");
        }
        if (!reading.add(key)) {
            if (!invalid.add(key)) {
                return new Composite(name, List.of(), existing);
            }
            reporter.error(record, "record " + key + " contains itself, which a SQL composite type cannot");
            return new Composite(name, List.of(), existing);
        }
        List<SqlCompositeType.Column> columns = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            TypeMirror type = component.asType();
            Optional<TypeMapping.SqlType> sql = mapping.parameter(type);
            if (sql.isEmpty()) {
                reporter.error(record, "record " + key + ": component " + component.getSimpleName()
                        + " has unsupported type " + type + TypeMapping.SEE_SUPPORTED);
                continue;
            }
            columns.add(new SqlCompositeType.Column(SnakeCase.of(component.getSimpleName().toString()),
                    sqlTypeOverride(component).orElse(sql.get().name())));
        }
        reading.remove(key);
        Composite composite = new Composite(name, List.copyOf(columns), existing);
        read.put(key, composite);
        return composite;
    }

    /**
     * {@code @SqlType} on a component: javac puts it on the accessor (its targets are methods and
     * parameters), where the component's own annotations live for this purpose.
     */
    private static Optional<String> sqlTypeOverride(RecordComponentElement component) {
        SqlType override = component.getAccessor() == null ? null : component.getAccessor().getAnnotation(SqlType.class);
        return override == null || override.value().isBlank() ? Optional.empty() : Optional.of(override.value().trim());
    }

    /** The types the install script creates. */
    List<SqlCompositeType> created() {
        return List.copyOf(created.values());
    }
}

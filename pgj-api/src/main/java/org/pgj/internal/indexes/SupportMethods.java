package org.pgj.internal.indexes;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.indexes.PgOperatorClass;
import org.pgj.internal.datum.TypeMapping;
import org.pgj.internal.datum.TypeMappings;
import org.pgj.internal.datum.Varlena;
import org.pgj.internal.spi.SpiNative;

/**
 * What the GIN and GiST support functions share: a body {@code class::<method>_<role>} resolved to
 * the one annotated method of that role in a {@code @PgOperatorClass}, the operator class's SQL
 * types, and the errors that say what is wrong with a method.
 */
final class SupportMethods {
    private SupportMethods() {
    }

    /** A support function's method, found: its role, the class's annotation and a handle on it. */
    record Resolved<E extends Enum<E>>(E role, Class<?> owner, PgOperatorClass opclass, Method method,
            MethodHandle target, String name) {
    }

    /** Whether a function body ({@code class::role}) names a role with {@code prefix} ({@code gin_}). */
    static boolean isRole(String source, String prefix) {
        int split = source.indexOf("::");
        return split > 0 && source.startsWith(prefix, split + 2);
    }

    /** The body's role name: {@code prefix} and the role in lower case ({@code gist_penalty}). */
    static String roleName(String prefix, Enum<?> role) {
        return prefix + role.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The method {@code source} names: the class loaded by {@code loader} (initialized now if
     * {@code initialize}: not when the validator checks the function, which runs no extension code),
     * which must be a {@code @PgOperatorClass}, and its one public static method whose
     * {@code annotation} has the role. {@code index} names the method in messages ("GIN").
     */
    static <E extends Enum<E>, A extends Annotation> Resolved<E> resolve(String source, String prefix, Class<E> roles,
            Class<A> annotation, Function<A, E> roleOf, String index, ClassLoader loader, TypeMappings.Describer fn,
            boolean initialize) {
        int split = source.indexOf("::");
        String className = source.substring(0, split).trim();
        String roleName = source.substring(split + 2).trim();
        E role = null;
        for (E r : roles.getEnumConstants()) {
            role = roleName(prefix, r).equals(roleName) ? r : role;
        }
        if (role == null) {
            throw invalid(fn, "'" + roleName + "' is not a role of a " + index + " support function; known roles: "
                    + String.join(", ", Arrays.stream(roles.getEnumConstants()).map(r -> roleName(prefix, r)).toList()));
        }
        Class<?> owner;
        try {
            owner = Class.forName(className, initialize, loader);
        } catch (ClassNotFoundException e) {
            throw new PgException(SqlState.UNDEFINED_FUNCTION, "function " + fn.describe() + ": class " + className
                    + " not found in the extension's jars", null, "Reinstall the extension.");
        }
        PgOperatorClass opclass = owner.getAnnotation(PgOperatorClass.class);
        if (opclass == null) {
            throw invalid(fn, "class " + className + " is not annotated @PgOperatorClass");
        }
        Method method = method(owner, annotation, roleOf, role, fn);
        try {
            return new Resolved<>(role, owner, opclass, method, MethodHandles.publicLookup().unreflect(method),
                    className + "." + method.getName());
        } catch (IllegalAccessException e) {
            throw invalid(fn, "method " + method.getName() + " of " + className + " is not public: " + e.getMessage());
        }
    }

    /** The one public static method of the role in the class. */
    private static <E extends Enum<E>, A extends Annotation> Method method(Class<?> owner, Class<A> annotation,
            Function<A, E> roleOf, E role, TypeMappings.Describer fn) {
        String marked = "@" + annotation.getSimpleName() + "(" + role + ")";
        Method found = null;
        for (Method m : owner.getMethods()) {
            A support = m.getAnnotation(annotation);
            if (support != null && roleOf.apply(support) == role) {
                if (found != null) {
                    throw invalid(fn, owner.getName() + " has two " + marked + " methods, " + found.getName() + " and "
                            + m.getName());
                }
                found = m;
            }
        }
        if (found == null) {
            throw new PgException(SqlState.UNDEFINED_FUNCTION, "function " + fn.describe() + ": no public static method"
                    + " annotated " + marked + " in " + owner.getName(), null,
                    "Reinstall the extension, or fix the class named in the function's AS clause.");
        }
        if (!Modifier.isStatic(found.getModifiers())) {
            throw invalid(fn, "method " + owner.getName() + "." + found.getName() + " is not static");
        }
        return found;
    }

    static void expect(TypeMappings.Describer fn, String method, boolean fits, String shape) {
        if (!fits) {
            throw invalid(fn, "method " + method + " does not have the shape of its role: " + shape);
        }
    }

    /** {@code K} of {@code List<K>}, {@code GinQuery<K>}, {@code GinCheck<K>}. */
    static Type argumentOf(Type generic, TypeMappings.Describer fn, String method) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return p.getActualTypeArguments()[0];
        }
        throw invalid(fn, "method " + method + ": " + generic.getTypeName() + " names no key type; write it with its"
                + " type argument, as List<String>");
    }

    static PgException invalid(TypeMappings.Describer fn, String message) {
        return new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "function " + fn.describe() + ": " + message);
    }

    /** The SQL types the operator class names, resolved once per function. */
    static final class Types {
        final int type;
        final int storage;
        final int query;
        private final TypeMappings.Describer fn;

        Types(PgOperatorClass opclass, TypeMappings.Describer fn) {
            this.fn = fn;
            type = oid(opclass.type());
            storage = opclass.storage().isEmpty() ? type : oid(opclass.storage());
            query = opclass.queryType().isEmpty() ? type : oid(opclass.queryType());
        }

        static int oid(String name) {
            return SpiNative.typeOid(Varlena.writeCString(name));
        }

        TypeMapping mapping(Type javaType, int sqlType, String what) {
            return TypeMappings.conversion(javaType, sqlType, what, fn).mapping();
        }
    }
}

package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds raw SQL to the install script, ordered relative to the generated objects.
 *
 * <p>Exactly one of {@link #sql()} or {@link #file()} is given. {@code file} is a path relative
 * to the project's {@code src/main/sql} folder.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(ExtensionSql.List.class)
public @interface ExtensionSql {
    /** Name other objects use in {@code requires} / {@link #after()}. */
    String name();

    String sql() default "";

    String file() default "";

    Position position() default Position.ORDERED;

    /** Names of generated functions (by SQL name) or other blocks that must come first. */
    String[] after() default {};

    /** Where a block goes. */
    enum Position {
        /** Before every generated object (pgrx's bootstrap). */
        FIRST,
        /** Among the generated objects, after those named in {@link #after()}. */
        ORDERED,
        /** After every generated object (pgrx's finalize). */
        LAST
    }

    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.TYPE, ElementType.PACKAGE})
    @interface List {
        ExtensionSql[] value();
    }
}

package org.pgj.spi;

import java.util.Objects;

/**
 * An argument with its SQL type given, for when the Java value does not say it: a NULL of a
 * known type, or a value in the text form of a type with no Java mapping.
 *
 * <pre>{@code
 * spi.run("INSERT INTO events(at, note) VALUES ($1, $2)", Arg.of("timestamptz", "2024-05-01 12:00+00"), Arg.nullOf("text"));
 * }</pre>
 *
 * <p>Plain Java arguments need no {@code Arg}: {@code Integer} is sent as {@code integer},
 * {@code Long} as {@code bigint}, {@code String} as {@code text} and so on, and a plain
 * {@code null} takes the type the statement gives it.
 *
 * @param type the SQL type, named as in SQL ({@code int4}, {@code numeric(10,2)}, {@code myschema.mytype})
 * @param value the value, or null for NULL; a {@code String} is read by the type's input function
 */
public record Arg(String type, Object value) {
    public Arg {
        Objects.requireNonNull(type, "type");
    }

    public static Arg of(String type, Object value) {
        return new Arg(type, value);
    }

    public static Arg nullOf(String type) {
        return new Arg(type, null);
    }
}

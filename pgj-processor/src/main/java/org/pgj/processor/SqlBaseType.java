package org.pgj.processor;

import java.util.List;
import javax.lang.model.element.Element;

/**
 * The base type of a {@code @PgType} class: its shell, its input, output, receive and send
 * functions, the {@code CREATE TYPE} that names them with its {@code storage} clauses, then the
 * derived operator functions with their operators, the operator classes and the binary-coercible
 * casts. Nothing it contains depends on other objects of the
 * script; functions, aggregates and composite types that use it come after it.
 */
record SqlBaseType(
        Element element,
        String name,
        List<SqlFunction> ioFunctions,
        List<SqlFunction> operatorFunctions,
        List<String> operatorClasses,
        String storage,
        List<SqlCast> coercibleCasts,
        String origin,
        SourceOrder order) implements ScriptObject {

    @Override
    public List<String> requires() {
        return List.of();
    }

    @Override
    public String describe() {
        return "base type " + name + " of @PgType " + origin;
    }

    /** Every function the type brings, for the duplicate-signature check. */
    List<SqlFunction> functions() {
        return java.util.stream.Stream.concat(ioFunctions.stream(), operatorFunctions.stream()).toList();
    }

    /**
     * The pgj.so symbol of an input or output function, which are {@code LANGUAGE C}: llvmjit can
     * compile an I/O coercion ({@code t::text}) only into calls of C functions, and aborts the
     * backend for a function of a procedural language (see pgj-native's call_handler.c). Null
     * for the other functions, which are in the extension's language.
     */
    static String nativeSymbol(SqlFunction fn) {
        return fn.target().endsWith("::input") ? "pgj_type_input"
                : fn.target().endsWith("::output") ? "pgj_type_output" : null;
    }

    /** {@code CREATE TYPE name (...)}, once its I/O functions exist. */
    String definition() {
        String type = SqlIdentifiers.quote(name);
        return "CREATE TYPE " + type + " (INPUT = " + SqlIdentifiers.quote(ioFunctions.get(0).sqlName())
                + ", OUTPUT = " + SqlIdentifiers.quote(ioFunctions.get(1).sqlName())
                + ", RECEIVE = " + SqlIdentifiers.quote(ioFunctions.get(2).sqlName())
                + ", SEND = " + SqlIdentifiers.quote(ioFunctions.get(3).sqlName())
                + ", " + storage + ");";
    }
}

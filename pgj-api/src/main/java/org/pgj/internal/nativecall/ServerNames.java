package org.pgj.internal.nativecall;

import org.pgj.internal.encoding.ServerEncoding;

/**
 * The server's names for its objects, as it prints them in messages. Each string is palloc'd by
 * the server in the current memory context, and read as a message (never refused on its text).
 */
public final class ServerNames {
    private static final long FORMAT_TYPE_BE = Facts.get("fn.format_type_be");
    private static final long FORMAT_PROCEDURE = Facts.get("fn.format_procedure");
    private static final long GET_NAMESPACE_NAME = Facts.get("fn.get_namespace_name");

    private ServerNames() {
    }

    /** A type as SQL names it: {@code integer}, {@code character varying}, {@code myschema.mytype}. */
    @CFunction(value = "char *format_type_be(Oid)", header = "utils/builtins.h")
    public static String formatTypeBe(int type) {
        return ServerEncoding.readMessage(Guard.call(FORMAT_TYPE_BE, type));
    }

    /** A function with its argument types: {@code myschema.f(integer)}. */
    @CFunction(value = "char *format_procedure(Oid)", header = "utils/regproc.h")
    public static String formatProcedure(int function) {
        return ServerEncoding.readMessage(Guard.call(FORMAT_PROCEDURE, function));
    }

    /** A schema's name; null when there is no such schema. */
    @CFunction(value = "char *get_namespace_name(Oid)", header = "utils/lsyscache.h")
    public static String getNamespaceName(int namespace) {
        return ServerEncoding.readCString(Guard.call(GET_NAMESPACE_NAME, namespace));
    }
}

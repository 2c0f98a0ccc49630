package org.pgj.internal;

import java.util.Map;
import java.util.Set;

/**
 * The Java type each C type of a declared prototype travels as (field descriptors): pointers and
 * 64-bit values as {@code long}, 32-bit integers and enums as {@code int}, {@code bool} as
 * {@code boolean}; a {@code char *} result may also be read into a {@code String}.
 */
final class CTypes {
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("void", "V"),
            Map.entry("bool", "Z"),
            Map.entry("int", "I"), Map.entry("int32", "I"), Map.entry("uint32", "I"), Map.entry("Oid", "I"),
            Map.entry("SubTransactionId", "I"), Map.entry("LWLockMode", "I"), Map.entry("BgwHandleStatus", "I"), Map.entry("CommandTag", "I"),
            Map.entry("int64", "J"), Map.entry("uint64", "J"), Map.entry("Datum", "J"), Map.entry("Size", "J"),
            Map.entry("size_t", "J"),
            // Pointer typedefs
            Map.entry("MemoryContext", "J"), Map.entry("ResourceOwner", "J"), Map.entry("WindowObject", "J"), Map.entry("TupleDesc", "J"),
            Map.entry("HeapTuple", "J"), Map.entry("Portal", "J"), Map.entry("SPIPlanPtr", "J"),
            Map.entry("Relation", "J"), Map.entry("PgjAnyFunction", "J"), Map.entry("fmNodePtr", "J"),
            Map.entry("FmgrInfo *", "J"), Map.entry("FunctionCallInfo", "J"), Map.entry("Form_pg_attribute", "J"));

    private CTypes() {
    }

    static String javaParameter(String cType) {
        String type = cType.replace("const ", "").strip();
        if (type.endsWith("*")) {
            return "J";
        }
        String java = NAMED.get(type);
        if (java == null || java.equals("V")) {
            throw new IllegalArgumentException("no Java type for the C type '" + cType
                    + "': add it to CTypes (a pointer typedef is long, a 32-bit integer or enum int)");
        }
        return java;
    }

    static Set<String> javaResults(String cType) {
        String type = cType.replace("const ", "").strip();
        if (type.equals("char *")) {
            return Set.of("J", "Ljava/lang/String;");
        }
        return type.equals("void") ? Set.of("V") : Set.of(javaParameter(cType));
    }
}

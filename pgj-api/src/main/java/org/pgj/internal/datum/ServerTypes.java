package org.pgj.internal.datum;

import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;

/** What the server knows about types: the catalog and type cache lookups conversions make. */
public final class ServerTypes {
    private static final long GET_BASE_TYPE = Facts.get("fn.getBaseType");
    private static final long GET_ELEMENT_TYPE = Facts.get("fn.get_element_type");
    private static final long TYPE_IS_ENUM = Facts.get("fn.type_is_enum");
    private static final long GET_TYPLENBYVALALIGN = Facts.get("fn.get_typlenbyvalalign");
    private static final long LOOKUP_TYPE_CACHE = Facts.get("fn.lookup_type_cache");
    private static final long DOMAIN_CHECK = Facts.get("fn.domain_check");
    private static final long GET_FN_EXPR_ARGTYPE = Facts.get("fn.get_fn_expr_argtype");
    private static final long GET_FN_EXPR_RETTYPE = Facts.get("fn.get_fn_expr_rettype");

    private ServerTypes() {
    }

    /** The type under a domain (under domains of domains); the type itself when it is none. */
    @CFunction(value = "Oid getBaseType(Oid)", header = "utils/lsyscache.h")
    static int getBaseType(int type) {
        return (int) Guard.call(GET_BASE_TYPE, type);
    }

    /** The element type of an array type; 0 when it is not one. */
    @CFunction(value = "Oid get_element_type(Oid)", header = "utils/lsyscache.h")
    static int getElementType(int type) {
        return (int) Guard.call(GET_ELEMENT_TYPE, type);
    }

    @CFunction(value = "bool type_is_enum(Oid)", header = "utils/lsyscache.h")
    static boolean typeIsEnum(int type) {
        return (Guard.call(TYPE_IS_ENUM, type) & 0xFF) != 0;
    }

    /** Writes the type's typlen (int16), typbyval (bool) and typalign (char) at the three addresses. */
    @CFunction(value = "void get_typlenbyvalalign(Oid, int16 *, bool *, char *)", header = "utils/lsyscache.h")
    static void getTyplenbyvalalign(int type, long typlen, long typbyval, long typalign) {
        Guard.call(GET_TYPLENBYVALALIGN, type, typlen, typbyval, typalign);
    }

    /** Whether the type's values are passed by value (typbyval): its Datum is the whole value. */
    static boolean byValue(int type) {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            var info = arena.allocate(8);
            getTyplenbyvalalign(type, info.address(), info.address() + 2, info.address() + 3);
            return info.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 2) != 0;
        }
    }

    /** The type's TypeCacheEntry, filled with at least what {@code flags} (TYPECACHE_*) ask for. */
    @CFunction(value = "TypeCacheEntry *lookup_type_cache(Oid, int)", header = "utils/typcache.h")
    static long lookupTypeCache(int type, int flags) {
        return Guard.call(LOOKUP_TYPE_CACHE, type, flags);
    }

    /** Raises the domain's error (23502, 23514) when the value breaks one of its constraints. */
    @CFunction(value = "void domain_check(Datum, bool, Oid, void **, MemoryContext)", header = "utils/builtins.h")
    static void domainCheck(long value, boolean isNull, int domain, long extra, long memory) {
        Guard.call(DOMAIN_CHECK, value, isNull ? 1 : 0, domain, extra, memory, 0);
    }

    /** The actual type of a polymorphic argument in this call; 0 when the call does not say. */
    @CFunction(value = "Oid get_fn_expr_argtype(FmgrInfo *, int)", header = "fmgr.h")
    public static int getFnExprArgtype(long flinfo, int argument) {
        return (int) Guard.call(GET_FN_EXPR_ARGTYPE, flinfo, argument);
    }

    /** The actual result type of a polymorphic function in this call; 0 when the call does not say. */
    @CFunction(value = "Oid get_fn_expr_rettype(FmgrInfo *)", header = "fmgr.h")
    static int getFnExprRettype(long flinfo) {
        return (int) Guard.call(GET_FN_EXPR_RETTYPE, flinfo);
    }
}

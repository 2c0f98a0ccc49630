package org.pgj.internal;

import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/** Declarations NativeContractTest must refuse; only its class file is read, it never runs. */
final class WrongDeclarations {
    private static final long FORMAT_TYPE_BE = Facts.get("fn.format_type_be");
    private static final long NAMESPACE_NAME = Facts.get("fn.get_namespace_name");

    private WrongDeclarations() {
    }

    @CFunction(value = "char *format_type_be(Oid)", header = "utils/builtins.h")
    static String typeName(long type) {
        return Native.readCString(Guard.call(FORMAT_TYPE_BE, type));
    }

    @CFunction(value = "Oid format_type_be(Oid)", header = "utils/builtins.h", call = CFunction.Call.DIRECT)
    static int typeOid(int type) {
        return (int) Guard.call(FORMAT_TYPE_BE, type);
    }

    @CFunction(value = "char *format_procedure(Oid)", header = "utils/regproc.h")
    static long unread(int function) {
        return Guard.call(0L, function);
    }

    /** No declaration, yet a call of a function pointer. */
    static long byHand(long function) {
        return Native.direct(function);
    }
}

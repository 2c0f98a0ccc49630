package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.invoke.MethodType.methodType;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.List;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.call.ErrorBridge;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;

/**
 * The functions the install script creates for a {@code @PgType}, whose body names the class and
 * the role ({@code 'com.example.Version::input'}): type input, output, receive and send from the
 * class's codec, and the derived comparisons from its {@code equals}, {@code compareTo} and
 * {@code hashCode}. All are strict, so no argument is NULL. Each is a {@code (long fcinfo) -> long}
 * invoker that, as every upcall, records what it throws for the native side instead.
 */
public final class BaseTypeFunctions {
    /** The binary form's first byte, as jsonb's send writes one: a later format can tell itself apart. */
    static final byte BINARY_VERSION = 1;
    private static final long INFO_DATA = Facts.get("StringInfoData.data");
    private static final long INFO_LEN = Facts.get("StringInfoData.len");
    private static final long INFO_CURSOR = Facts.get("StringInfoData.cursor");
    private static final List<String> ROLES = List.of("input", "output", "receive", "send", "eq", "ne", "lt", "le", "gt",
            "ge", "cmp", "hash");

    private BaseTypeFunctions() {
    }

    /** Whether a function body is a base type's function rather than a Java method reference. */
    public static boolean isRole(String source) {
        return source.contains("::");
    }

    /**
     * The invoker of {@code source}, {@code class::role}; the class is loaded by {@code loader}, and
     * initialized now if {@code initialize}. Its codec is made at the first value, so that resolving
     * runs none of the extension's code.
     */
    public static MethodHandle invoker(String source, ClassLoader loader, String function, boolean initialize) {
        int split = source.indexOf("::");
        String className = source.substring(0, split).trim();
        String role = source.substring(split + 2).trim();
        if (!ROLES.contains(role)) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "function " + function + ": '" + role
                    + "' is not a role of a @PgType's function; known roles: " + String.join(", ", ROLES));
        }
        Class<?> type;
        try {
            type = Class.forName(className, initialize, loader);
        } catch (ClassNotFoundException e) {
            throw new PgException(SqlState.UNDEFINED_FUNCTION, "function " + function + ": class " + className
                    + " not found in the extension's jars", null, "Reinstall the extension.");
        }
        if (!BaseType.is(type)) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "function " + function + ": class " + className
                    + " is not annotated @PgType");
        }
        MethodHandle invoker = Native.findStatic(MethodHandles.lookup(), BaseTypeFunctions.class, role,
                methodType(long.class, BaseType.class, long.class));
        return MethodHandles.insertArguments(invoker, 0, BaseType.of(type));
    }

    static long input(BaseType type, long fcinfo) {
        try {
            String text = Texts.cstringFrom(FcInfo.arg(fcinfo, 0));
            Object value;
            try {
                value = type.codec().fromText(text);
            } catch (PgException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type "
                        + type.sqlName + ": \"" + text + "\"", e.getMessage(), null);
            }
            return BaseType.toDatum(type, type.checked(value, SqlState.INVALID_TEXT_REPRESENTATION));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    static long output(BaseType type, long fcinfo) {
        try {
            return Texts.cstringTo(type.codec().toText(BaseType.fromDatum(type, FcInfo.arg(fcinfo, 0))));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /**
     * Reads the rest of the message buffer: the codec's own wire format, or else the version byte
     * and the codec's binary form. Either is decoded (so bad bytes are refused here, 22P03) and
     * stored as the codec writes it again.
     */
    static long receive(BaseType type, long fcinfo) {
        try {
            long info = FcInfo.arg(fcinfo, 0);
            int length = ALL.get(JAVA_INT, info + INFO_LEN);
            int cursor = ALL.get(JAVA_INT, info + INFO_CURSOR);
            long data = ALL.get(JAVA_LONG, info + INFO_DATA);
            byte[] message = new byte[length - cursor];
            java.lang.foreign.MemorySegment.copy(ALL, JAVA_BYTE, data + cursor, message, 0, message.length);
            ALL.set(JAVA_INT, info + INFO_CURSOR, length); // a receive function consumes what it read
            boolean own = type.codec().ownsWireFormat();
            if (!own && (message.length == 0 || message[0] != BINARY_VERSION)) {
                throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, "unsupported binary format of type "
                        + type.sqlName + ": the first byte must be the version " + BINARY_VERSION);
            }
            Object value;
            try {
                value = own ? type.codec().receive(message) : type.codec().fromBinary(Arrays.copyOfRange(message, 1, message.length));
            } catch (PgException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, "invalid binary value of type "
                        + type.sqlName, e.getMessage(), null);
            }
            return BaseType.toDatum(type, type.checked(value, SqlState.INVALID_BINARY_REPRESENTATION));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /** The codec's own wire form of the value, or else the version byte and the stored bytes, which are the codec's binary form already. */
    static long send(BaseType type, long fcinfo) {
        try {
            byte[] stored = type.storedBytes(FcInfo.arg(fcinfo, 0));
            if (type.codec().ownsWireFormat()) {
                return Varlena.writeBytes(type.codec().send(type.decode(stored)));
            }
            byte[] message = new byte[stored.length + 1];
            message[0] = BINARY_VERSION;
            System.arraycopy(stored, 0, message, 1, stored.length);
            return Varlena.writeBytes(message);
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    static long eq(BaseType type, long fcinfo) {
        try {
            return Datums.boolTo(arg(type, fcinfo, 0).equals(arg(type, fcinfo, 1)));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    static long ne(BaseType type, long fcinfo) {
        try {
            return Datums.boolTo(!arg(type, fcinfo, 0).equals(arg(type, fcinfo, 1)));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    static long lt(BaseType type, long fcinfo) {
        try {
            return Datums.boolTo(compare(type, fcinfo) < 0);
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    static long le(BaseType type, long fcinfo) {
        try {
            return Datums.boolTo(compare(type, fcinfo) <= 0);
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    static long gt(BaseType type, long fcinfo) {
        try {
            return Datums.boolTo(compare(type, fcinfo) > 0);
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    static long ge(BaseType type, long fcinfo) {
        try {
            return Datums.boolTo(compare(type, fcinfo) >= 0);
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /** btree's support function 1: negative, zero or positive, as compareTo. */
    static long cmp(BaseType type, long fcinfo) {
        try {
            return Datums.int4To(Integer.signum(compare(type, fcinfo)));
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /** hash's support function 1: Java's hashCode, which equal values share. */
    static long hash(BaseType type, long fcinfo) {
        try {
            return Datums.int4To(arg(type, fcinfo, 0).hashCode());
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    private static Object arg(BaseType type, long fcinfo, int index) {
        return type.decodedForComparison(index, FcInfo.arg(fcinfo, index));
    }

    @SuppressWarnings("unchecked")
    private static int compare(BaseType type, long fcinfo) {
        return ((Comparable<Object>) arg(type, fcinfo, 0)).compareTo(arg(type, fcinfo, 1));
    }
}

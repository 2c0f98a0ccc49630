package org.pgj.internal.datum;

import static java.lang.invoke.MethodType.methodType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.nativecall.ServerNames;
import org.pgj.internal.settings.SnakeCase;
import org.pgj.types.PgType;
import org.pgj.types.TypeCodec;

/**
 * A {@link PgType} class and its SQL base type: a value is a varlena holding the codec's binary
 * form, which the server stores and TOASTs as it would a bytea, or that form of a fixed length,
 * pointed to or (passed by value) the Datum itself. Reading a stored value that the
 * codec refuses is an error (XX001), never a crash: the bytes are only ever handed to the codec.
 */
public final class BaseType {
    private static final Map<Class<?>, BaseType> BY_CLASS = new ConcurrentHashMap<>();
    private static final MethodHandle FROM = Native.findStatic(MethodHandles.lookup(), BaseType.class, "fromDatum",
            methodType(Object.class, BaseType.class, long.class));
    private static final MethodHandle TO = Native.findStatic(MethodHandles.lookup(), BaseType.class, "toDatum",
            methodType(long.class, BaseType.class, Object.class));

    final Class<?> javaType;
    final String sqlName;
    private final Supplier<TypeCodec<Object>> makeCodec;
    /** Made at the first value: see {@link #codec()}. */
    private TypeCodec<Object> codec;
    /** By SQL type OID: the mapping to it, or empty when it is not this class's type. */
    private final Map<Integer, Optional<TypeMapping>> mappings = new ConcurrentHashMap<>();

    /** The stored form's fixed length in bytes ({@link PgType#internalLength()}), or -1 for a varlena. */
    private final int internalLength;
    /** Whether the stored form is the Datum itself ({@link PgType#passedByValue()}). */
    private final boolean byValue;

    private BaseType(Class<?> javaType, String sqlName, Supplier<TypeCodec<Object>> makeCodec) {
        this.javaType = javaType;
        this.sqlName = sqlName;
        this.makeCodec = makeCodec;
        PgType annotation = javaType.getAnnotation(PgType.class);
        this.internalLength = annotation.internalLength();
        this.byValue = annotation.passedByValue();
    }

    /**
     * The codec, made at the first value that needs it rather than when a function is resolved:
     * it is the extension's code (or its Jackson), which resolving, and so validating a function
     * at CREATE FUNCTION, must not run. Only the backend's thread converts values.
     */
    TypeCodec<Object> codec() {
        if (codec == null) {
            codec = makeCodec.get();
        }
        return codec;
    }

    /** Whether {@code type} is a {@code @PgType} class. */
    public static boolean is(Class<?> type) {
        return type.isAnnotationPresent(PgType.class);
    }

    /** The base type of a {@code @PgType} class, made once per class (and so per extension class loader). */
    static BaseType of(Class<?> type) {
        return BY_CLASS.computeIfAbsent(type, BaseType::make);
    }

    /** The SQL name the build gave the type of {@code type}: {@link PgType#name()}, or the simple name in snake_case. */
    public static String sqlName(Class<?> type) {
        return SnakeCase.unlessNamed(type.getAnnotation(PgType.class).name(), type.getSimpleName());
    }

    /** What the codec will be made of is checked now (42P13), without running it. */
    @SuppressWarnings("unchecked")
    private static BaseType make(Class<?> type) {
        Class<?> codecClass = type.getAnnotation(PgType.class).codec();
        if (codecClass == TypeCodec.class) {
            JsonCodec.checkJackson(type);
            return new BaseType(type, sqlName(type), () -> JsonCodec.of(type));
        }
        try {
            Constructor<?> constructor = codecClass.getConstructor();
            return new BaseType(type, sqlName(type), () -> {
                try {
                    return (TypeCodec<Object>) constructor.newInstance();
                } catch (ReflectiveOperationException | ClassCastException e) {
                    throw cannotCreate(codecClass, type, e);
                }
            });
        } catch (NoSuchMethodException e) {
            throw cannotCreate(codecClass, type, e);
        }
    }

    private static PgException cannotCreate(Class<?> codecClass, Class<?> type, Exception e) {
        return new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "cannot create the TypeCodec "
                + codecClass.getName() + " of @PgType " + type.getName() + ": " + e, null,
                "Give it a public no-argument constructor.");
    }

    /**
     * The mapping of {@code @PgType} class {@code raw} to {@code sqlType}, or null when that is
     * not the class's type (by name: the build named it, and a schema may qualify it).
     */
    static TypeMapping mapping(Class<?> raw, int sqlType) {
        BaseType type = of(raw);
        return type.mappings.computeIfAbsent(sqlType, type::mappingTo).orElse(null);
    }

    private Optional<TypeMapping> mappingTo(int sqlType) {
        String name = ServerNames.formatTypeBe(sqlType);
        if (!name.substring(name.lastIndexOf('.') + 1).replace("\"", "").equals(sqlName)) {
            return Optional.empty();
        }
        return Optional.of(new TypeMapping(javaType, Set.of(sqlType), FROM.bindTo(this).asType(methodType(javaType, long.class)),
                TO.bindTo(this).asType(methodType(long.class, javaType))));
    }

    /** A stored value: its bytes (detoasted) read by the codec. */
    static Object fromDatum(BaseType type, long datum) {
        return type.decode(type.storedBytes(datum));
    }

    /**
     * The stored form of a Datum: a varlena's data, the fixed number of bytes a Datum points to,
     * or those of the Datum itself in the server's byte order (the low bytes, as PostgreSQL's
     * {@code store_att_byval} keeps them).
     */
    byte[] storedBytes(long datum) {
        if (internalLength < 0) {
            return Varlena.readBytes(datum);
        }
        byte[] bytes = new byte[internalLength];
        if (byValue) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
            switch (internalLength) {
                case 1 -> buffer.put((byte) datum);
                case 2 -> buffer.putShort((short) datum);
                case 4 -> buffer.putInt((int) datum);
                default -> buffer.putLong(datum);
            }
        } else {
            MemorySegment.copy(Native.ALL, ValueLayout.JAVA_BYTE, datum, bytes, 0, internalLength);
        }
        return bytes;
    }

    /**
     * The Datum of a stored form: a palloc'd varlena or fixed-length copy, or for a type passed by
     * value the bytes as a Datum, sign-extended as PostgreSQL's {@code Int32GetDatum} does, so
     * that equal values are equal Datums.
     */
    long datumOf(byte[] bytes) {
        if (internalLength < 0) {
            return Varlena.writeBytes(bytes);
        }
        if (bytes.length != internalLength) {
            throw new PgException(SqlState.INTERNAL_ERROR, "the codec of type " + sqlName + " wrote " + bytes.length
                    + " bytes, but the type's internalLength is " + internalLength, null,
                    "Make the codec's toBinary write exactly internalLength bytes.");
        }
        if (byValue) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
            return switch (internalLength) {
                case 1 -> buffer.get();
                case 2 -> buffer.getShort();
                case 4 -> buffer.getInt();
                default -> buffer.getLong();
            };
        }
        long address = Varlena.palloc(internalLength);
        MemorySegment.copy(bytes, 0, Native.ALL, ValueLayout.JAVA_BYTE, address, internalLength);
        return address;
    }

    Object decode(byte[] bytes) {
        Object value;
        try {
            value = codec().fromBinary(bytes);
        } catch (PgException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PgException(SqlState.DATA_CORRUPTED, "a stored value of type " + sqlName
                    + " cannot be read by its codec: " + e.getMessage(), "It has " + bytes.length + " bytes.", null);
        }
        return checked(value, SqlState.DATA_CORRUPTED);
    }

    /**
     * Bytes and value of the last decoding for each argument position of the comparison functions:
     * a sort compares many values against one pivot, and an index search compares many keys with
     * one value, so reading that one again is the common case. Keyed by the stored bytes (never by
     * the address, which the server reuses), and only ever handed to equals, compareTo and hashCode.
     */
    private final byte[][] lastBytes = new byte[2][];
    private final Object[] lastValues = new Object[2];

    /** The value of a comparison function's argument {@code position}, decoded or as last decoded. */
    Object decodedForComparison(int position, long datum) {
        byte[] bytes = storedBytes(datum);
        for (int i = 0; i < 2; i++) {
            if (Arrays.equals(bytes, lastBytes[i])) {
                return lastValues[i];
            }
        }
        Object value = decode(bytes);
        lastBytes[position] = bytes;
        lastValues[position] = value;
        return value;
    }

    /** A value as the varlena of its binary form. */
    static long toDatum(BaseType type, Object value) {
        return type.datumOf(type.codec().toBinary(value));
    }

    /** A codec that reads a null has read no value; SQL NULL is not a value of the type. */
    Object checked(Object value, String sqlState) {
        if (value == null) {
            throw new PgException(sqlState, "the codec of type " + sqlName + " read no value (null)", null,
                    "SQL NULL is written NULL, not as a value of the type.");
        }
        return value;
    }
}

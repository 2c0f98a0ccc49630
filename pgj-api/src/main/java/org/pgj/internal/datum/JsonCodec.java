package org.pgj.internal.datum;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.types.TypeCodec;

/**
 * The default forms of a {@code @PgType}: JSON text, and its UTF-8 bytes as the binary form,
 * through an {@code ObjectMapper} of the extension's own Jackson (loaded by the class's loader,
 * as {@link JsonTrees} does; pgj's class path has no Jackson). Input is strict: unknown or
 * missing properties, a null for a primitive and trailing text are errors, not defaults.
 *
 * <p>The JSON bytes are also the stored form. Against a compact encoding of the components they
 * cost a few bytes of property names per value, which TOAST compression shrinks on large values,
 * and they buy a stored form that names its fields: adding a component or reordering the record
 * does not silently misread what is already in the tables.
 */
final class JsonCodec implements TypeCodec<Object> {
    private final MethodHandle readText;
    private final MethodHandle writeText;
    private final MethodHandle readBytes;
    private final MethodHandle writeBytes;

    private JsonCodec(MethodHandle readText, MethodHandle writeText, MethodHandle readBytes, MethodHandle writeBytes) {
        this.readText = readText;
        this.writeText = writeText;
        this.readBytes = readBytes;
        this.writeBytes = writeBytes;
    }

    /** Whether the class's loader has Jackson, found without initializing any of it; 42P13 when not. */
    static void checkJackson(Class<?> type) {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, type.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw noJackson(type, e);
        }
    }

    static JsonCodec of(Class<?> type) {
        try {
            ClassLoader loader = type.getClassLoader();
            Class<?> mapperClass = Class.forName("com.fasterxml.jackson.databind.ObjectMapper", true, loader);
            Class<?> feature = Class.forName("com.fasterxml.jackson.databind.DeserializationFeature", true, loader);
            Object mapper = mapperClass.getConstructor().newInstance();
            for (String strict : new String[] {"FAIL_ON_NULL_FOR_PRIMITIVES", "FAIL_ON_MISSING_CREATOR_PROPERTIES",
                    "FAIL_ON_TRAILING_TOKENS"}) {
                mapperClass.getMethod("configure", feature, boolean.class).invoke(mapper, feature.getField(strict).get(null), true);
            }
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle readText = lookup.findVirtual(mapperClass, "readValue", methodType(Object.class, String.class, Class.class));
            MethodHandle readBytes = lookup.findVirtual(mapperClass, "readValue", methodType(Object.class, byte[].class, Class.class));
            // All (Object) -> Object, so that call() invokes them exactly, without adapting them per call.
            MethodType shape = methodType(Object.class, Object.class);
            return new JsonCodec(
                    MethodHandles.insertArguments(readText.bindTo(mapper), 1, type).asType(shape),
                    lookup.findVirtual(mapperClass, "writeValueAsString", methodType(String.class, Object.class))
                            .bindTo(mapper).asType(shape),
                    MethodHandles.insertArguments(readBytes.bindTo(mapper), 1, type).asType(shape),
                    lookup.findVirtual(mapperClass, "writeValueAsBytes", methodType(byte[].class, Object.class))
                            .bindTo(mapper).asType(shape));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw noJackson(type, e);
        }
    }

    private static PgException noJackson(Class<?> type, Throwable e) {
        return new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "@PgType " + type.getName()
                + " has no codec and so uses JSON, but Jackson cannot be used: " + e, null,
                "Add com.fasterxml.jackson.core:jackson-databind to the extension's dependencies,"
                        + " or name a TypeCodec with @PgType(codec = ...).");
    }

    @Override
    public String toText(Object value) {
        return (String) call(writeText, value);
    }

    @Override
    public Object fromText(String text) {
        return call(readText, text);
    }

    @Override
    public byte[] toBinary(Object value) {
        return (byte[]) call(writeBytes, value);
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        return call(readBytes, bytes);
    }

    /** Jackson's checked exceptions become IllegalArgumentException, which the callers turn into SQL errors. */
    private static Object call(MethodHandle handle, Object argument) {
        try {
            return (Object) handle.invokeExact(argument);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalArgumentException(firstLine(e.getMessage()), e);
        }
    }

    /** Jackson's messages end with a source location and a reference chain, which say nothing to SQL users. */
    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int end = message.length();
        for (String tail : new String[] {"\n", " (start marker at", " at [Source"}) {
            int at = message.indexOf(tail);
            end = at < 0 ? end : Math.min(end, at);
        }
        return message.substring(0, end);
    }
}

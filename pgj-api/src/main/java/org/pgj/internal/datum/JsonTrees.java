package org.pgj.internal.datum;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;

/**
 * {@code json} and {@code jsonb} as a Jackson {@code JsonNode}, with the extension's own Jackson:
 * pgj-api does not depend on Jackson, so nothing on pgj's class path can clash with the version
 * an extension ships. The tree is parsed from, and printed to, the value's text form, by an
 * {@code ObjectMapper} loaded by the same class loader as the extension's {@code JsonNode}
 * (one per extension class loader), set to keep numbers exact (BigDecimal, as jsonb stores them).
 */
final class JsonTrees {
    static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";
    private static final Map<ClassLoader, Trees> BY_LOADER = new WeakHashMap<>();

    private JsonTrees() {
    }

    static boolean isJsonNode(Class<?> type) {
        return type.getName().equals(JSON_NODE);
    }

    /** The mapping of {@code jsonNode} (the extension's JsonNode class) to json or jsonb. */
    static TypeMapping mapping(Class<?> jsonNode, int sqlType) {
        Trees trees = BY_LOADER.computeIfAbsent(jsonNode.getClassLoader(), l -> new Trees(jsonNode));
        boolean jsonb = sqlType == Facts.getInt("JSONBOID");
        MethodHandle textFrom = Native.findStatic(MethodHandles.lookup(), Texts.class, jsonb ? "jsonbFrom" : "jsonFrom",
                methodType(String.class, long.class));
        MethodHandle textTo = Native.findStatic(MethodHandles.lookup(), Texts.class, jsonb ? "jsonbTo" : "jsonTo",
                methodType(long.class, String.class));
        return new TypeMapping(jsonNode, Set.of(sqlType),
                MethodHandles.filterReturnValue(textFrom, Trees.PARSE.bindTo(trees)).asType(methodType(jsonNode, long.class)),
                MethodHandles.filterArguments(textTo, 0, Trees.PRINT.bindTo(trees)).asType(methodType(long.class, jsonNode)));
    }

    /**
     * The ObjectMapper of one class loader, made at the first value rather than when a function
     * is resolved: Jackson is the extension's code, which resolving, and so validating a function
     * at CREATE FUNCTION, must not run. Only the backend's thread converts values.
     */
    private static final class Trees {
        static final MethodHandle PARSE = Native.findStatic(MethodHandles.lookup(), Trees.class, "parse",
                methodType(Object.class, Trees.class, String.class));
        static final MethodHandle PRINT = Native.findStatic(MethodHandles.lookup(), Trees.class, "print",
                methodType(String.class, Trees.class, Object.class));

        private final Class<?> jsonNode;
        /** {@code (String) -> Object} and {@code (Object) -> String}; null until the first value. */
        private MethodHandle[] parseAndPrint;

        Trees(Class<?> jsonNode) {
            this.jsonNode = jsonNode;
        }

        private static Object parse(Trees trees, String text) throws Throwable {
            return (Object) trees.handles()[0].invokeExact(text);
        }

        private static String print(Trees trees, Object tree) throws Throwable {
            return (String) trees.handles()[1].invokeExact(tree);
        }

        private MethodHandle[] handles() {
            if (parseAndPrint == null) {
                parseAndPrint = make(jsonNode);
            }
            return parseAndPrint;
        }
    }

    /** {@code (String) -> JsonNode} and {@code (JsonNode) -> String} as Objects, bound to a configured ObjectMapper. */
    private static MethodHandle[] make(Class<?> jsonNode) {
        try {
            ClassLoader loader = jsonNode.getClassLoader();
            Class<?> mapperClass = Class.forName("com.fasterxml.jackson.databind.ObjectMapper", true, loader);
            Class<?> feature = Class.forName("com.fasterxml.jackson.databind.DeserializationFeature", true, loader);
            Class<?> factory = Class.forName("com.fasterxml.jackson.databind.node.JsonNodeFactory", true, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Object mapper = mapperClass.getConstructor().newInstance();
            Object bigDecimals = feature.getField("USE_BIG_DECIMAL_FOR_FLOATS").get(null);
            mapperClass.getMethod("configure", feature, boolean.class).invoke(mapper, bigDecimals, true);
            Object exactFactory = factory.getMethod("withExactBigDecimals", boolean.class).invoke(null, true);
            mapperClass.getMethod("setNodeFactory", factory).invoke(mapper, exactFactory);
            MethodHandle parse = lookup.findVirtual(mapperClass, "readTree", methodType(jsonNode, String.class)).bindTo(mapper)
                    .asType(methodType(Object.class, String.class));
            MethodHandle print = lookup.findVirtual(mapperClass, "writeValueAsString", methodType(String.class, Object.class))
                    .bindTo(mapper);
            return new MethodHandle[] {parse, print};
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "cannot use Jackson's JsonNode: " + e, null,
                    "Add com.fasterxml.jackson.core:jackson-databind to the extension's dependencies.");
        }
    }
}

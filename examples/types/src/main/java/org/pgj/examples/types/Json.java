package org.pgj.examples.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.pgj.functions.PgFunction;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;

/** json and jsonb as text, and as Jackson trees (the extension's own Jackson). */
public final class Json {
    private Json() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("json")
    public static Optional<String> echoJson(@SqlType("json") Optional<String> j) {
        return j;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("jsonb")
    public static Optional<String> echoJsonbText(@SqlType("jsonb") Optional<String> j) {
        return j;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<JsonNode> echoJsonb(Optional<JsonNode> j) {
        return j;
    }

    /** A field of a jsonb document, like the server's -> operator. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<JsonNode> field(JsonNode doc, String name) {
        return Optional.ofNullable(doc.get(name));
    }

    /** A json (not jsonb) document built in Java. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("json")
    public static JsonNode pair(String key, int value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(key, value);
        return node;
    }

    /** Invalid JSON returned as json is the server's own error. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("json")
    public static String rawJson(String text) {
        return text;
    }
}

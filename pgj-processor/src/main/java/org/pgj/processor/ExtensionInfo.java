package org.pgj.processor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import org.pgj.functions.PgExtension;

/**
 * The extension's name, version and control-file fields: the build's {@code pgj.name} and
 * {@code pgj.version} options, overridden by a {@code @PgExtension}.
 */
record ExtensionInfo(
        String name,
        String version,
        String comment,
        String schema,
        boolean relocatable,
        boolean superuser,
        boolean trusted,
        List<String> requires) {

    static final String NAME_OPTION = "pgj.name";
    static final String VERSION_OPTION = "pgj.version";

    /** The handler maps language {@code pgj_<name>} to folder {@code pgj/<name>/}: no room for other characters. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** So that {@code pgj_<name>_call_handler} stays within PostgreSQL's 63-byte names. */
    private static final int MAX_NAME = 63 - "pgj__call_handler".length();

    /** The language this extension's functions are written in. */
    String language() {
        return "pgj_" + name;
    }

    /** Resolves and checks the fields; empty after reporting an error. */
    static Optional<ExtensionInfo> resolve(Map<String, String> options, List<Element> annotated, Reporter reporter) {
        Element element = annotated.isEmpty() ? null : annotated.getFirst();
        for (Element extra : annotated.subList(Math.min(1, annotated.size()), annotated.size())) {
            reporter.error(extra, "@PgExtension appears on both " + element + " and " + extra + "; keep one");
        }
        PgExtension ext = element == null ? null : element.getAnnotation(PgExtension.class);

        boolean named = ext != null && !ext.name().isEmpty();
        String name = named ? ext.name() : option(options, NAME_OPTION);
        String from = named ? "@PgExtension(name)" : "option " + NAME_OPTION;
        String version = option(options, VERSION_OPTION);
        boolean ok = annotated.size() <= 1;
        if (name.isEmpty()) {
            reporter.error(element, "no extension name: pass -A" + NAME_OPTION + "=<name> or set @PgExtension(name = ...)");
            ok = false;
        } else if (!NAME.matcher(name).matches()) {
            String suggestion = name.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
            String hint = !NAME.matcher(suggestion).matches() ? ""
                    : name.contains("-") ? "; replace '-' by '_' ('" + suggestion + "')"
                    : "; try '" + suggestion + "'";
            reporter.error(element, "extension name '" + name + "' (from " + from + ") is not valid: pgj extension names are "
                    + "[a-z][a-z0-9_]* because they become the language pgj_<name>" + hint
                    + (named ? "" : ", or set @PgExtension(name = ...)"));
            ok = false;
        } else if (name.length() > MAX_NAME) {
            reporter.error(element, "extension name '" + name + "' (from " + from + ") is longer than " + MAX_NAME
                    + " characters, which pgj_<name>_call_handler needs to fit PostgreSQL's names");
            ok = false;
        }
        ok &= checkVersion(version, element, reporter);

        String schema = ext == null ? "" : ext.schema();
        boolean relocatable = ext != null && ext.relocatable();
        if (relocatable && !schema.isEmpty()) {
            reporter.error(element, "@PgExtension: a relocatable extension cannot fix its schema ('" + schema + "')");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new ExtensionInfo(
                name,
                version,
                ext == null ? "" : ext.comment(),
                schema,
                relocatable,
                ext == null || ext.superuser(),
                ext != null && ext.trusted(),
                ext == null ? List.of() : Stream.of(ext.requires()).map(String::trim).filter(s -> !s.isEmpty()).toList()));
    }

    /** javac maps {@code -Akey} and {@code -Akey=} to null. */
    private static String option(Map<String, String> options, String key) {
        String value = options.get(key);
        return value == null ? "" : value.trim();
    }

    /** PostgreSQL's rules for version names, which appear in script file names. */
    private static boolean checkVersion(String version, Element element, Reporter reporter) {
        String problem = version.isEmpty() ? "is missing: pass -A" + VERSION_OPTION + "=<version>"
                : version.contains("--") ? "must not contain '--'"
                : version.startsWith("-") || version.endsWith("-") ? "must not start or end with '-'"
                : version.contains("/") || version.contains("\\") ? "must not contain a path separator"
                : null;
        if (problem != null) {
            reporter.error(element, "extension version '" + version + "' " + problem);
            return false;
        }
        return true;
    }
}

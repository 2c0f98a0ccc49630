package org.pgj.tooling.info;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.Prerequisites;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.ProjectBuilder;

/**
 * {@code pgj get FIELD} (pgrx's {@code cargo pgrx get}): one field of the project's control file,
 * as PostgreSQL reads it (quotes removed), alone on standard output for scripts:
 * {@code pgj get default_version}. The control file is generated from {@code @PgExtension}, so
 * the project is built first (the compile phase, as {@code pgj schema}). {@code version} is
 * {@code default_version}, and {@code name} the extension's name, which the control file's own
 * name carries.
 */
public final class GetCommand {
    /** The fields PostgreSQL reads from a control file (CREATE EXTENSION's documentation), in its order. */
    static final List<String> FIELDS = List.of("directory", "default_version", "comment", "encoding", "module_pathname",
            "requires", "no_relocate", "superuser", "trusted", "relocatable", "schema");
    private static final Map<String, String> ALIASES = Map.of("version", "default_version");

    public record Options(ExtensionProject project, String field) {
    }

    private GetCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        Prerequisites.forJdk(Jdk.current());
        ctx.builder().build(o.project(), ProjectBuilder.Phase.COMPILE, null, ctx.progress());
        ExtensionProject.Built built = o.project().built();
        ctx.out().println(field(built.name(), o.project().processorOutput().resolve(built.name() + ".control"), o.field()));
        return 0;
    }

    /** The value of {@code field} in the control file {@code control} of extension {@code name}, or an error that says what there is. */
    static String field(String name, Path control, String field) {
        if (field.equals("name")) {
            return name;
        }
        Map<String, String> set = read(control);
        String key = ALIASES.getOrDefault(field, field);
        String value = set.get(key);
        if (value != null) {
            return value;
        }
        String fields = String.join(", ", set.keySet()) + ", and version (default_version) and name";
        if (FIELDS.contains(key)) {
            throw new ToolException(key + " is not set in " + control + ", so PostgreSQL's default applies (see CREATE EXTENSION's"
                    + " documentation; @PgExtension sets it); the fields set are " + fields);
        }
        throw new ToolException("'" + field + "' is not a control file field; " + name + ".control has " + fields);
    }

    /** The control file's fields in their order: {@code key = value} lines, a quoted value unquoted ('' is one quote). */
    static Map<String, String> read(Path control) {
        List<String> lines;
        try {
            lines = Files.readAllLines(control, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("cannot read the control file " + control + " (" + e.getMessage() + "): rebuild the project", e);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 0) {
                continue;
            }
            String value = trimmed.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("''", "'");
            }
            fields.put(trimmed.substring(0, eq).strip(), value);
        }
        return fields;
    }
}

package org.pgj.tooling.scaffold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.installation.Stage;

/**
 * {@code pgj new NAME [--bgworker]}: a new extension project in the folder NAME: a pom that
 * builds with pgj, a class with one function ({@code hello_NAME()}), a JUnit test that runs it
 * through SQL and inside the backend, and a pg_regress-style test. It builds and its tests pass
 * as generated. {@code --bgworker} adds a background worker (started by a SQL function) and its
 * test. Running it again on the same, unedited
 * folder changes nothing; it never writes into a folder that holds anything else.
 */
public final class NewCommand {
    /** SQL's reserved words: CREATE EXTENSION select would not parse. */
    private static final Set<String> SQL_RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
            "current_date", "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group",
            "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp",
            "not", "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user",
            "using", "variadic", "when", "where", "window", "with");
    /** Java's keywords and literals: the name is also a package name. */
    private static final Set<String> JAVA_RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
            "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true",
            "false", "null", "var", "record", "yield", "sealed", "permits", "non", "_");
    /** NAMEDATALEN - 1, minus the longest prefix pgj adds ({@code hello_}). */
    private static final int MAX_NAME = 57;

    public record Options(String name, boolean bgworker) {
    }

    private NewCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        String name = checkName(o.name());
        Path dir = ctx.workDir().resolve(name).toAbsolutePath().normalize();
        Map<String, String> files = ProjectTemplate.render(name, o.bgworker());
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (sameFiles(dir, files)) {
                ctx.out().println(dir + " already holds the project " + name + " as pgj new made it: nothing to do");
                return 0;
            }
            throw new ToolException(dir + " exists and is not empty: pgj new writes only into a new or empty folder; "
                    + "choose another name, or remove the folder");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ToolException(dir + " exists and is not a folder: choose another name");
        }
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
        } catch (IOException e) {
            throw new ToolException("cannot write the project " + dir + " (" + e.getMessage() + "): check that "
                    + ctx.workDir() + " is writable", e);
        }
        ctx.out().println("created the extension project " + name + (o.bgworker() ? " (with a background worker)" : "")
                + " in " + dir);
        ctx.out().println("next: cd " + name + " && pgj run   (builds, starts a private PostgreSQL, CREATE EXTENSION "
                + name + ", opens psql)");
        return 0;
    }

    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new ToolException("pgj new needs the extension's name: pgj new NAME (lower-case letters, digits and _)");
        }
        if (!Stage.EXTENSION_NAME.matcher(name).matches()) {
            throw new ToolException("'" + name + "' cannot name a pgj extension: use lower-case letters, digits and _, "
                    + "starting with a letter (" + Stage.EXTENSION_NAME.pattern() + "), e.g. " + suggestion(name));
        }
        if (name.length() > MAX_NAME) {
            throw new ToolException("'" + name + "' is longer than " + MAX_NAME + " characters: PostgreSQL truncates "
                    + "longer names; choose a shorter one");
        }
        // pg_ is reserved for schemas and roles, not extensions (pg_trgm, pg_stat_statements), and pgj creates neither.
        if (SQL_RESERVED.contains(name) || JAVA_RESERVED.contains(name)) {
            throw new ToolException("'" + name + "' is reserved (an SQL or Java keyword): choose another name, e.g. "
                    + name + "_ext");
        }
        return name;
    }

    private static String suggestion(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "ext_" + s : s;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether {@code dir} holds the files pgj new would write, unedited (an earlier run; a build
     * may have added target/ since).
     */
    private static boolean sameFiles(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = dir.resolve(file.getKey());
                if (!Files.isRegularFile(path) || !Files.readString(path).equals(file.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

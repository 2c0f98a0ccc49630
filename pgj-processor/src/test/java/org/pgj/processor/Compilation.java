package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.pgj.functions.PgFunction;

/**
 * Compiles in-memory sources with the processor into {@code <dir>/target/classes}, like a Maven
 * build of an extension project would, and exposes the generated files and diagnostics.
 */
final class Compilation {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)");

    final boolean success;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    final Path classes;

    private Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes) {
        this.success = success;
        this.diagnostics = diagnostics;
        this.classes = classes;
    }

    /** Compiles with {@code -Apgj.name=demo -Apgj.version=1.0} plus {@code options} (later ones win). */
    static Compilation compile(Path projectDir, List<String> options, String... sources) {
        return compile(projectDir, options, List.of(), sources);
    }

    /** As above, with {@code others} running before the pgj processor. */
    static Compilation compile(Path projectDir, List<String> options, List<Processor> others, String... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = projectDir.resolve("target").resolve("classes");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(apiJar()));
            Map<String, String> opts = new LinkedHashMap<>();
            opts.put("pgj.name", "demo");
            opts.put("pgj.version", "1.0");
            List<String> args = new ArrayList<>();
            for (String option : options) {
                if (option.startsWith("-A") && option.contains("=")) {
                    opts.put(option.substring(2, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
                } else {
                    args.add(option);
                }
            }
            opts.forEach((k, v) -> args.add("-A" + k + "=" + v));
            List<JavaFileObject> units = Stream.of(sources).map(Compilation::source).toList();
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, args, null, units);
            List<Processor> processors = new ArrayList<>(others);
            processors.add(new PgjProcessor());
            task.setProcessors(processors);
            boolean ok = task.call();
            return new Compilation(ok, diagnostics.getDiagnostics(), classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where pgj-api's classes are (a jar or target/classes). */
    private static Path apiJar() {
        try {
            return Path.of(PgFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JavaFileObject source(String text) {
        Matcher pkg = PACKAGE.matcher(text);
        String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
        Matcher type = TYPE.matcher(text);
        String name = type.find() ? type.group(1) : "package-info";
        return new SimpleJavaFileObject(URI.create("string:///" + dir + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    /** A generated file under META-INF/pgj, or null when it was not written. */
    String file(String name) {
        Path path = classes.resolve("META-INF/pgj").resolve(name);
        try {
            return Files.exists(path) ? Files.readString(path) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The install script of extension demo 1.0, after asserting the compile succeeded. */
    String sql() {
        assertSucceeded();
        return file("demo--1.0.sql");
    }

    /** The CREATE FUNCTION lines of the install script. */
    List<String> functions() {
        return sql().lines().filter(l -> l.startsWith("CREATE FUNCTION ") && !l.contains("_call_handler")
                && !l.contains("_validator(oid)")).toList();
    }

    List<Diagnostic<? extends JavaFileObject>> errors() {
        return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    List<String> errorMessages() {
        return errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    void assertSucceeded() {
        assertTrue(success, () -> "compile failed: " + diagnostics);
    }

    /** Asserts exactly one error, containing every fragment, and returns it. */
    Diagnostic<? extends JavaFileObject> assertOneError(String... fragments) {
        assertEquals(1, errors().size(), () -> "errors: " + errorMessages());
        Diagnostic<? extends JavaFileObject> error = errors().getFirst();
        String message = error.getMessage(Locale.ROOT);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "'" + message + "' lacks '" + fragment + "'");
        }
        assertTrue(file("demo--1.0.sql") == null, "no script is written after an error");
        return error;
    }

    /** Whether any file was generated under META-INF/pgj. */
    boolean generatedAnything() {
        return Files.exists(classes.resolve("META-INF/pgj"));
    }
}

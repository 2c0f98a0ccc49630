package org.pgj.tooling.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgj.tooling.PgjRelease;

/**
 * The files of a new extension project, rendered from the templates next to this class
 * ({@code *.template}, with {@code {{key}}} placeholders). The pgj and plugin versions are the
 * ones this pgj was built with ({@link PgjRelease}).
 */
final class ProjectTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z.]+)}}");

    private ProjectTemplate() {
    }

    /** Relative path → content, for extension {@code name}; {@code bgworker} adds the worker's files. */
    static Map<String, String> render(String name, boolean bgworker) {
        String className = className(name);
        String pkg = "org.example." + name;
        String pkgPath = "src/main/java/" + pkg.replace('.', '/') + "/";
        String testPath = "src/test/java/" + pkg.replace('.', '/') + "/";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("Class", className);
        values.put("package", pkg);
        values.put("worker.readme", bgworker ? ", and `Worker`, a background worker" : "");
        for (String key : new String[] {"version", "java.release", "junit.version", "pgjdbc.version",
                "maven.compiler.plugin", "maven.surefire.plugin", "maven.jar.plugin", "maven.resources.plugin",
                "maven.install.plugin", "maven.clean.plugin"}) {
            values.put(key.equals("version") ? "pgj.version" : key, PgjRelease.get(key));
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", fill("pom.xml", values));
        files.put(".gitignore", fill("gitignore", values));
        files.put("README.md", fill("README.md", values));
        files.put(pkgPath + className + ".java", fill("Extension.java", values));
        files.put(testPath + className + "Test.java", fill("ExtensionTest.java", values));
        files.put("src/test/regress/sql/" + name + ".sql", fill("regress.sql", values));
        files.put("src/test/regress/expected/" + name + ".out", fill("regress.out", values));
        if (bgworker) {
            files.put(pkgPath + "Worker.java", fill("Worker.java", values));
            files.put(testPath + "WorkerTest.java", fill("WorkerTest.java", values));
        }
        return files;
    }

    /** {@code hello_world} → {@code HelloWorld}. */
    static String className(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    private static String fill(String template, Map<String, String> values) {
        String text;
        try (InputStream in = ProjectTemplate.class.getResourceAsStream(template + ".template")) {
            if (in == null) {
                throw new IllegalStateException("template " + template + ".template is missing from pgj-tooling");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read template " + template + ": " + e.getMessage(), e);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("template " + template + " uses unknown {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}

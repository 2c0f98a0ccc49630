package org.pgj.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import org.pgj.functions.ExtensionSql;

/**
 * Reads the {@code @ExtensionSql} blocks of one class or package, loading {@code file} blocks
 * from the SQL folder.
 */
final class SqlBlockReader {
    private final JavaTypeNames names;
    private final Supplier<Optional<Path>> sqlDir;
    private final Reporter reporter;

    /** {@code sqlDir} is asked only when a block names a file. */
    SqlBlockReader(JavaTypeNames names, Supplier<Optional<Path>> sqlDir, Reporter reporter) {
        this.names = names;
        this.sqlDir = sqlDir;
        this.reporter = reporter;
    }

    List<SqlBlock> read(Element element) {
        ExtensionSql[] annotations = element.getAnnotationsByType(ExtensionSql.class);
        String owner = owner(element);
        List<SqlBlock> blocks = new ArrayList<>();
        for (int i = 0; i < annotations.length; i++) {
            ExtensionSql a = annotations[i];
            String what = "@ExtensionSql '" + a.name() + "' on " + owner;
            if (a.name().isBlank() || a.name().contains(",")) {
                // Names are listed comma-separated in objects.properties.
                reporter.error(element, "@ExtensionSql on " + owner + " needs a non-blank name without ','");
                continue;
            }
            List<String> after = Stream.of(a.after()).map(String::trim).toList();
            if (after.contains("")) {
                reporter.error(element, what + ": after has an empty name");
                continue;
            }
            // Class-level blocks sort before the class's methods, which have indexes from 0.
            int index = element instanceof TypeElement ? i - annotations.length : i;
            sql(element, a, what).ifPresent(sql -> blocks.add(new SqlBlock(
                    element, a.name(), sql, a.position(), after, new SourceOrder(owner, index))));
        }
        return blocks;
    }

    private Optional<String> sql(Element element, ExtensionSql a, String what) {
        boolean hasSql = !a.sql().isBlank();
        boolean hasFile = !a.file().isBlank();
        if (hasSql == hasFile) {
            reporter.error(element, what + " must give exactly one of sql or file, not "
                    + (hasSql ? "both" : "neither"));
            return Optional.empty();
        }
        if (hasSql) {
            return Optional.of(a.sql());
        }
        Optional<Path> dir = sqlDir.get();
        if (dir.isEmpty()) {
            reporter.error(element, what + ": cannot find the project's src/main/sql folder for file '"
                    + a.file() + "'; pass -A" + SqlDirectory.OPTION + "=<folder>");
            return Optional.empty();
        }
        Path file = dir.get().resolve(a.file()).normalize();
        if (!Files.isRegularFile(file)) {
            reporter.error(element, what + ": file '" + a.file() + "' not found (looked for "
                    + file.toAbsolutePath() + ")");
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            reporter.error(element, what + ": cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private String owner(Element element) {
        return element instanceof TypeElement type
                ? names.binaryName(type)
                : ((PackageElement) element).getQualifiedName().toString();
    }
}

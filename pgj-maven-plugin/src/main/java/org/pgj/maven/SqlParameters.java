package org.pgj.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** The non-interactive psql of run and connect: {@code -Dpgj.sql=...} (a -c command) and {@code -Dpgj.file=...} (a -f file). */
final class SqlParameters {
    private SqlParameters() {
    }

    static List<String> of(String sql, File file) {
        List<String> args = new ArrayList<>();
        if (sql != null && !sql.isBlank()) {
            args.add("-c");
            args.add(sql);
        }
        if (file != null) {
            args.add("-f");
            args.add(file.getAbsolutePath());
        }
        return args;
    }
}

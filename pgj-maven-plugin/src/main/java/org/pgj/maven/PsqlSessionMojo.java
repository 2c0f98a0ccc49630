package org.pgj.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that ends in psql on the dev server: the database, and SQL to run instead of a prompt (psql arguments). */
abstract class PsqlSessionMojo extends PgjMojo {
    /** The database; default: the project's extension name, or postgres outside a project. */
    @Parameter(property = "pgj.database")
    String database;

    /** A SQL command to run instead of an interactive psql. */
    @Parameter(property = "pgj.sql")
    String sql;

    /** A SQL file to run instead of an interactive psql. */
    @Parameter(property = "pgj.file")
    File file;

    List<String> sqlParameters() {
        return SqlParameters.of(sql, file);
    }
}

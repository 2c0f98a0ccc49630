package org.pgj.examples.fdw;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.fdw.Column;
import org.pgj.fdw.ForeignDataWrapper;
import org.pgj.fdw.OptionTarget;
import org.pgj.fdw.PgForeignDataWrapper;
import org.pgj.fdw.RowSource;
import org.pgj.fdw.Scan;
import org.pgj.fdw.ScanPlan;
import org.pgj.fdw.ScanRequest;
import org.pgj.spi.Spi;

/**
 * CSV files as foreign tables: {@code OPTIONS (filename '/data/x.csv', header 'true')}. Fields
 * may be quoted ({@code "a, b"}, {@code ""} for a quote); an empty unquoted field is NULL. A row
 * with the wrong number of fields, or a value its column's type refuses, is an ERROR naming the
 * line. Like file_fdw, only superusers and members of pg_read_server_files name files.
 */
@PgForeignDataWrapper(name = "csv_files")
public class CsvFiles implements ForeignDataWrapper {
    private static final Set<String> TABLE_OPTIONS = Set.of("filename", "header", "delimiter", "encoding");

    @Override
    public void validate(OptionTarget target, Map<String, String> options) {
        Set<String> allowed = target == OptionTarget.TABLE ? TABLE_OPTIONS : Set.of();
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (!allowed.contains(o.getKey())) {
                throw new PgException(SqlState.FDW_INVALID_OPTION_NAME,
                        "invalid option \"" + o.getKey() + "\" for a csv_files " + target.name().toLowerCase().replace('_', ' '),
                        null, allowed.isEmpty() ? "There are no valid options in this context."
                                : "Valid options in this context are: delimiter, encoding, filename, header.");
            }
        }
        if (target != OptionTarget.TABLE) {
            return;
        }
        if (!options.containsKey("filename")) {
            throw new PgException("HV002", "a csv_files foreign table needs the option filename");
        }
        if (!Spi.getOne("SELECT pg_has_role(current_user, 'pg_read_server_files', 'MEMBER')"
                + " OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)", Boolean.class).orElse(false)) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "only superuser or a member of the pg_read_server_files"
                    + " role may specify the filename option of a csv_files foreign table");
        }
        Format.of(options);
    }

    /** The table options, checked. */
    record Format(Path file, boolean header, char delimiter, Charset charset) {
        static Format of(Map<String, String> options) {
            String header = options.getOrDefault("header", "false");
            if (!header.equals("true") && !header.equals("false")) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "header must be true or false, not \"" + header + "\"");
            }
            String delimiter = options.getOrDefault("delimiter", ",");
            if (delimiter.length() != 1 || delimiter.equals("\"")) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                        "delimiter must be one character other than a quote, not \"" + delimiter + "\"");
            }
            Charset charset;
            try {
                charset = Charset.forName(options.getOrDefault("encoding", "UTF-8"));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "unknown encoding \"" + options.get("encoding") + "\"");
            }
            return new Format(Path.of(options.get("filename")), header.equals("true"), delimiter.charAt(0), charset);
        }
    }

    @Override
    public ScanPlan plan(ScanRequest request) {
        Format format = Format.of(request.table().options());
        long bytes;
        try {
            bytes = Files.size(format.file());
        } catch (IOException e) {
            bytes = 8192; // the scan says what is wrong with the file
        }
        long rows = Math.max(1, bytes / 40);
        return ScanPlan.of(request)
                .rows(rows)
                .costs(1, 1 + bytes / 8192.0 + rows * 0.02)
                .explain("CSV File", format.file().toString())
                .explain("CSV File Size", bytes + " bytes");
    }

    @Override
    public RowSource open(Scan scan) throws IOException {
        Format format = Format.of(scan.table().options());
        List<Column> columns = scan.table().columns();
        int[] fieldOfValue = new int[scan.table().neededColumns().size()];
        for (int i = 0, v = 0; i < columns.size(); i++) {
            if (columns.get(i).needed()) {
                fieldOfValue[v++] = i;
            }
        }
        BufferedReader in = reader(format);
        String where = " of file " + format.file();
        return new RowSource() {
            long line;

            @Override
            public boolean next(org.pgj.fdw.Row row) throws IOException {
                String text = in.readLine();
                line++;
                if (text != null && line == 1 && format.header()) {
                    text = in.readLine();
                    line++;
                }
                if (text == null) {
                    return false;
                }
                List<String> fields = CsvLine.split(text, format.delimiter(), line);
                if (fields.size() != columns.size()) {
                    throw new PgException("22P04", "line " + line + where + " has " + fields.size() + " fields, the table has "
                            + columns.size() + " columns", "line " + line + ": " + text, null);
                }
                row.position("line " + line + where);
                for (int v = 0; v < fieldOfValue.length; v++) {
                    row.set(v, fields.get(fieldOfValue[v]));
                }
                return true;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static BufferedReader reader(Format format) {
        try {
            return Files.newBufferedReader(format.file(), format.charset());
        } catch (NoSuchFileException e) {
            throw new PgException("58P01", "could not open file \"" + format.file() + "\" for reading: no such file");
        } catch (AccessDeniedException e) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
                    "could not open file \"" + format.file() + "\" for reading: permission denied");
        } catch (IOException e) {
            throw new PgException("58030", "could not open file \"" + format.file() + "\" for reading: " + e.getMessage());
        }
    }
}

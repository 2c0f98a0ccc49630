package org.pgj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Private memory of one backend from {@code /proc/<pid>/smaps_rollup}: Private_Clean +
 * Private_Dirty + Private_Hugetlb, the pages only this process maps. Shared buffers and the
 * shared libraries' clean pages (libjvm included) are not counted, so this is what every further
 * connection costs.
 */
final class BackendMemory {
    private BackendMemory() {
    }

    /** The backend's private memory in kB. */
    static long privateKb(Connection c) throws SQLException {
        return parse(smapsRollup(c));
    }

    /**
     * Read directly when this process may (root, or the server's own user); otherwise the backend
     * reads its own file, which needs a superuser (the benchmark connects as postgres).
     */
    private static String smapsRollup(Connection c) throws SQLException {
        long pid = Long.parseLong(query(c, "SELECT pg_backend_pid()"));
        Path file = Path.of("/proc", Long.toString(pid), "smaps_rollup");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return query(c, "SELECT pg_read_file('/proc/self/smaps_rollup')");
        }
    }

    static long parse(String smapsRollup) {
        long kb = 0;
        boolean found = false;
        for (String line : smapsRollup.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 2 && (fields[0].equals("Private_Clean:") || fields[0].equals("Private_Dirty:")
                    || fields[0].equals("Private_Hugetlb:"))) {
                kb += Long.parseLong(fields[1]);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("smaps_rollup has no Private_* lines (a kernel before 4.14?):\n" + smapsRollup);
        }
        return kb;
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

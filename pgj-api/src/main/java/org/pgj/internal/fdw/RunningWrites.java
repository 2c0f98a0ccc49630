package org.pgj.internal.fdw;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pgj.fdw.Column;
import org.pgj.fdw.ForeignTable;
import org.pgj.fdw.TableWriter;

/**
 * This backend's open writers (one per INSERT, UPDATE or DELETE on a foreign table), by fdw.c's
 * id: negative, so that an abandoned id says whether it was a scan's or a writer's.
 */
final class RunningWrites {
    private static final Map<Long, Running> OPEN = new HashMap<>();
    private static long lastId;

    private RunningWrites() {
    }

    /** A writer and the row it hands back for RETURNING: every column of the table, in order. */
    private record Running(TableWriter writer, List<Column> columns, NativeRow returned) {
    }

    static long open(TableWriter writer, ForeignTable table) {
        OPEN.put(--lastId, new Running(writer, table.columns(), new NativeRow(table.columns().size())));
        return lastId;
    }

    /** Runs one write; the address of the row it returned, or 0. */
    static long write(long id, String operation, String key, Map<String, String> values) throws Exception {
        Running r = OPEN.get(id);
        if (r == null) {
            throw new IllegalStateException("pgj: foreign table writer " + id + " is not open");
        }
        Map<String, Object> row = switch (operation) {
            case "INSERT" -> r.writer.insert(values);
            case "UPDATE" -> r.writer.update(key, values);
            case "DELETE" -> r.writer.delete(key);
            default -> throw new IllegalArgumentException("pgj: unknown write " + operation);
        };
        if (row == null) {
            return 0;
        }
        r.returned.clear();
        for (int i = 0; i < r.columns.size(); i++) {
            r.returned.set(i, row.get(r.columns.get(i).name()));
        }
        return r.returned.write();
    }

    static boolean owns(long id) {
        return id < 0;
    }

    static void end(long id) throws Exception {
        end(id, false);
    }

    /** A writer the executor dropped in an error: its statement failed. */
    static void abort(long id) throws Exception {
        end(id, true);
    }

    private static void end(long id, boolean failed) throws Exception {
        Running r = OPEN.remove(id);
        if (r == null) {
            return;
        }
        try {
            if (failed) {
                r.writer.abort();
            } else {
                r.writer.close();
            }
        } finally {
            r.returned.free();
        }
    }
}

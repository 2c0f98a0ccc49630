package org.pgj.internal.fdw;

import java.util.HashMap;
import java.util.Map;
import org.pgj.Pg;
import org.pgj.fdw.ForeignDataWrapper;
import org.pgj.fdw.RowSource;
import org.pgj.fdw.Scan;

/** This backend's open scans, by the id fdw.c keeps in its scan state. */
final class RunningScans {
    private static final Map<Long, Running> OPEN = new HashMap<>();
    private static long lastId;

    private RunningScans() {
    }

    private static final class Running {
        final ForeignDataWrapper wrapper;
        final Scan scan;
        final NativeRow row;
        RowSource rows;

        Running(ForeignDataWrapper wrapper, Scan scan) {
            this.wrapper = wrapper;
            this.scan = scan;
            this.row = new NativeRow(scan.table().neededColumns().size());
        }
    }

    static long open(ForeignDataWrapper wrapper, Scan scan) throws Exception {
        Running r = new Running(wrapper, scan);
        try {
            r.rows = wrapper.open(scan);
        } catch (Throwable t) {
            r.row.free();
            throw t;
        }
        OPEN.put(++lastId, r);
        return lastId;
    }

    /** The address of the next row, or 0 at the end. */
    static long next(long id) throws Exception {
        Running r = running(id);
        r.row.clear();
        return r.rows.next(r.row) ? r.row.write() : 0;
    }

    static void rescan(long id) throws Exception {
        Running r = running(id);
        RowSource old = r.rows;
        r.rows = null;
        old.close();
        r.rows = r.wrapper.open(r.scan);
    }

    static void end(long id) throws Exception {
        Running r = OPEN.remove(id);
        if (r == null) {
            return;
        }
        try {
            if (r.rows != null) {
                r.rows.close();
            }
        } finally {
            r.row.free();
        }
    }

    /** A scan or writer the executor dropped in an error: closed, and a failure only logged. */
    static void abandon(long id) {
        try {
            if (RunningWrites.owns(id)) {
                RunningWrites.abort(id);
            } else {
                end(id);
            }
        } catch (Throwable t) {
            try {
                Pg.log("pgj: closing an abandoned foreign scan failed: " + t);
            } catch (Throwable ignored) {
                // nothing more to do during an abort
            }
        }
    }

    private static Running running(long id) {
        Running r = OPEN.get(id);
        if (r == null || r.rows == null) {
            throw new IllegalStateException("pgj: foreign scan " + id + " is not open");
        }
        return r;
    }
}

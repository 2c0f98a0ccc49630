package org.pgj.spi;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;

/** No open cursor has the name asked for: SQLSTATE 34000 (invalid_cursor_name), the server's own. */
public final class CursorNotFoundException extends PgException {
    private final String name;

    CursorNotFoundException(String name) {
        super(SqlState.INVALID_CURSOR_NAME, "cursor \"" + name + "\" does not exist", null,
                "A cursor lives until it is closed or its transaction ends; detach() keeps it open after its scope.");
        this.name = name;
    }

    public String name() {
        return name;
    }
}

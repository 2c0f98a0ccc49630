package org.pgj.examples.types;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pgj.functions.ExtensionSql;
import org.pgj.functions.PgFunction;
import org.pgj.types.Internal;

/**
 * An aggregate whose state is of type internal: the server keeps the handle between calls
 * without looking inside; Java keeps what it stands for.
 */
@ExtensionSql(name = "java_count", position = ExtensionSql.Position.LAST, sql = """
        CREATE AGGREGATE java_count(integer) (SFUNC = count_step, STYPE = internal, FINALFUNC = count_final);
        """)
public final class InternalState {
    private static final Map<Long, long[]> COUNTS = new HashMap<>();
    private static long next;

    private InternalState() {
    }

    @PgFunction
    public static Internal countStep(Optional<Internal> state, Integer value) {
        Internal s = state.orElseGet(() -> {
            COUNTS.put(++next, new long[1]);
            return new Internal(next);
        });
        if (value != null) {
            COUNTS.get(s.handle())[0]++;
        }
        return s;
    }

    @PgFunction
    public static long countFinal(Optional<Internal> state) {
        return state.map(s -> COUNTS.remove(s.handle())[0]).orElse(0L);
    }
}

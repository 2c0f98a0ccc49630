package org.pgj.examples.indexes;

import java.util.Arrays;
import java.util.List;
import org.pgj.functions.Parallel;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;
import org.pgj.indexes.GinCheck;
import org.pgj.indexes.GinQuery;
import org.pgj.indexes.GinSupport;
import org.pgj.indexes.GinSupport.Role;
import org.pgj.indexes.IndexOperator;
import org.pgj.indexes.PgOperatorClass;

/**
 * Tags as a {@code text[]}, where a NULL tag is a tag too: {@code tags @>> '{a,NULL}'} holds when
 * every tag of the right side, NULL included, is among the left side's. Its GIN class keeps NULL
 * tags as NULL keys, which the built-in array class cannot.
 */
@PgOperatorClass(name = "tag_ops", type = "text[]", storage = "text",
        operators = @IndexOperator(strategy = 1, operator = "@>>"))
public final class TagIndex {
    private TagIndex() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE)
    @PgOperator(value = "@>>", restrict = "contsel", join = "contjoinsel")
    public static boolean hasTags(String[] tags, String[] wanted) {
        return Arrays.asList(tags).containsAll(Arrays.asList(wanted));
    }

    /** The tags, NULL ones as NULL keys. */
    @GinSupport(Role.EXTRACT_VALUE)
    public static List<String> extractValue(String[] tags) {
        return Arrays.asList(tags);
    }

    /** Every wanted tag is a key; wanting none matches every row. */
    @GinSupport(Role.EXTRACT_QUERY)
    public static GinQuery<String> extractQuery(String[] wanted, int strategy) {
        return wanted.length == 0 ? GinQuery.all() : GinQuery.of(Arrays.asList(wanted));
    }

    /** Exact: a row matches when it has every key, the NULL key too. */
    @GinSupport(Role.CONSISTENT)
    public static boolean consistent(GinCheck<String> check) {
        check.recheck(false);
        for (int i = 0; i < check.keyCount(); i++) {
            if (!check.has(i)) {
                return false;
            }
        }
        return true;
    }
}

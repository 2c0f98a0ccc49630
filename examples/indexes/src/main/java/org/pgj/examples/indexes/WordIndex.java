package org.pgj.examples.indexes;

import java.util.List;
import org.pgj.indexes.GinCheck;
import org.pgj.indexes.GinQuery;
import org.pgj.indexes.GinSupport;
import org.pgj.indexes.GinSupport.Role;
import org.pgj.indexes.GinTernary;
import org.pgj.indexes.GinTriCheck;
import org.pgj.indexes.IndexOperator;
import org.pgj.indexes.PgOperatorClass;

/**
 * A GIN operator class for the {@link Words} operators: the index keys are a text's words.
 * {@code CREATE INDEX ON docs USING gin (body word_ops)}.
 */
@PgOperatorClass(name = "word_ops", type = "text", storage = "text", operators = {
        @IndexOperator(strategy = WordIndex.SHARES, operator = "&&&"),
        @IndexOperator(strategy = WordIndex.HAS_ALL, operator = "@@@"),
        @IndexOperator(strategy = WordIndex.PREFIX, operator = "^^^")})
public final class WordIndex {
    static final int SHARES = 1;
    static final int HAS_ALL = 2;
    static final int PREFIX = 3;

    private WordIndex() {
    }

    /** A prefix query's one key, which GIN compares with the index's words from that prefix on. */
    record Prefix(String prefix) {
    }

    @GinSupport(Role.EXTRACT_VALUE)
    public static List<String> extractValue(String text) {
        return Words.of(text);
    }

    @GinSupport(Role.EXTRACT_QUERY)
    public static GinQuery<String> extractQuery(String query, int strategy) {
        List<String> words = Words.of(query);
        return switch (strategy) {
            case SHARES -> GinQuery.of(words); // no words: no row shares one
            case HAS_ALL -> words.isEmpty() ? GinQuery.all() : GinQuery.of(words); // every row has all of none
            case PREFIX -> words.size() == 1
                    ? GinQuery.<String>empty().add(words.getFirst(), true, new Prefix(words.getFirst()))
                    : GinQuery.empty();
            default -> throw new IllegalArgumentException("word_ops has no strategy " + strategy);
        };
    }

    /** The keys decide exactly: the operators compare the same words. */
    @GinSupport(Role.CONSISTENT)
    public static boolean consistent(GinCheck<String> check) {
        check.recheck(false);
        boolean any = false;
        boolean all = true;
        for (int i = 0; i < check.keyCount(); i++) {
            any |= check.has(i);
            all &= check.has(i);
        }
        return check.strategy() == HAS_ALL ? all : any;
    }

    @GinSupport(Role.TRI_CONSISTENT)
    public static GinTernary triConsistent(GinTriCheck<String> check) {
        boolean all = check.strategy() == HAS_ALL;
        GinTernary answer = all ? GinTernary.TRUE : GinTernary.FALSE;
        for (int i = 0; i < check.keyCount(); i++) {
            GinTernary has = check.has(i);
            if (has == (all ? GinTernary.FALSE : GinTernary.TRUE)) {
                return has;
            }
            if (has == GinTernary.MAYBE) {
                answer = GinTernary.MAYBE;
            }
        }
        return answer;
    }

    /** The keys' order, in which the words of one prefix are next to each other. */
    @GinSupport(Role.COMPARE)
    public static int compare(String a, String b) {
        return a.compareTo(b);
    }

    /** 0 for a word of the prefix; a positive number ends the scan, at the first word past them. */
    @GinSupport(Role.COMPARE_PARTIAL)
    public static int comparePartial(String partialKey, String key, int strategy, Object extra) {
        String prefix = ((Prefix) extra).prefix();
        return key.startsWith(prefix) ? 0 : key.compareTo(prefix) < 0 ? -1 : 1;
    }
}

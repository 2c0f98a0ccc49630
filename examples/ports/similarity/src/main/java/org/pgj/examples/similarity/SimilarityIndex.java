package org.pgj.examples.similarity;

import java.util.List;
import org.pgj.functions.Parallel;
import org.pgj.functions.SqlType;
import org.pgj.indexes.GinCheck;
import org.pgj.indexes.GinQuery;
import org.pgj.indexes.GinSupport;
import org.pgj.indexes.GinSupport.Role;
import org.pgj.indexes.IndexFunction;
import org.pgj.indexes.IndexOperator;
import org.pgj.indexes.PgOperatorClass;

/**
 * The original's GIN operator class {@code gin_similarity_ops}: a text is indexed by its tokens
 * (runs of letters and digits, as the original's build chooses), and a query finds the rows that
 * share a token with it, which the operator then rechecks: the index only narrows the rows. The
 * token-based measures' operators are its strategies, with the original's numbers; the keys
 * compare as {@code bttextcmp}. Its functions keep the original's SQL signatures: the indexed
 * value and the query are declared {@code internal}, as the original declares them, and nothing
 * is parallel safe.
 */
@PgOperatorClass(name = "gin_similarity_ops", type = "text", storage = "text", operators = {
        @IndexOperator(strategy = 1, operator = "~++"), // block
        @IndexOperator(strategy = 2, operator = "~##"), // cosine
        @IndexOperator(strategy = 3, operator = "~-~"), // dice
        @IndexOperator(strategy = 4, operator = "~!!"), // euclidean
        @IndexOperator(strategy = 5, operator = "~??"), // jaccard
        @IndexOperator(strategy = 9, operator = "~^^"), // matching coefficient
        @IndexOperator(strategy = 12, operator = "~**"), // overlap coefficient
        @IndexOperator(strategy = 13, operator = "~~~")}, // q-gram
        functions = @IndexFunction(number = 1, function = "bttextcmp(text, text)"))
public final class SimilarityIndex {
    private SimilarityIndex() {
    }

    @GinSupport(value = Role.EXTRACT_VALUE, name = "gin_extract_value_token", parallel = Parallel.UNSAFE)
    public static List<String> extractValue(@SqlType("internal") String value) {
        return Tokenizer.ALNUM.tokens(value);
    }

    /** A query without tokens cannot narrow the rows: every row is a candidate, as in the original. */
    @GinSupport(value = Role.EXTRACT_QUERY, name = "gin_extract_query_token", parallel = Parallel.UNSAFE)
    public static GinQuery<String> extractQuery(@SqlType("internal") String query, int strategy) {
        List<String> tokens = Tokenizer.ALNUM.tokens(query);
        return tokens.isEmpty() ? GinQuery.all() : GinQuery.of(tokens);
    }

    /** Any row that the index found may match: the operator decides, on the row itself. */
    @GinSupport(value = Role.CONSISTENT, name = "gin_token_consistent", parallel = Parallel.UNSAFE)
    public static boolean consistent(GinCheck<String> check, @SqlType("internal") String query) {
        check.recheck(true);
        return true;
    }
}

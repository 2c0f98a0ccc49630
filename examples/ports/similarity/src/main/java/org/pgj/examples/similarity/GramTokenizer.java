package org.pgj.examples.similarity;

/** The only value {@code pg_similarity.qgram_tokenizer} takes, as in the original. */
public enum GramTokenizer {
    GRAM
}

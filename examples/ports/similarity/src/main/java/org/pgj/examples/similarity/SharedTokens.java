package org.pgj.examples.similarity;

import java.util.HashSet;
import java.util.Set;

/**
 * How many distinct tokens each string has, and both together: what the set measures (cosine,
 * Dice, Jaccard, overlap) are computed from. The tokens in common are {@link #common()}.
 */
record SharedTokens(int inA, int inB, int inEither) {
    static SharedTokens of(Tokenizer tokenizer, String a, String b) {
        Set<String> setA = new HashSet<>(tokenizer.tokens(a));
        Set<String> setB = new HashSet<>(tokenizer.tokens(b));
        int common = 0;
        for (String token : setB) {
            if (setA.contains(token)) {
                common++;
            }
        }
        return new SharedTokens(setA.size(), setB.size(), setA.size() + setB.size() - common);
    }

    int common() {
        return inA + inB - inEither;
    }
}

package org.pgj.examples.similarity;

/** The character measures compare case-insensitively, character by character (code points). */
final class LowerCase {
    private LowerCase() {
    }

    static int[] codePoints(String s) {
        return s.codePoints().map(Character::toLowerCase).toArray();
    }
}

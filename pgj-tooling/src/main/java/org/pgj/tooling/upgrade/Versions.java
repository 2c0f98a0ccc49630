package org.pgj.tooling.upgrade;

import java.util.Comparator;

/** Orders extension versions the way people number them: {@code 0.9 < 0.10 < 1.0-rc1 < 1.0}. */
final class Versions {
    static final Comparator<String> ORDER = Versions::compare;

    private Versions() {
    }

    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            if (i >= x.length) {
                return qualifierRank(y[i]) > 0 ? -1 : 1; // 1.0 < 1.0.1, but 1.0-rc1 < 1.0
            }
            if (i >= y.length) {
                return qualifierRank(x[i]) > 0 ? 1 : -1;
            }
            int c = part(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int part(String a, String b) {
        boolean na = a.matches("\\d+");
        boolean nb = b.matches("\\d+");
        if (na && nb) {
            return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
        }
        if (na != nb) {
            return na ? 1 : -1; // a number is a release, a word a pre-release
        }
        return a.compareTo(b);
    }

    /** Positive for a further release number, negative for a pre-release word (rc1, SNAPSHOT). */
    private static int qualifierRank(String part) {
        return part.matches("\\d+") ? 1 : -1;
    }
}

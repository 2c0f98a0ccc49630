package org.pgj.examples.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pgj.functions.PgFunction;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;
import org.pgj.types.Inet;
import org.pgj.types.Interval;
import org.pgj.types.Numeric;
import org.pgj.types.Point;

/** Arrays as Java arrays and lists. */
public final class ArrayFunctions {
    private ArrayFunctions() {
    }

    /** A primitive array: read in bulk, never boxed; a NULL element is an error. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static long sumInts(int[] values) {
        long sum = 0;
        for (int v : values) {
            sum += v;
        }
        return sum;
    }

    /** Boxed elements carry NULL. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int countNulls(Integer[] values) {
        int nulls = 0;
        for (Integer v : values) {
            if (v == null) {
                nulls++;
            }
        }
        return nulls;
    }

    /** A list, with NULL elements, in and out. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static List<String> reversed(List<String> values) {
        List<String> out = new ArrayList<>(values);
        Collections.reverse(out);
        return out;
    }

    /** Two dimensions: a Java array of arrays, rows and columns swapped. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int[][] transpose(int[][] m) {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        int[][] t = new int[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c][r] = m[r][c];
            }
        }
        return t;
    }

    /** Java can return an array that is not rectangular: the server's own error. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Integer[][] ragged() {
        return new Integer[][] {{1, 2}, {3}};
    }

    /** Declared with a SQL type its Java type cannot hold: a clear error at the first call. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int mismatched(@SqlType("text[]") int[] values) {
        return values.length;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int[] series(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i + 1;
        }
        return out;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<int[]> echoInts(Optional<int[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<long[]> echoLongs(Optional<long[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<double[]> echoDoubles(Optional<double[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<float[]> echoFloats(Optional<float[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<short[]> echoShorts(Optional<short[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<boolean[]> echoBooleans(Optional<boolean[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Integer[][]> echoIntegerMatrix(Optional<Integer[][]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<String[]> echoTexts(Optional<String[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<byte[][]> echoByteas(Optional<byte[][]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Byte[]> echoChars(Optional<Byte[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Numeric[]> echoNumerics(Optional<Numeric[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<List<BigDecimal>> echoDecimals(Optional<List<BigDecimal>> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<List<LocalDate>> echoDates(Optional<List<LocalDate>> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<OffsetDateTime[]> echoTimestamptzs(Optional<OffsetDateTime[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Interval[]> echoIntervals(Optional<Interval[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<UUID[]> echoUuids(Optional<UUID[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<List<Inet>> echoInets(Optional<List<Inet>> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Point[]> echoPoints(Optional<Point[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("name[]")
    public static Optional<String[]> echoNames(@SqlType("name[]") Optional<String[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("jsonb[]")
    public static Optional<String[]> echoJsonbs(@SqlType("jsonb[]") Optional<String[]> a) {
        return a;
    }
}

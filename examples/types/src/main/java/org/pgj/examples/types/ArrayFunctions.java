package org.pgj.examples.types;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pgj.functions.PgFunction;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;
import org.pgj.types.Box;
import org.pgj.types.Inet;
import org.pgj.types.Interval;
import org.pgj.types.Numeric;
import org.pgj.types.Oid;
import org.pgj.types.Point;
import org.pgj.types.Range;
import org.pgj.types.RegClass;
import org.pgj.types.Tid;

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
    public static Optional<LocalTime[]> echoTimes(Optional<LocalTime[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<OffsetTime[]> echoTimetzs(Optional<OffsetTime[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<LocalDateTime[]> echoTimestamps(Optional<LocalDateTime[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Instant[]> echoInstants(Optional<Instant[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Box[]> echoBoxes(Optional<Box[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Tid[]> echoTids(Optional<Tid[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Oid[]> echoOids(Optional<Oid[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.STABLE)
    public static Optional<RegClass[]> echoRegclasses(Optional<RegClass[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("cidr[]")
    public static Optional<Inet[]> echoCidrs(@SqlType("cidr[]") Optional<Inet[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("varchar[]")
    public static Optional<List<String>> echoVarchars(@SqlType("varchar[]") Optional<List<String>> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("bpchar[]")
    public static Optional<String[]> echoBpchars(@SqlType("bpchar[]") Optional<String[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("json[]")
    public static Optional<String[]> echoJsons(@SqlType("json[]") Optional<String[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<List<JsonNode>> echoJsonTrees(Optional<List<JsonNode>> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Range<Integer>[]> echoInt4ranges(Optional<Range<Integer>[]> a) {
        return a;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<List<Range<LocalDate>>> echoDateranges(Optional<List<Range<LocalDate>>> a) {
        return a;
    }

    /** Views of each element, valid during the call. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static long[] byteSums(java.nio.ByteBuffer[] values) {
        long[] sums = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; values[i] != null && j < values[i].limit(); j++) {
                sums[i] += values[i].get(j) & 0xFF;
            }
        }
        return sums;
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

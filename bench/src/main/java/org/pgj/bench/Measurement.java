package org.pgj.bench;

import java.util.List;
import java.util.Locale;

/**
 * One row of the results: the samples of one query (or backend reading), their summary, and,
 * where there is one, the comparison with a baseline and the target it is held to. Fields that do
 * not apply are null (and left out of the JSON).
 *
 * @param section       "int", "text", "set", "spi lookup", "spi cursor", "first call" or "memory"
 * @param name          what was measured, e.g. "Java add_one"
 * @param sql           the query, or for memory what the backends ran
 * @param unit          "ms" or "MB"
 * @param samples       every timed run (ms) or every backend (MB), in order
 * @param statistic     how {@code value} summarizes the samples: "median" (timings) or "mean" (memory)
 * @param value         the median or mean of the samples
 * @param p90           first call only: nearest-rank 90th percentile
 * @param p99           interrupt latencies only: nearest-rank 99th percentile
 * @param baseline      the row this one is compared with
 * @param ratio         value / the baseline's value
 * @param extraNsPerRow throughput only: (median − baseline median) / rows (lookups for "spi lookup"), the cost of
 *                      one call over the baseline
 * @param delta         first call and memory: value − the baseline's value, in {@code unit}
 * @param target        the target as text, e.g. "≤ 1.50× built-in"
 * @param pass          whether the target is met; null without a target
 */
record Measurement(String section, String name, String sql, String unit, List<Double> samples, String statistic,
                   double value, Double p90, Double p99, String baseline, Double ratio, Double extraNsPerRow, Double delta, String target,
                   Boolean pass) {

    /** A query over {@code rows} rows, compared with {@code base}; {@code maxRatio} null for no target. */
    static Measurement throughput(String section, String name, String sql, List<Double> samples, Measurement base,
                                  long rows, Double maxRatio) {
        double median = Timing.median(samples);
        if (base == null) {
            return new Measurement(section, name, sql, "ms", samples, "median", median, null, null, null, null, null, null,
                    null, null);
        }
        double ratio = median / base.value();
        Double extraNs = rows > 1 ? (median - base.value()) * 1e6 / rows : null; // one large value: no rows
        return new Measurement(section, name, sql, "ms", samples, "median", median, null, null, base.name(), ratio, extraNs, null,
                maxRatio == null ? null : String.format(Locale.ROOT, "≤ %.2f× %s", maxRatio, base.name()),
                maxRatio == null ? null : ratio <= maxRatio);
    }

    /** Latency of the first query in new sessions, compared with {@code base} if given; {@code maxMedianMs} null for no target. */
    static Measurement latency(String name, String sql, List<Double> samples, Measurement base, Double maxMedianMs) {
        return latency("first call", name, sql, samples, base, maxMedianMs);
    }

    /** A latency (ms) in {@code section}, held to a median target if {@code maxMedianMs} is not null. */
    static Measurement latency(String section, String name, String sql, List<Double> samples, Measurement base,
                               Double maxMedianMs) {
        double median = Timing.median(samples);
        return new Measurement(section, name, sql, "ms", samples, "median", median, Timing.percentile(samples, 90), null,
                base == null ? null : base.name(), null, null, base == null ? null : median - base.value(),
                maxMedianMs == null ? null : String.format(Locale.ROOT, "median ≤ %.0f ms", maxMedianMs),
                maxMedianMs == null ? null : median <= maxMedianMs);
    }

    /** A latency (ms) held to targets for its median and its 99th percentile. */
    static Measurement latencyWithTail(String section, String name, String sql, List<Double> samples, double maxMedianMs,
                                       double maxP99Ms) {
        double median = Timing.median(samples);
        double p99 = Timing.percentile(samples, 99);
        return new Measurement(section, name, sql, "ms", samples, "median", median, null, p99, null, null, null, null,
                String.format(Locale.ROOT, "median ≤ %.0f ms, p99 ≤ %.0f ms", maxMedianMs, maxP99Ms),
                median <= maxMedianMs && p99 <= maxP99Ms);
    }

    /** A rate (e.g. jobs/s; higher is better), held to {@code minMedian}. */
    static Measurement rate(String section, String name, String sql, String unit, List<Double> samples, double minMedian) {
        double median = Timing.median(samples);
        return new Measurement(section, name, sql, unit, samples, "median", median, null, null, null, null, null, null,
                String.format(Locale.ROOT, "median ≥ %.0f %s", minMedian, unit), median >= minMedian);
    }

    /** Private memory per backend in MB (the mean over backends), compared with {@code base} if given. */
    static Measurement memory(String name, String sql, List<Double> mbPerBackend, Measurement base) {
        double mean = Timing.mean(mbPerBackend);
        return new Measurement("memory", name, sql, "MB", mbPerBackend, "mean", mean, null, null,
                base == null ? null : base.name(), null, null, base == null ? null : mean - base.value(), null, null);
    }
}

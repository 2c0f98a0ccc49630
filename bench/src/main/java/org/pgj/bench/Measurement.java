package org.pgj.bench;

import java.util.List;
import java.util.Locale;

/**
 * One row of the results: the samples of one query (or backend reading), their summary, and,
 * where there is one, the comparison with a baseline and the target it is held to. Fields that do
 * not apply are null (and left out of the JSON).
 *
 * @param section         the section's label, e.g. "int", "first call", "memory"
 * @param name            what was measured, e.g. "Java add_one"
 * @param sql             the query, or for memory what the backends ran
 * @param unit            "ms", "MB", "tps" or "jobs/s"
 * @param samples         every timed run, backend or connection, in order
 * @param statistic       how {@code value} summarizes the samples: "median" or "mean" (memory)
 * @param value           the median or mean of the samples
 * @param min             the smallest sample
 * @param p90             latencies: nearest-rank 90th percentile
 * @param p99             latencies: nearest-rank 99th percentile
 * @param max             latencies: the largest sample
 * @param baseline        the row this one is compared with
 * @param ratio           value / the baseline's value (medians)
 * @param ratioOfMinimums min / the baseline's min: the runs least disturbed by a loaded machine
 * @param nsPerCall       throughput: the function's own cost, (min − the min of {@code nsPerCallOver}) / calls;
 *                        without such a query, the whole query's min / calls
 * @param nsPerCallOver   the query {@code nsPerCall} subtracts (the same query without the function), or null
 * @param ownRatio        nsPerCall / the baseline's nsPerCall: the function's own cost next to the baseline's
 * @param delta           value − the baseline's value, in {@code unit} (latencies, memory)
 * @param target          the target as text, e.g. "min ≤ 1.15× built-in int4pl"
 * @param pass            whether the target is met; null without a target
 */
record Measurement(String section, String name, String sql, String unit, List<Double> samples, String statistic,
                   double value, Double min, Double p90, Double p99, Double max, String baseline, Double ratio,
                   Double ratioOfMinimums, Double nsPerCall, String nsPerCallOver, Double ownRatio, Double delta,
                   String target, Boolean pass) {

    /**
     * A query making {@code calls} calls of its function, compared with {@code base} (null: this is the
     * baseline) and, for the function's own cost, with {@code without} (the same query without the
     * function; null if there is none). {@code maxRatioOfMinimums} null for no target.
     */
    static Measurement throughput(String section, String name, String sql, List<Double> samples, Measurement base,
                                  Measurement without, long calls, Double maxRatioOfMinimums) {
        double median = Timing.median(samples);
        double min = Timing.min(samples);
        // From the minimums, like the target: the runs least disturbed by other load on the machine.
        Double ns = calls > 1 ? (min - (without == null ? 0 : without.min())) * 1e6 / calls : null;
        if (base == null) {
            return new Measurement(section, name, sql, "ms", samples, "median", median, min, null, null, null, null, null,
                    null, ns, without == null ? null : without.name(), null, null, null, null);
        }
        double ratio = median / base.value();
        double ratioOfMinimums = min / base.min();
        Double ownRatio = ns != null && base.nsPerCall() != null && base.nsPerCall() > 0 ? ns / base.nsPerCall() : null;
        return new Measurement(section, name, sql, "ms", samples, "median", median, min, null, null, null, base.name(),
                ratio, ratioOfMinimums, ns, without == null ? null : without.name(), ownRatio, null,
                maxRatioOfMinimums == null ? null : String.format(Locale.ROOT, "min ≤ %.2f× %s", maxRatioOfMinimums, base.name()),
                maxRatioOfMinimums == null ? null : ratioOfMinimums <= maxRatioOfMinimums);
    }

    /** What a latency is held to; null fields are not held. */
    record Limits(Double median, Double p90, Double p99, Double max) {
        static final Limits NONE = new Limits(null, null, null, null);

        static Limits median(double ms) {
            return new Limits(ms, null, null, null);
        }

        String describe() {
            StringBuilder s = new StringBuilder();
            append(s, "median", median);
            append(s, "p90", p90);
            append(s, "p99", p99);
            append(s, "max", max);
            return s.isEmpty() ? null : s.toString();
        }

        boolean met(double medianMs, double p90Ms, double p99Ms, double maxMs) {
            return (median == null || medianMs <= median) && (p90 == null || p90Ms <= p90)
                    && (p99 == null || p99Ms <= p99) && (max == null || maxMs <= max);
        }

        private static void append(StringBuilder s, String what, Double ms) {
            if (ms != null) {
                s.append(s.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s ≤ %.0f ms", what, ms));
            }
        }
    }

    /** A latency (ms) in {@code section}, compared with {@code base} if given, held to {@code limits}. */
    static Measurement latency(String section, String name, String sql, List<Double> samples, Measurement base, Limits limits) {
        double median = Timing.median(samples);
        double p90 = Timing.percentile(samples, 90);
        double p99 = Timing.percentile(samples, 99);
        double max = Timing.max(samples);
        String target = limits.describe();
        return new Measurement(section, name, sql, "ms", samples, "median", median, Timing.min(samples), p90, p99, max,
                base == null ? null : base.name(), null, null, null, null, null, base == null ? null : median - base.value(),
                target, target == null ? null : limits.met(median, p90, p99, max));
    }

    /**
     * A rate (higher is better), compared with {@code base} if given. Held to {@code minRatio} of the
     * baseline's median if both are given, else to {@code minMedian} if given.
     */
    static Measurement rate(String section, String name, String sql, String unit, List<Double> samples, Measurement base,
                            Double minRatio, Double minMedian) {
        double median = Timing.median(samples);
        double min = Timing.min(samples);
        Double ratio = base == null ? null : median / base.value();
        Double ratioOfMinimums = base == null ? null : min / base.min();
        String target = null;
        Boolean pass = null;
        if (base != null && minRatio != null) {
            target = String.format(Locale.ROOT, "median ≥ %.2f× %s", minRatio, base.name());
            pass = ratio >= minRatio;
        } else if (minMedian != null) {
            target = String.format(Locale.ROOT, "median ≥ %.0f %s", minMedian, unit);
            pass = median >= minMedian;
        }
        return new Measurement(section, name, sql, unit, samples, "median", median, min, null, null, null,
                base == null ? null : base.name(), ratio, ratioOfMinimums, null, null, null, null, target, pass);
    }

    /**
     * This rate's row with the function's own cost per transaction: the wall time one transaction
     * takes at this rate (1 s / the median) minus that at {@code without}'s (the same transaction
     * without the function), next to the baseline's ({@code base}, which already states its own).
     */
    Measurement withOwnCostOver(Measurement without, Measurement base) {
        double ns = 1e9 / value - 1e9 / without.value();
        Double own = base != null && base.nsPerCall() != null && base.nsPerCall() > 0 ? ns / base.nsPerCall() : null;
        return new Measurement(section, name, sql, unit, samples, statistic, value, min, p90, p99, max, baseline, ratio,
                ratioOfMinimums, ns, without.name(), own, delta, target, pass);
    }

    /** Private memory per backend in MB (the mean over backends), compared with {@code base} if given. */
    static Measurement memory(String section, String name, String sql, List<Double> mbPerBackend, Measurement base,
                              Double maxMeanMb) {
        double mean = Timing.mean(mbPerBackend);
        return new Measurement(section, name, sql, "MB", mbPerBackend, "mean", mean, Timing.min(mbPerBackend), null, null,
                Timing.max(mbPerBackend), base == null ? null : base.name(), null, null, null, null, null,
                base == null ? null : mean - base.value(),
                maxMeanMb == null ? null : String.format(Locale.ROOT, "mean ≤ %.0f MB", maxMeanMb),
                maxMeanMb == null ? null : mean <= maxMeanMb);
    }
}

package org.hprofdiff.core.summary.diff.failon;

import java.util.Optional;
import java.util.regex.Pattern;
import org.hprofdiff.core.summary.diff.DumpSeries;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.Units;

/**
 * One {@code --fail-on} condition. Every threshold is checked against the steady growers of a report only
 * (rows whose {@link org.hprofdiff.core.summary.diff.Trend} is a leak suspect), so that up-and-down noise
 * that happens to end higher never fails a build; "more than" is strict.
 */
public sealed interface Threshold {

    /** The spec as the user wrote it, e.g. {@code bytes:+50MB}. */
    String spec();

    /** Why this steady grower breaches the threshold, or empty when it does not. */
    Optional<String> breachedBy(GrowthRow row, DumpSeries series);

    /** {@code count:+N}: instances grew by more than N from the first to the last dump. */
    record InstanceGrowth(String spec, long instances) implements Threshold {
        @Override public Optional<String> breachedBy(GrowthRow row, DumpSeries series) {
            long change = row.instances().change();
            return change > instances
                    ? Optional.of(Units.signedCount(change) + " objects (" + Units.count(row.instances().first()) + " → "
                            + Units.count(row.instances().last()) + "), more than " + Units.signedCount(instances))
                    : Optional.empty();
        }
    }

    /** {@code bytes:+N[KB|MB|GB]}: shallow bytes grew by more than N from the first to the last dump. */
    record ByteGrowth(String spec, long bytes) implements Threshold {
        @Override public Optional<String> breachedBy(GrowthRow row, DumpSeries series) {
            long change = row.shallowBytes().change();
            return change > bytes
                    ? Optional.of(Units.signedBytes(change) + " shallow (" + Units.bytes(row.shallowBytes().first()) + " → "
                            + Units.bytes(row.shallowBytes().last()) + "), more than " + Units.signedBytes(bytes))
                    : Optional.empty();
        }
    }

    /**
     * {@code percent:+N}: shallow bytes grew by more than N percent of the first dump's value. A class with
     * no instances in the first dump has no percentage and never breaches this one (use count or bytes).
     */
    record PercentGrowth(String spec, double percent) implements Threshold {
        @Override public Optional<String> breachedBy(GrowthRow row, DumpSeries series) {
            Double change = row.shallowBytes().percent();
            return change != null && change > percent
                    ? Optional.of(Units.signedPercent(change) + " shallow bytes (" + Units.bytes(row.shallowBytes().first()) + " → "
                            + Units.bytes(row.shallowBytes().last()) + "), more than " + Units.signedPercent(percent))
                    : Optional.empty();
        }
    }

    /**
     * {@code rate:+N[unit]/h}: growth per hour between the first and last dump's timestamps, in shallow bytes
     * when N has a size unit ({@code rate:+10MB/h}) and in instances when it has none ({@code rate:+500/h}).
     * Not checkable when the series has no usable timestamps (see {@link FailOn#evaluate}).
     */
    record RateGrowth(String spec, Metric metric, double perHour) implements Threshold {
        public enum Metric { INSTANCES, SHALLOW_BYTES }

        @Override public Optional<String> breachedBy(GrowthRow row, DumpSeries series) {
            Double rate = (metric == Metric.INSTANCES ? row.instances() : row.shallowBytes()).perHour();
            if (rate == null || rate <= perHour) return Optional.empty();
            return Optional.of(metric == Metric.INSTANCES
                    ? Units.countRate(rate) + " objects, more than " + Units.countRate(perHour)
                    : Units.byteRate(rate) + " shallow, more than " + Units.byteRate(perHour));
        }
    }

    /**
     * {@code class:REGEX}: any steady grower whose class name or key (name with " @loader") contains a match
     * of REGEX (anchor it with ^ and $ for whole names).
     */
    record SteadyGrowerMatching(String spec, Pattern pattern) implements Threshold {
        @Override public Optional<String> breachedBy(GrowthRow row, DumpSeries series) {
            return pattern.matcher(row.name()).find() || pattern.matcher(row.key()).find()
                    ? Optional.of("grows steadily (" + Units.signedCount(row.instances().change()) + " objects, "
                            + Units.signedBytes(row.shallowBytes().change()) + ") and matches /" + pattern.pattern() + "/")
                    : Optional.empty();
        }
    }
}

package org.hprofdiff.core.summary.diff;

import java.util.List;

/**
 * How one number of one row (instances, shallow bytes or retained bytes) moved across the series.
 * The per-dump values themselves are in {@link GrowthRow#samples()}.
 *
 * @param first               value in the first dump (0 when absent there)
 * @param last                value in the last dump
 * @param change              last - first
 * @param percent             change in percent of first; null when first is 0 (no base to compare with)
 * @param intervalDeltas      one difference per interval, in series order (size = dumps - 1)
 * @param grewEveryInterval   every interval delta is positive (raw, before the noise floor; the
 *                            row's {@link Trend} uses the floor)
 * @param perHour             change per hour between the first and last dump's timestamps; null when the
 *                            series has no usable time span ({@link DumpSeries#rateUnavailable()} says why)
 */
public record MetricChange(long first, long last, long change, Double percent, List<Long> intervalDeltas,
                           boolean grewEveryInterval, Double perHour) {

    public MetricChange {
        intervalDeltas = List.copyOf(intervalDeltas);
    }

    /** The value in every dump, oldest first: the first one and each interval's delta added up. */
    public List<Long> values() {
        List<Long> values = new java.util.ArrayList<>(intervalDeltas.size() + 1);
        long v = first;
        values.add(v);
        for (long d : intervalDeltas) values.add(v += d);
        return values;
    }
}

package org.hprofdiff.core.summary.diff;

import java.util.List;

/**
 * The dumps compared and the time between them.
 *
 * @param dumps            in the order the user gave
 * @param intervals        one per consecutive pair
 * @param spanMillis       first to last dump; null when rates cannot be computed
 * @param rateUnavailable  why there are no per-hour rates (e.g. "dump 2 has no timestamp"), or null when
 *                         rates are available
 * @param notes            facts that affect how to read the numbers, one line each (partial dumps,
 *                         different size models, out-of-order timestamps); empty when none
 */
public record DumpSeries(List<DumpPoint> dumps, List<Interval> intervals, Long spanMillis, String rateUnavailable,
                         List<String> notes) {

    public DumpSeries {
        dumps = List.copyOf(dumps);
        intervals = List.copyOf(intervals);
        notes = List.copyOf(notes);
    }

    /** Hours from first to last dump, or null when rates are unavailable. */
    public Double spanHours() {
        return spanMillis == null ? null : spanMillis / 3_600_000.0;
    }
}

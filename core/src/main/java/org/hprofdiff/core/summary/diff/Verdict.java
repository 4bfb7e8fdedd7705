package org.hprofdiff.core.summary.diff;

import java.util.Map;

/**
 * The answer in one line, for the top of every report.
 *
 * @param leakSuspected          at least one class grew steadily (in every interval, beyond the noise floor)
 * @param steadyGrowers          classes with {@link Trend#STEADY_GROWTH}
 * @param steadyGrowthBytes      their shallow-byte growth, first to last dump, summed
 * @param steadyGrowthInstances  their instance growth, first to last dump, summed
 * @param classesByTrend         how many class rows each trend has (every trend present, in declaration order)
 * @param summary                one sentence, e.g. "Leak suspected: 3 classes grew in every interval (+1.2 MB);
 *                               top: com.acme.Conn (+400 objects, +1.1 MB/h)."
 */
public record Verdict(boolean leakSuspected, int steadyGrowers, long steadyGrowthBytes, long steadyGrowthInstances,
                      Map<Trend, Integer> classesByTrend, String summary) {

    /** The same verdict in other words (a report that found the leak's holder leads with it). */
    public Verdict withSummary(String otherSummary) {
        return new Verdict(leakSuspected, steadyGrowers, steadyGrowthBytes, steadyGrowthInstances, classesByTrend, otherSummary);
    }
}

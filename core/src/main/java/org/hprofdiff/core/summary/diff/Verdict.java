package org.hprofdiff.core.summary.diff;

import java.util.Map;

/**
 * The answer in one line, for the top of every report.
 *
 * @param leakSuspected          at least one class grew steadily (in every interval, beyond the noise floor), or the
 *                               loaders of a loader class did
 * @param steadyGrowers          classes with {@link Trend#STEADY_GROWTH}
 * @param steadyGrowthBytes      their shallow-byte growth, first to last dump, summed
 * @param steadyGrowthInstances  their instance growth, first to last dump, summed
 * @param growingLoaderClasses   loader classes whose loaders (that define classes) grew in every interval
 * @param classesByTrend         how many class rows each trend has (every trend present, in declaration order)
 * @param summary                one sentence, e.g. "Leak suspected: 3 classes grew in every interval (+1.2 MB);
 *                               top: com.acme.Conn (+400 objects, +1.1 MB/h)."
 */
public record Verdict(boolean leakSuspected, int steadyGrowers, long steadyGrowthBytes, long steadyGrowthInstances,
                      int growingLoaderClasses, Map<Trend, Integer> classesByTrend, String summary) {

    /** The same verdict in other words (a report that found the leak's holder leads with it). */
    public Verdict withSummary(String otherSummary) {
        return new Verdict(leakSuspected, steadyGrowers, steadyGrowthBytes, steadyGrowthInstances, growingLoaderClasses, classesByTrend,
                otherSummary);
    }
}

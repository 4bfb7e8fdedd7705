package org.hprofdiff.core.summary.diff;

import java.util.List;

/**
 * The extension point for retention paths: the index/paths work implements this to find, for one row,
 * its merged retention paths in every dump of the series. {@link GrowthReport#withRetentionPaths} calls it
 * for the top leak-ranked rows and stores the answer in {@link GrowthRow#paths()}.
 */
@FunctionalInterface
public interface RetentionPaths {

    /**
     * Merged retention paths of {@code row}'s objects, matched across {@code series}' dumps; most
     * growing first. An empty list means "looked, found none"; never null.
     */
    List<PathGrowth> pathsOf(GrowthRow row, DumpSeries series);
}

package org.hprofdiff.core.summary.diff;

import java.util.List;

/**
 * The class loaders of one loader class across the series (docs/growth-analysis.md, section 6): a plugin host
 * that keeps every redeployed version's {@code URLClassLoader} shows here as loaders that grow in number, even
 * when no instance of the plugin's classes does.
 *
 * @param loaderClass  the loader objects' class, Java form
 * @param trend        by the rules rows follow ({@link Trend}), with no noise floor: one more loader that
 *                     defines classes is growth, since each one keeps every class it defined
 * @param leakRank     1-based rank among the steadily growing loader classes; null for every other trend
 * @param steps        one per interval
 * @param loaders      how the number of loaders that define classes moved
 * @param classes      how the number of classes they define moved
 * @param paths        merged retention paths of the loaders, matched across dumps (their names folded:
 *                     {@code report-plugin-v#}); null when not looked for, empty when none found
 */
public record LoaderGrowth(String loaderClass, Trend trend, Integer leakRank, List<Step> steps, MetricChange loaders,
                           MetricChange classes, List<PathGrowth> paths) {

    public LoaderGrowth {
        steps = List.copyOf(steps);
        paths = paths == null ? null : List.copyOf(paths);
    }

    /** The same row with retention paths attached. */
    public LoaderGrowth withPaths(List<PathGrowth> found) {
        return new LoaderGrowth(loaderClass, trend, leakRank, steps, loaders, classes, found);
    }
}

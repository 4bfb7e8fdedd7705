package org.hprofdiff.core.summary.diff;

import java.util.List;
import org.hprofdiff.core.summary.ClassStats;

/**
 * One class (or, in {@link GrowthReport#arraysByLength()}, one array class and length) across the series.
 *
 * @param key            identity across dumps: {@link ClassStats#key()} for classes; the array label plus
 *                       loader for arrays by length
 * @param label          display name: the Java class name (with " @loader" when not the bootstrap loader),
 *                       or e.g. {@code java.util.HashMap$Node[16384]}
 * @param name           Java class name
 * @param loader         defining loader ("bootstrap" or the loader's label)
 * @param kind           instances, object arrays, primitive arrays or class objects
 * @param arrayLength    the array length for arrays-by-length rows; null for class rows
 * @param trend          classification, see {@link Trend}
 * @param leakRank       1-based rank among the steady growers of its table; null for every other trend
 * @param steps          one per interval, after the noise floor
 * @param samples        one per dump, in series order
 * @param instances      how the instance count moved
 * @param shallowBytes   how the shallow bytes moved
 * @param retainedBytes  how the retained bytes moved; null unless every dump of the series has retained sizes
 * @param paths          merged retention paths matched across dumps: null when not computed (no index, or
 *                       not among the rows asked for), empty when looked for and none found
 */
public record GrowthRow(String key, String label, String name, String loader, ClassStats.Kind kind, Integer arrayLength,
                        Trend trend, Integer leakRank, List<Step> steps, List<Sample> samples, MetricChange instances,
                        MetricChange shallowBytes, MetricChange retainedBytes, List<PathGrowth> paths) {

    public GrowthRow {
        steps = List.copyOf(steps);
        samples = List.copyOf(samples);
        paths = paths == null ? null : List.copyOf(paths);
    }

    /** The same row with retention paths attached. */
    public GrowthRow withPaths(List<PathGrowth> found) {
        return new GrowthRow(key, label, name, loader, kind, arrayLength, trend, leakRank, steps, samples, instances,
                shallowBytes, retainedBytes, found);
    }
}

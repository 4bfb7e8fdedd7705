package org.hprofdiff.core.summary.diff;

import java.util.List;

/**
 * One merged retention path of a row's objects, matched across the dumps by its signature (never by
 * object ids), with its numbers in every dump. Filled in by the retention-path analysis of the index
 * through {@link RetentionPaths}; the class-level analysis alone never creates these.
 *
 * @param signature  stable identity of the path across dumps: root kind, then each step as
 *                   {@code declaring.Class.field} or {@code []} for an array element, joined by " → "
 * @param rootKind   GC root kind of the path's start, e.g. "static field", "thread"
 * @param steps      the steps of the signature, root side first, ending at the row's class
 * @param samples    one per dump of the series, in series order
 * @param instances  how the instance count through this path moved
 * @param retained   how the retained bytes through this path moved, or null when unknown
 * @param trend      classified by the same rules as rows
 */
public record PathGrowth(String signature, String rootKind, List<String> steps, List<PathSample> samples,
                         MetricChange instances, MetricChange retained, Trend trend) {

    public PathGrowth {
        steps = List.copyOf(steps);
        samples = List.copyOf(samples);
    }
}

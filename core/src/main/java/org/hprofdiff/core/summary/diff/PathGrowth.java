package org.hprofdiff.core.summary.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * One merged retention path of a row's objects, matched across the dumps by its signature (never by
 * object ids), with its numbers in every dump. Filled in by the retention-path analysis of the index
 * through {@link RetentionPaths}; the class-level analysis alone never creates these.
 *
 * @param signature          stable identity of the path across dumps: each step's signature
 *                           (root or {@code static declaring.Class.field}, then {@code declaring.Class.field}
 *                           or {@code Array[] [*]}), ending at the row's class, joined by " → "
 * @param rootKind           GC root kind of the path's start, e.g. "static field", "thread"
 * @param steps              the steps of the signature, root side first, ending at the row's class
 * @param samples            one per dump of the series, in series order
 * @param instances          how the instance count through this path moved
 * @param retained           how the retained bytes through this path moved, or null when unknown
 * @param trend              classified by the same rules as rows
 * @param display            the same steps as people read them (short class names), root side first, ending
 *                           at the row's class; empty when the producer gave none
 * @param alsoReachableFrom  other GC roots that hold the path's first object, as people read them (e.g.
 *                           {@code thread "idle-connection-reaper" local in IdleConnectionReaper.sweepForever});
 *                           empty when none
 * @param owner              for arrays: the collection whose field holds them on this path; null otherwise
 */
public record PathGrowth(String signature, String rootKind, List<String> steps, List<PathSample> samples,
                         MetricChange instances, MetricChange retained, Trend trend, List<String> display,
                         List<String> alsoReachableFrom, PathOwner owner) {

    /**
     * The collection that owns the arrays a path leads to ({@code HashMap.table} holds a {@code HashMap$Node[]}):
     * people see the array grow first and need to know whose it is.
     *
     * @param collection  the owner's class, e.g. {@code java.util.HashMap}
     * @param field       the owner's field that holds the array, e.g. {@code table}
     * @param display     the owner's own path as people read it, root side first, ending at the owner's class
     */
    public record PathOwner(String collection, String field, List<String> display) {
        public PathOwner {
            display = List.copyOf(display);
        }
    }

    public PathGrowth {
        steps = List.copyOf(steps);
        samples = List.copyOf(samples);
        display = List.copyOf(display);
        alsoReachableFrom = List.copyOf(alsoReachableFrom);
    }

    /** A path without display steps, other roots or owner. */
    public PathGrowth(String signature, String rootKind, List<String> steps, List<PathSample> samples,
                      MetricChange instances, MetricChange retained, Trend trend) {
        this(signature, rootKind, steps, samples, instances, retained, trend, List.of(), List.of(), null);
    }

    /**
     * A path's growth from its numbers in each dump, decided exactly as a row's: each interval's step by
     * {@code floor}, with the objects through the path standing for the instance count and the bytes they
     * retain for the shallow bytes (unknown retained bytes count as 0, so the count alone decides), then
     * the {@link Trend} rules; changes and rates per hour as for rows.
     */
    public static PathGrowth of(String signature, String rootKind, List<String> steps, List<String> display,
                                List<String> alsoReachableFrom, PathOwner owner, List<PathSample> samples,
                                DumpSeries series, NoiseFloor floor) {
        if (samples.size() != series.dumps().size()) {
            throw new IllegalArgumentException("a path needs one sample per dump: " + samples.size() + " for " + series.dumps().size());
        }
        List<Sample> asRows = new ArrayList<>(samples.size());
        for (PathSample s : samples) {
            asRows.add(new Sample(s.present(), s.instances(), s.retainedBytes() == null ? 0 : s.retainedBytes(), s.retainedBytes()));
        }
        List<Step> stepsTaken = new ArrayList<>(asRows.size() - 1);
        for (int i = 1; i < asRows.size(); i++) stepsTaken.add(floor.step(asRows.get(i - 1), asRows.get(i)));
        Trend trend = TrendRules.classify(stepsTaken, asRows.getFirst().present(), asRows.getLast().present());
        Double hours = series.spanHours();
        MetricChange instances = GrowthAnalysis.change(asRows, Sample::instances, hours);
        boolean retainedEverywhere = samples.stream().allMatch(s -> s.retainedBytes() != null);
        MetricChange retained = retainedEverywhere ? GrowthAnalysis.change(asRows, Sample::shallowBytes, hours) : null;
        return new PathGrowth(signature, rootKind, steps, samples, instances, retained, trend, display, alsoReachableFrom, owner);
    }
}

package org.hprofdiff.core.summary.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * One merged retention path of a row's objects, matched across the dumps by its signature (never by
 * object ids), with its numbers in every dump. Filled in by the retention-path analysis of the index
 * through {@link RetentionPaths}; the class-level analysis alone never creates these.
 *
 * @param signature      stable identity of the path across dumps: each step's signature
 *                       (root or {@code static declaring.Class.field}, then {@code declaring.Class.field}
 *                       or {@code Array[] [*]}), ending at the row's class, joined by " → "
 * @param rootKind       what the path starts at: "static field", or a GC root kind's label ("thread", "Java frame"...)
 * @param steps          the steps of the signature, root side first, ending at the row's class
 * @param samples        one per dump of the series, in series order
 * @param instances      how the instance count through this path moved
 * @param retained       how the retained bytes through this path moved, or null when unknown
 * @param trend          classified by the same rules as rows
 * @param display        the same steps as people read them (class names without their package, with their
 *                       enclosing classes), root side first, ending at the row's class; empty when the
 *                       producer gave none
 * @param holderPackage  the package of the class the path starts at (the static field's class, the thread's
 *                       frame's class), so a reader can tell library code from their own; null when unknown
 * @param alsoHeldBy     the other kinds of holder (a thread, a JNI global, a static field) of the object where
 *                       the path's objects accumulate, each as its own path there in words (e.g.
 *                       {@code thread "idle-connection-reaper" local in IdleConnectionReaper$ReaperTask.run →
 *                       IdleConnectionReaper$ReaperTask.connectionManagers → ConcurrentHashMap.table}); empty when none
 * @param owner          for arrays: the collection whose field holds them on this path; null otherwise
 * @param loader         when the path runs through a class loader that could be unloaded: that loader and what
 *                       it keeps; null otherwise
 */
public record PathGrowth(String signature, String rootKind, List<String> steps, List<PathSample> samples,
                         MetricChange instances, MetricChange retained, Trend trend, List<String> display, String holderPackage,
                         List<String> alsoHeldBy, PathOwner owner, LoaderHold loader) {

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

    /**
     * A class loader on the path that could be unloaded but is kept: what keeps it is the path up to it, and
     * everything it defined stays with it (docs/semantics.md, section 9).
     *
     * @param loader         the loader in words: its name with digits as {@code #} and its class
     *                       ({@code report-plugin-v# (java.net.URLClassLoader)}), or its class alone
     * @param step           index into {@link #steps()} and {@link #display()} of the {@code <classloader>} step
     * @param loaders        loaders on the path in the last dump that has it (one per redeployed version...)
     * @param classes        classes those loaders define
     * @param retainedBytes  bytes those loaders retain together
     */
    public record LoaderHold(String loader, int step, long loaders, long classes, long retainedBytes) {}

    /** What a path is, apart from its numbers: its identity and how people read it. */
    public record Description(String signature, String rootKind, List<String> steps, List<String> display, String holderPackage,
                              List<String> alsoHeldBy, PathOwner owner, LoaderHold loader) {
        /** The same path with other holders. */
        public Description withAlsoHeldBy(List<String> holders) {
            return new Description(signature, rootKind, steps, display, holderPackage, holders, owner, loader);
        }

        /** A path with nothing but its signature, root kind and steps. */
        public static Description of(String signature, String rootKind, List<String> steps) {
            return new Description(signature, rootKind, steps, List.of(), null, List.of(), null, null);
        }
    }

    public PathGrowth {
        steps = List.copyOf(steps);
        samples = List.copyOf(samples);
        display = List.copyOf(display);
        alsoHeldBy = List.copyOf(alsoHeldBy);
    }

    /** A path without display steps, package, other holders, owner or loader. */
    public PathGrowth(String signature, String rootKind, List<String> steps, List<PathSample> samples,
                      MetricChange instances, MetricChange retained, Trend trend) {
        this(signature, rootKind, steps, samples, instances, retained, trend, List.of(), null, List.of(), null, null);
    }

    /** The same path without its other holders. */
    public PathGrowth withoutOtherHolders() {
        return new PathGrowth(signature, rootKind, steps, samples, instances, retained, trend, display, holderPackage, List.of(), owner, loader);
    }

    /**
     * A path's growth from its numbers in each dump, decided exactly as a row's: each interval's step by
     * {@code floor}, with the objects through the path standing for the instance count and the bytes they
     * retain for the shallow bytes (unknown retained bytes count as 0, so the count alone decides), then
     * the {@link Trend} rules; changes and rates per hour as for rows.
     */
    public static PathGrowth of(Description d, List<PathSample> samples, DumpSeries series, NoiseFloor floor) {
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
        return new PathGrowth(d.signature(), d.rootKind(), d.steps(), samples, instances, retained, trend, d.display(), d.holderPackage(),
                d.alsoHeldBy(), d.owner(), d.loader());
    }
}

package org.hprofdiff.index.growth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.core.summary.diff.DumpSeries;
import org.hprofdiff.core.summary.diff.GrowthReport;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.NoiseFloor;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.core.summary.diff.PathSample;
import org.hprofdiff.core.summary.diff.LoaderGrowth;
import org.hprofdiff.index.AnalysisProgress;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.analysis.paths.MergedPaths;
import org.hprofdiff.index.analysis.paths.PathStep;

/**
 * The retention paths that keep growing across a series of dumps (issue 5; docs/growth-analysis.md,
 * section 6): for each of the top steady growers, its merged shortest paths from the GC roots in every dump,
 * matched across the dumps by path signature (never by object ids), with the objects and retained bytes
 * through each path per dump and a {@link org.hprofdiff.core.summary.diff.Trend} decided by the same rules as
 * the rows'. The growing paths are the answer; a few others are kept as context.
 *
 * <p>Dumps are opened one at a time ({@link Opener}: each dump's index, dominator tree and shortest paths are
 * built once and reused by every later run), so the Java heap holds one dump's merged paths at most.
 */
public final class GrowingPaths {

    /**
     * @param classRows      steady growers of the class table whose paths are looked for: the most retained
     *                       growth first (the top of the shallow ranking are often the JDK's arrays and
     *                       strings, whose paths say less than those of the objects that hold them)
     * @param arrayRows      steady growers of the arrays-by-length table, in its order
     * @param growingPerRow  growing paths kept per row, most growing first
     * @param contextPerRow  other paths kept per row, as context, most objects first
     * @param loaderRows     steadily growing loader classes whose loaders' paths are looked for
     */
    public record Limits(int classRows, int arrayRows, int growingPerRow, int contextPerRow, int loaderRows) {
        public static final Limits DEFAULT = new Limits(5, 3, 5, 3, 2);

        public Limits {
            if (classRows < 0 || arrayRows < 0 || growingPerRow < 0 || contextPerRow < 0 || loaderRows < 0) {
                throw new IllegalArgumentException("limits must be zero or positive");
            }
        }
    }

    /** Opens dump {@code i} of the series (0-based, the report's order) with its index and stored analyses. */
    @FunctionalInterface
    public interface Opener {
        HeapAnalysis open(int dump) throws IOException, DumpFormatException;
    }

    /** Other holders named per path: enough to say where else it is held, not a list of every frame. */
    static final int MAX_OTHER_HOLDERS = 3;

    /** One row whose paths are looked for: its id, whether its objects are arrays, and how to find them in a dump. */
    private record Sought(String id, boolean arrays, TargetsOf targets) {}

    @FunctionalInterface
    private interface TargetsOf {
        RowTargets in(HeapAnalysis analysis) throws IOException;
    }

    private GrowingPaths() {}

    /**
     * {@code report} with retention paths attached to the rows {@link Limits} chooses ({@link GrowthRow#paths()},
     * {@link LoaderGrowth#paths()}: empty when a row's objects have no path from a GC root); unchanged when
     * nothing grows steadily.
     */
    public static GrowthReport attach(GrowthReport report, Opener dumps, Limits limits, AnalysisProgress progress)
            throws IOException, DumpFormatException {
        List<Sought> sought = new ArrayList<>();
        for (GrowthRow row : classRows(report, dumps, limits, progress)) sought.add(new Sought(id(row), false, a -> RowTargets.of(row, a)));
        report.arraysByLength().stream().filter(row -> row.trend().leakSuspect()).limit(limits.arrayRows())
                .forEach(row -> sought.add(new Sought(id(row), true, a -> RowTargets.of(row, a))));
        report.growingLoaders().stream().limit(limits.loaderRows())
                .forEach(row -> sought.add(new Sought(id(row), false, a -> RowTargets.loaders(row.loaderClass(), a))));
        if (sought.isEmpty()) return report;
        Map<String, List<PathGrowth>> found = find(report, sought, dumps, limits, progress);
        return report.withRetentionPaths((row, series) -> found.get(id(row)), row -> found.containsKey(id(row)))
                .withLoaderPaths(row -> found.get(id(row)), row -> found.containsKey(id(row)));
    }

    /** Class rows, arrays-by-length rows and loader rows have keys of their own kinds; this tells them apart. */
    private static String id(GrowthRow row) {
        return (row.arrayLength() == null ? "class " : "arrays ") + row.key();
    }

    private static String id(LoaderGrowth row) {
        return "loaders " + row.loaderClass();
    }

    /** The steady growers of the class table to look at: all when few, else those whose retained bytes grew most. */
    private static List<GrowthRow> classRows(GrowthReport report, Opener dumps, Limits limits, AnalysisProgress progress)
            throws IOException, DumpFormatException {
        List<GrowthRow> growers = report.steadyGrowers();
        if (growers.size() <= limits.classRows()) return growers;
        Map<String, Long> retainedGrowth = new HashMap<>();
        boolean known = growers.stream().allMatch(row -> row.retainedBytes() != null);
        if (known) {
            growers.forEach(row -> retainedGrowth.put(row.key(), row.retainedBytes().change()));
        } else {
            int last = report.series().dumps().size() - 1;
            for (int dump : new int[] {0, last}) {
                progress.phase("retained sizes of the steady growers in dump " + (dump + 1), 0);
                try (HeapAnalysis analysis = dumps.open(dump)) {
                    for (GrowthRow row : growers) {
                        long retained = classRetained(row, analysis);
                        retainedGrowth.merge(row.key(), dump == 0 ? -retained : retained, Long::sum);
                    }
                }
            }
        }
        // a stable sort: equal growth keeps the report's order
        return growers.stream().sorted(Comparator.comparing((GrowthRow row) -> retainedGrowth.get(row.key())).reversed())
                .limit(limits.classRows()).toList();
    }

    /** The row's class-level retained bytes (MAT's: instances inside another instance's retained set count once). */
    private static long classRetained(GrowthRow row, HeapAnalysis analysis) throws IOException {
        boolean[] classes = RowTargets.classesOf(row, analysis.index());
        long sum = 0;
        for (int c = 0; c < classes.length; c++) if (classes[c]) sum += analysis.dominators().classRetained(c);
        return sum;
    }

    private static Map<String, List<PathGrowth>> find(GrowthReport report, List<Sought> rows, Opener dumps, Limits limits,
                                                      AnalysisProgress progress) throws IOException, DumpFormatException {
        int n = report.series().dumps().size();
        List<List<Map<String, DumpPaths.Found>>> perRow = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) perRow.add(new ArrayList<>(n));
        for (int dump = 0; dump < n; dump++) {
            try (HeapAnalysis analysis = dumps.open(dump)) {
                progress.phase("retention paths of " + rows.size() + " growing rows in dump " + (dump + 1) + " of " + n, rows.size());
                DumpPaths dumpPaths = new DumpPaths(analysis);
                for (int r = 0; r < rows.size(); r++) {
                    try (RowTargets targets = rows.get(r).targets().in(analysis)) {
                        perRow.get(r).add(targets.isEmpty() ? Map.of() : dumpPaths.of(analysis.mergedPaths(targets.filter(), MergedPaths.Options.DEFAULT)));
                    }
                    progress.advance(r + 1);
                }
            }
        }
        Map<String, List<PathGrowth>> byRow = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            byRow.put(rows.get(r).id(), matched(rows.get(r).arrays(), perRow.get(r), report.series(), report.noiseFloor(), limits));
        }
        return byRow;
    }

    /** One row's paths matched across the dumps by signature: growing ones first, then a few others as context. */
    static List<PathGrowth> matched(boolean arrays, List<Map<String, DumpPaths.Found>> perDump, DumpSeries series, NoiseFloor floor,
                                    Limits limits) {
        Set<String> signatures = new LinkedHashSet<>();
        for (Map<String, DumpPaths.Found> dump : perDump.reversed()) signatures.addAll(dump.keySet());
        List<PathGrowth> all = new ArrayList<>(signatures.size());
        for (String signature : signatures) {
            List<PathSample> samples = new ArrayList<>(perDump.size());
            DumpPaths.Found newest = null;
            List<List<PathStep>> also = new ArrayList<>();
            for (Map<String, DumpPaths.Found> dump : perDump.reversed()) {
                DumpPaths.Found f = dump.get(signature);
                samples.addFirst(f == null ? new PathSample(false, 0, 0L) : new PathSample(true, f.objects(), f.retainedBytes()));
                if (f == null) continue;
                if (newest == null) newest = f;
                for (List<PathStep> holder : f.alsoHeldBy()) if (also.size() < MAX_OTHER_HOLDERS && !also.contains(holder)) also.add(holder);
            }
            PathGrowth.Description description = PathText.describe(signature, newest.steps(), also, newest.loaderFacts(), arrays);
            PathGrowth path = PathGrowth.of(description, samples, series, floor);
            // other holders explain what keeps a growing path; on a context path they are noise
            all.add(path.trend().leakSuspect() ? path : path.withoutOtherHolders());
        }
        List<PathGrowth> kept = new ArrayList<>();
        all.stream().filter(p -> p.trend().leakSuspect()).sorted(MOST_GROWING).limit(limits.growingPerRow()).forEach(kept::add);
        all.stream().filter(p -> !p.trend().leakSuspect()).sorted(MOST_OBJECTS).limit(limits.contextPerRow()).forEach(kept::add);
        return kept;
    }

    private static final Comparator<PathGrowth> MOST_GROWING = Comparator
            .comparingLong((PathGrowth p) -> p.instances().change()).reversed()
            .thenComparing(Comparator.comparingLong((PathGrowth p) -> p.retained() == null ? 0 : p.retained().change()).reversed())
            .thenComparing(PathGrowth::signature);

    private static final Comparator<PathGrowth> MOST_OBJECTS = Comparator
            .comparingLong((PathGrowth p) -> p.instances().last()).reversed()
            .thenComparing(PathGrowth::signature);
}

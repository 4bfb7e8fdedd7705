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
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.SummaryPaths;
import org.hprofdiff.core.summary.diff.DumpSeries;
import org.hprofdiff.core.summary.diff.GrowthReport;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.NoiseFloor;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.core.summary.diff.PathSample;
import org.hprofdiff.core.summary.diff.LoaderGrowth;
import org.hprofdiff.index.AnalysisProgress;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.graph.paths.MergedPaths;
import org.hprofdiff.index.graph.paths.PathTrie;

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

    /**
     * Where one dump's paths come from: its index with the analyses (built or reused), or a saved summary that kept
     * its retention paths ({@link DumpSummary#retentionPaths()}), which stands for the dump it was made from.
     */
    public sealed interface Source extends AutoCloseable {
        /** A dump opened with its index. */
        record Indexed(HeapAnalysis analysis) implements Source {
            @Override public void close() { analysis.close(); }
        }

        /** A saved summary with retention paths. */
        record Saved(DumpSummary summary) implements Source {
            public Saved {
                if (summary.retentionPaths() == null) throw new IllegalArgumentException("a saved summary without retention paths stands for no dump's paths");
            }

            @Override public void close() {}
        }

        @Override
        void close();
    }

    /** Opens dump {@code i} of the series (0-based, the report's order). */
    @FunctionalInterface
    public interface Opener {
        Source open(int dump) throws IOException, DumpFormatException;
    }

    /** Other holders named per path: enough to say where else it is held, not a list of every frame. */
    static final int MAX_OTHER_HOLDERS = 3;

    /** The kinds of row, each found in a dump its own way (see {@link RowTargets}). */
    enum Kind { CLASS, ARRAY, LOADER }

    /**
     * One row whose paths are looked for: its id, its kind, and its key (a class or array row's name, loader and
     * length; a loader row's loader class).
     */
    record Sought(String id, Kind kind, RowTargets.Key key, String loaderClass) {}

    private GrowingPaths() {}

    /**
     * {@code report} with retention paths attached to the rows {@link Limits} chooses ({@link GrowthRow#paths()},
     * {@link LoaderGrowth#paths()}: empty when a row's objects have no path from a GC root); unchanged when
     * nothing grows steadily.
     */
    public static GrowthReport attach(GrowthReport report, Opener dumps, Limits limits, AnalysisProgress progress)
            throws IOException, DumpFormatException {
        List<Sought> sought = sought(report, dumps, limits, progress);
        if (sought.isEmpty()) return report;
        Map<String, List<PathGrowth>> found = find(report, sought, dumps, limits, progress);
        return report.withRetentionPaths((row, series) -> found.get(id(row)), row -> found.containsKey(id(row)))
                .withLoaderPaths(row -> found.get(id(row)), row -> found.containsKey(id(row)));
    }

    /** The rows whose paths are looked for, as {@link Limits} chooses them. */
    static List<Sought> sought(GrowthReport report, Opener dumps, Limits limits, AnalysisProgress progress) throws IOException, DumpFormatException {
        List<Sought> sought = new ArrayList<>();
        for (GrowthRow row : classRows(report, dumps, limits, progress)) sought.add(new Sought(id(row), Kind.CLASS, RowTargets.Key.of(row), null));
        report.arraysByLength().stream().filter(row -> row.trend().leakSuspect()).limit(limits.arrayRows())
                .forEach(row -> sought.add(new Sought(id(row), Kind.ARRAY, RowTargets.Key.of(row), null)));
        report.growingLoaders().stream().limit(limits.loaderRows())
                .forEach(row -> sought.add(new Sought(id(row), Kind.LOADER, null, row.loaderClass())));
        return sought;
    }

    /** Class rows, arrays-by-length rows and loader rows have keys of their own kinds; this tells them apart. */
    private static String id(GrowthRow row) {
        return row.arrayLength() == null ? SummaryPaths.classRow(row.key()) : SummaryPaths.arrayRow(row.key());
    }

    private static String id(LoaderGrowth row) {
        return SummaryPaths.loaderRow(row.loaderClass());
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
                try (Source source = dumps.open(dump)) {
                    Map<String, Long> saved = source instanceof Source.Saved(DumpSummary summary) ? retainedByKey(summary) : null;
                    // the paths are looked for next: with the tree they need, computed side by side when neither is stored
                    if (source instanceof Source.Indexed(HeapAnalysis analysis)) analysis.shortestPaths();
                    for (GrowthRow row : growers) {
                        long retained = saved != null ? saved.getOrDefault(row.key(), 0L) : classRetained(row, ((Source.Indexed) source).analysis());
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
        return classRetained(RowTargets.classesOf(row, analysis.index()), analysis);
    }

    /**
     * A saved summary's class-level retained bytes by row key (the series' samples leave them out, since a dump in a
     * series has none: the numbers shown are the same whichever stands for the dump).
     */
    private static Map<String, Long> retainedByKey(DumpSummary summary) {
        Map<String, Long> byKey = new HashMap<>();
        for (var c : summary.classes()) if (c.retainedBytes() != null) byKey.merge(c.key(), c.retainedBytes(), Long::sum);
        return byKey;
    }

    /** The class-level retained bytes of {@code classes} (class indexes, each once). */
    static long classRetained(int[] classes, HeapAnalysis analysis) throws IOException {
        long sum = 0;
        for (int c : classes) sum += analysis.dominators().classRetained(c);
        return sum;
    }

    private static Map<String, List<PathGrowth>> find(GrowthReport report, List<Sought> rows, Opener dumps, Limits limits,
                                                      AnalysisProgress progress) throws IOException, DumpFormatException {
        int n = report.series().dumps().size();
        List<List<Map<String, KeptPaths.Seen>>> perRow = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) perRow.add(new ArrayList<>(n));
        for (int dump = 0; dump < n; dump++) {
            try (Source source = dumps.open(dump)) {
                progress.phase("retention paths of " + rows.size() + " growing rows in dump " + (dump + 1) + " of " + n, rows.size());
                List<Map<String, KeptPaths.Seen>> found = switch (source) {
                    case Source.Indexed(HeapAnalysis analysis) -> storedOrFound(analysis, rows, progress);
                    case Source.Saved(DumpSummary summary) -> rows.stream().map(row -> KeptPaths.read(summary.retentionPaths(), row.id())).toList();
                };
                for (int r = 0; r < rows.size(); r++) perRow.get(r).add(found.get(r));
                progress.advance(rows.size());
            }
        }
        Map<String, List<PathGrowth>> byRow = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            byRow.put(rows.get(r).id(), matched(perRow.get(r), report.series(), report.noiseFloor(), limits));
        }
        return byRow;
    }

    /**
     * As {@link #pathsIn}, taking each row's paths that an earlier comparison stored with the dump's analysis
     * ({@link StoredRowPaths}) and storing those it has to find: a comparison run again, or the next one of a series
     * that shares the dump, walks nothing. A store that fails (a full disk, an index that cannot be written) is said
     * once and changes nothing else.
     */
    static List<Map<String, KeptPaths.Seen>> storedOrFound(HeapAnalysis analysis, List<Sought> rows, AnalysisProgress progress)
            throws IOException {
        StoredRowPaths stored = new StoredRowPaths(analysis.rowPaths());
        List<Map<String, KeptPaths.Seen>> found = new ArrayList<>(rows.size());
        List<Sought> missing = new ArrayList<>();
        for (Sought row : rows) {
            Map<String, KeptPaths.Seen> kept = stored.read(row);
            found.add(kept);
            if (kept == null) missing.add(row);
        }
        if (missing.isEmpty()) return found;
        List<Map<String, KeptPaths.Seen>> computed = pathsIn(analysis, missing);
        boolean storing = true;
        for (int r = 0, m = 0; r < rows.size(); r++) {
            if (found.get(r) != null) continue;
            Map<String, KeptPaths.Seen> paths = computed.get(m++);
            found.set(r, paths);
            if (!storing) continue;
            try {
                stored.write(rows.get(r), paths);
            } catch (IOException e) {
                progress.note("the growing rows' retention paths are not stored with the index (" + e.getMessage() + "); a later comparison finds them again");
                storing = false;
            }
        }
        return found;
    }

    /** Each row's paths in one dump, described, in the order of {@code rows}: every row of every kind in one pass. */
    static List<Map<String, KeptPaths.Seen>> pathsIn(HeapAnalysis analysis, List<Sought> rows) throws IOException {
        List<Map<String, KeptPaths.Seen>> found = new ArrayList<>(java.util.Collections.nCopies(rows.size(), Map.of()));
        DumpPaths dumpPaths = new DumpPaths(analysis);
        try (PathTrie trie = new PathTrie(analysis.graph(), analysis.shortestPaths(), MergedPaths.Options.DEFAULT.collapseChains(), analysis.scratch())) {
            List<Kind> kinds = new ArrayList<>();
            List<List<Integer>> rowsOfKind = new ArrayList<>();
            List<RowLeaves.Rows> targets = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                List<Integer> ofKind = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) if (rows.get(r).kind() == kind) ofKind.add(r);
                if (ofKind.isEmpty()) continue;
                List<RowTargets.Key> keys = ofKind.stream().map(r -> rows.get(r).key()).toList();
                RowLeaves.RowOf rowOf = switch (kind) {
                    case CLASS -> RowTargets.classes(keys, analysis.index());
                    case ARRAY -> RowTargets.arrays(keys, analysis.index());
                    case LOADER -> RowTargets.loaders(ofKind.stream().map(r -> rows.get(r).loaderClass()).toList(), analysis.index());
                };
                kinds.add(kind);
                rowsOfKind.add(ofKind);
                targets.add(new RowLeaves.Rows(rowOf, ofKind.size()));
            }
            List<List<List<RowLeaves.Leaf>>> leaves = RowLeaves.of(analysis, trie, targets);
            for (int k = 0; k < kinds.size(); k++) {
                List<Integer> ofKind = rowsOfKind.get(k);
                for (int i = 0; i < ofKind.size(); i++) {
                    found.set(ofKind.get(i), KeptPaths.described(dumpPaths.of(leaves.get(k).get(i)), kinds.get(k) == Kind.ARRAY));
                }
            }
        }
        return found;
    }

    /** One row's paths matched across the dumps by signature: growing ones first, then a few others as context. */
    static List<PathGrowth> matched(List<Map<String, KeptPaths.Seen>> perDump, DumpSeries series, NoiseFloor floor, Limits limits) {
        Set<String> signatures = new LinkedHashSet<>();
        for (Map<String, KeptPaths.Seen> dump : perDump.reversed()) signatures.addAll(dump.keySet());
        List<PathGrowth> all = new ArrayList<>(signatures.size());
        for (String signature : signatures) {
            List<PathSample> samples = new ArrayList<>(perDump.size());
            PathGrowth.Description newest = null;
            Set<String> also = new LinkedHashSet<>();
            for (Map<String, KeptPaths.Seen> dump : perDump.reversed()) {
                KeptPaths.Seen f = dump.get(signature);
                samples.addFirst(f == null ? new PathSample(false, 0, 0L) : new PathSample(true, f.objects(), f.retainedBytes()));
                if (f == null) continue;
                if (newest == null) newest = f.description();
                for (String holder : f.description().alsoHeldBy()) if (also.size() < MAX_OTHER_HOLDERS) also.add(holder);
            }
            PathGrowth path = PathGrowth.of(newest.withAlsoHeldBy(List.copyOf(also)), samples, series, floor);
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

package org.hprofdiff.cli.render.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hprofdiff.cli.report.DiffQuery;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.ArrayLengthStats;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.diff.GrowthAnalysis;
import org.hprofdiff.core.summary.diff.GrowthReport;
import org.hprofdiff.core.summary.diff.MetricChange;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.core.summary.diff.PathSample;
import org.hprofdiff.core.summary.diff.Trend;

/**
 * Hand-made dump summaries with round numbers, run through core's real growth analysis, so the renderers
 * are tested on the report shape the CLI produces. The numbers a test expects are written here, not
 * computed by the code under test:
 * <ul>
 *   <li>dumps a.hprof, b.hprof, c.hprof taken 0 h, 12 h and 24 h after {@link #T0}</li>
 *   <li>{@code com.acme.Conn}: 400 → 600 → 800 instances of 48 bytes (19,200 → 28,800 → 38,400 bytes): leak rank 1,
 *       +16.7 objects/h, +800 B/h</li>
 *   <li>{@code java.util.HashMap$Node[]}: 1 → 2 → 3 arrays of length 1,024, 4,112 bytes each (count changes are within
 *       the noise floor, byte changes are not): leak rank 2; also the arrays-by-length row {@code java.util.HashMap$Node[1024]}</li>
 *   <li>{@link #WEIRD} (a name full of markup characters, loader {@link #WEIRD_LOADER}): 100 → 200 → 300 of 24 bytes
 *       (+4,800 bytes): leak rank 3. The bootstrap loader defines a class of that name too (7 instances in every
 *       dump: flat), so reports name the grower with its loader.</li>
 *   <li>{@code com.acme.Pool}: 50 → 500 → 500 of 64 bytes: one-time start-up growth (labelled)</li>
 *   <li>{@code java.lang.String}: 10,000 in every dump: flat</li>
 * </ul>
 */
public final class ReportFixtures {
    public static final long T0 = 1_700_000_000_000L;
    public static final long HOUR = 3_600_000L;
    public static final String WEIRD = "com.acme.Weird$<lambda>|&\"q\"'*_`x`";
    public static final String WEIRD_LOADER = "app<script>alert(1)</script>";

    private ReportFixtures() {}

    public static List<DumpSummary> summaries(double... hours) {
        long[][] counts = {{400, 600, 800}, {100, 200, 300}, {50, 500, 500}, {10_000, 10_000, 10_000}, {1, 2, 3}};
        List<DumpSummary> dumps = new ArrayList<>();
        String[] names = {"a.hprof", "b.hprof", "c.hprof"};
        for (int i = 0; i < 3; i++) {
            List<ClassStats> classes = List.of(
                    cls("com.acme.Conn", ClassStats.BOOTSTRAP, counts[0][i], 48),
                    cls(WEIRD, WEIRD_LOADER, counts[1][i], 24),
                    cls(WEIRD, ClassStats.BOOTSTRAP, 7, 24),
                    cls("com.acme.Pool", ClassStats.BOOTSTRAP, counts[2][i], 64),
                    cls("java.lang.String", ClassStats.BOOTSTRAP, counts[3][i], 24),
                    new ClassStats("java.util.HashMap$Node[]", ClassStats.BOOTSTRAP, ClassStats.Kind.OBJECT_ARRAY, counts[4][i],
                            counts[4][i] * 4_112, null));
            List<ArrayLengthStats> arrays = List.of(new ArrayLengthStats("java.util.HashMap$Node[]", ClassStats.BOOTSTRAP, 1_024,
                    counts[4][i], counts[4][i] * 4_112));
            long objects = classes.stream().mapToLong(ClassStats::instances).sum();
            long bytes = classes.stream().mapToLong(ClassStats::shallowBytes).sum();
            DumpSummary.Totals totals = new DumpSummary.Totals(Map.of(ClassStats.Kind.INSTANCE, objects), Map.of(ClassStats.Kind.INSTANCE, bytes),
                    Map.of("sticky class", 500L), classes.size());
            DumpSummary.DumpInfo info = new DumpSummary.DumpInfo(names[i], 10_000, "JAVA PROFILE 1.0.2", 8,
                    T0 + Math.round(hours[i] * HOUR), "none", 1, 1);
            dumps.add(new DumpSummary(DumpSummary.SCHEMA_VERSION, info, SizeModel.HOTSPOT_64_COMPRESSED, totals, classes, arrays,
                    new DumpSummary.Completeness(false, null, List.of()), null));
        }
        return dumps;
    }

    public static GrowthReport growth() {
        return GrowthAnalysis.analyze(summaries(0, 12, 24));
    }

    public static DiffReport diff() {
        return DiffQuery.run(growth(), 25, null, List.of());
    }

    /**
     * The same with retention paths for the top grower, as the index analysis will attach them: one growing
     * path (12 → 1,200 → 2,340 objects, 1,000 → 100,000 → 200,000 bytes retained) and one flat path
     * (5 objects in every dump); the second grower (the arrays) was looked at and has none; the third was not looked at (no paths: null).
     */
    public static DiffReport diffWithPaths() {
        GrowthReport withPaths = growth().withRetentionPaths((row, series) -> row.name().equals("com.acme.Conn")
                ? List.of(GROWING_PATH, FLAT_PATH)
                : List.of(), 2);
        return DiffQuery.run(withPaths, 25, null, List.of());
    }

    public static final PathGrowth GROWING_PATH = new PathGrowth(
            "static field → com.acme.Reaper.INSTANCE → java.util.concurrent.ConcurrentHashMap.table → [] → com.acme.Conn",
            "static field", List.of("com.acme.Reaper.INSTANCE", "java.util.concurrent.ConcurrentHashMap.table", "[]", "com.acme.Conn"),
            List.of(new PathSample(true, 12, 1_000L), new PathSample(true, 1_200, 100_000L), new PathSample(true, 2_340, 200_000L)),
            new MetricChange(12, 2_340, 2_328, 19_400.0, List.of(1_188L, 1_140L), true, 97.0),
            new MetricChange(1_000, 200_000, 199_000, 19_900.0, List.of(99_000L, 100_000L), true, 8291.7),
            Trend.STEADY_GROWTH);

    public static final PathGrowth FLAT_PATH = new PathGrowth("thread → java.lang.Thread.target → com.acme.Conn", "thread",
            List.of("java.lang.Thread.target", "com.acme.Conn"),
            List.of(new PathSample(true, 5, 240L), new PathSample(true, 5, 240L), new PathSample(true, 5, 240L)),
            new MetricChange(5, 5, 0, 0.0, List.of(0L, 0L), false, 0.0), null, Trend.FLAT);

    private static ClassStats cls(String name, String loader, long instances, long size) {
        return new ClassStats(name, loader, ClassStats.Kind.INSTANCE, instances, instances * size, null);
    }
}

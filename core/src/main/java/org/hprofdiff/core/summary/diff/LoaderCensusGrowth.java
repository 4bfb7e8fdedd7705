package org.hprofdiff.core.summary.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.summary.ClassLoaders;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.DuplicateClass;
import org.hprofdiff.core.summary.LoaderStats;

/** Lines up the class-loader censuses of a series (by loader class, and duplicate class names by name). */
final class LoaderCensusGrowth {
    /** Duplicate class names a report lists: the most telling few. */
    static final int MAX_DUPLICATES = 20;

    private LoaderCensusGrowth() {}

    /** Whether every dump of the series has a census (summaries of schema version 1 have none). */
    static boolean known(List<DumpSummary> dumps) {
        return dumps.stream().allMatch(d -> d.classLoaders() != null);
    }

    /** One row per loader class seen in any dump: steady growers first (most loaders gained), then the rest. */
    static List<LoaderGrowth> loaders(List<DumpSummary> dumps, Double spanHours) {
        Map<String, Sample[]> byClass = new LinkedHashMap<>();
        int n = dumps.size();
        for (int d = 0; d < n; d++) {
            for (LoaderStats s : dumps.get(d).classLoaders().byLoaderClass()) {
                byClass.computeIfAbsent(s.loaderClass(), k -> new Sample[n])[d] = new Sample(s.loaders() > 0, s.loaders(), s.classes(), null);
            }
        }
        List<LoaderGrowth> rows = new ArrayList<>();
        byClass.forEach((loaderClass, samples) -> {
            List<Sample> series = new ArrayList<>(n);
            for (Sample s : samples) series.add(s == null ? Sample.absent(false) : s);
            List<Step> steps = new ArrayList<>(n - 1);
            for (int i = 1; i < n; i++) steps.add(NoiseFloor.NONE.step(series.get(i - 1), series.get(i)));
            Trend trend = TrendRules.classify(steps, series.getFirst().present(), series.getLast().present());
            rows.add(new LoaderGrowth(loaderClass, trend, null, steps, GrowthAnalysis.change(series, Sample::instances, spanHours),
                    GrowthAnalysis.change(series, Sample::shallowBytes, spanHours), null));
        });
        rows.sort(Comparator.comparing(LoaderGrowth::trend)
                .thenComparing(r -> r.loaders().change(), Comparator.reverseOrder())
                .thenComparing(r -> r.classes().change(), Comparator.reverseOrder())
                .thenComparing(LoaderGrowth::loaderClass));
        int rank = 0;
        for (int i = 0; i < rows.size() && rows.get(i).trend().leakSuspect(); i++) {
            LoaderGrowth r = rows.get(i);
            rows.set(i, new LoaderGrowth(r.loaderClass(), r.trend(), ++rank, r.steps(), r.loaders(), r.classes(), r.paths()));
        }
        return List.copyOf(rows);
    }

    /** The class names several loaders define in the newest dump, most gained first, at most {@link #MAX_DUPLICATES}. */
    static List<DuplicateGrowth> duplicates(List<DumpSummary> dumps, Double spanHours) {
        int n = dumps.size();
        Map<String, long[]> byName = new LinkedHashMap<>();
        // a name a census does not list is defined by one loader at most there: counted as one
        for (DuplicateClass c : dumps.getLast().classLoaders().duplicateClasses()) {
            long[] counts = new long[n];
            java.util.Arrays.fill(counts, 1);
            byName.put(c.name(), counts);
        }
        for (int d = 0; d < n; d++) {
            ClassLoaders census = dumps.get(d).classLoaders();
            for (DuplicateClass c : census.duplicateClasses()) {
                long[] counts = byName.get(c.name());
                if (counts != null) counts[d] = c.loaders();
            }
        }
        List<DuplicateGrowth> rows = new ArrayList<>();
        byName.forEach((name, counts) -> {
            List<Sample> series = new ArrayList<>(n);
            for (long c : counts) series.add(new Sample(c > 0, c, 0, null));
            rows.add(new DuplicateGrowth(name, GrowthAnalysis.change(series, Sample::instances, spanHours)));
        });
        rows.sort(Comparator.comparingLong((DuplicateGrowth r) -> r.loaders().change()).reversed()
                .thenComparing(r -> r.loaders().last(), Comparator.reverseOrder())
                .thenComparing(DuplicateGrowth::name));
        return List.copyOf(rows.subList(0, Math.min(rows.size(), MAX_DUPLICATES)));
    }
}

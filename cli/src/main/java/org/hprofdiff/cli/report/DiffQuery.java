package org.hprofdiff.cli.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;
import org.hprofdiff.core.summary.diff.GrowthReport;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.LoaderGrowth;
import org.hprofdiff.core.summary.diff.Trend;
import org.hprofdiff.core.summary.diff.Verdict;
import org.hprofdiff.core.summary.diff.failon.FailOn;

/** Cuts a growth analysis into the sections a diff report shows. Pure: no I/O. */
public final class DiffQuery {
    /**
     * Growth that is labelled rather than ranked: shown after the answer so a reader can judge it; with it, the
     * classes of a partial dump that could not be compared because their loader was lost.
     */
    public static final Set<Trend> LABELLED = Set.of(Trend.INTERMITTENT_GROWTH, Trend.NEW, Trend.PLATEAU, Trend.STARTUP_GROWTH, Trend.NOISE,
            Trend.LOADER_LOST);

    private DiffQuery() {}

    /**
     * @param top        rows per table, or null for all
     * @param failOn     thresholds to check, or null for none
     * @param thresholds the specs as the user wrote them
     */
    public static DiffReport run(GrowthReport growth, Integer top, FailOn failOn, List<String> thresholds) {
        List<GrowthRow> steady = growth.steadyGrowers();
        List<GrowthRow> labelled = growth.classes().stream()
                .filter(r -> LABELLED.contains(r.trend()))
                .sorted(Comparator.comparingLong((GrowthRow r) -> Math.abs(r.shallowBytes().change())).reversed())
                .toList();
        List<GrowthRow> arrays = growth.arraysByLength().stream().filter(r -> r.trend().leakSuspect()).toList();
        DiffReport shown = new DiffReport(growth.series(), null, growth.noiseFloor(), growth.verdict(), top, cut(steady, top), cut(labelled, top),
                cut(arrays, top), failOn == null ? null : failOn.evaluate(growth), List.copyOf(thresholds), sharedNames(growth), List.of(), List.of(), List.of());
        // the answer looks at every grower with paths, not only the rows --top leaves in the tables
        List<PathWords.Answer> answers = PathWords.answers(growth.classLoaders(), growth.duplicateClasses(), steady, arrays, shown::displayName);
        Verdict verdict = growth.verdict();
        if (!answers.isEmpty()) {
            // the first line names the leak and its holder: byte[] and String top the class counts in every leak
            verdict = verdict.withSummary(PathWords.headline(answers.getFirst(), verdict));
        }
        return new DiffReport(shown.series(), null, shown.noiseFloor(), verdict, top, shown.steadyGrowers(), shown.labelled(),
                shown.arraysByLength(), shown.checks(), shown.thresholds(), shown.sharedNames(), answers.stream().map(PathWords.Answer::line).toList(),
                cut(changedLoaders(growth), top), cut(growth.duplicateClasses(), top));
    }

    /** Loader classes whose loaders or classes changed: a flat row (the application loader) says nothing. */
    private static List<LoaderGrowth> changedLoaders(GrowthReport growth) {
        return growth.classLoaders().stream().filter(row -> row.trend() != Trend.FLAT).toList();
    }

    private static Set<String> sharedNames(GrowthReport growth) {
        Map<String, Set<String>> loaders = new HashMap<>();
        for (GrowthRow r : growth.classes()) loaders.computeIfAbsent(r.name(), k -> new HashSet<>()).add(r.loader());
        Set<String> shared = new TreeSet<>();
        loaders.forEach((name, l) -> { if (l.size() > 1) shared.add(name); });
        return shared;
    }

    private static <T> List<T> cut(List<T> rows, Integer top) {
        return top == null || rows.size() <= top ? rows : rows.subList(0, top);
    }
}

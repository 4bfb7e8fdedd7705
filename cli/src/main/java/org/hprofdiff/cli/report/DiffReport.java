package org.hprofdiff.cli.report;

import java.util.List;
import org.hprofdiff.core.summary.diff.DumpSeries;
import org.hprofdiff.core.summary.diff.DuplicateGrowth;
import org.hprofdiff.core.summary.diff.LoaderGrowth;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.NoiseFloor;
import org.hprofdiff.core.summary.diff.Verdict;
import org.hprofdiff.core.summary.diff.failon.FailOnResult;

/**
 * A comparison of 2..N dumps as the user asked to see it: the answer (verdict and steady growers)
 * first, the growth that is not a leak labelled after, every table cut to {@code --top}.
 *
 * @param series         the dumps, their times and intervals
 * @param baseline       where dump 1 came from when it is a saved summary ({@code --baseline}), or null when every
 *                       dump was read from its file
 * @param noiseFloor     changes within it count as flat
 * @param verdict        leak suspected or not, in one sentence, and the count of classes per trend
 * @param top            rows per table, null for all
 * @param steadyGrowers  classes that grew in every interval, leak rank order (with retention paths when known)
 * @param labelled       classes that grew but are not leak suspects (intermittent, new, plateau, start-up,
 *                       up-and-down), largest byte change first, with their trend
 * @param arraysByLength long object arrays by class and length that grew in every interval (a second view
 *                       of objects already counted above, as people spotted {@code HashMap$Node[16384]})
 * @param checks         the {@code --fail-on} outcome, or null when no threshold was given
 * @param thresholds     the {@code --fail-on} specs as given
 * @param sharedNames    class names that more than one loader defines: only rows with these names need their
 *                       loader shown to be told apart
 * @param answers        the growers held by steadily growing retention paths, one line each, in the order they
 *                       answer "what leaks" ({@link PathWords#answers}); whatever {@code top} cuts from the tables;
 *                       empty when no path was looked for or none grows
 * @param classLoaders   loader classes whose number of loaders (or classes they define) changed, steady growers
 *                       first, with the retention paths of the growing ones; the rest are flat
 * @param duplicateClasses class names that several loaders define in the newest dump, most loaders gained first
 * @param savedSummaries the dumps of the series that a saved summary stood for, in series order (empty when every
 *                       one was read from its file)
 */
public record DiffReport(DumpSeries series, Baseline baseline, NoiseFloor noiseFloor, Verdict verdict, Integer top, List<GrowthRow> steadyGrowers,
                         List<GrowthRow> labelled, List<GrowthRow> arraysByLength, FailOnResult checks, List<String> thresholds,
                         java.util.Set<String> sharedNames, List<String> answers, List<LoaderGrowth> classLoaders,
                         List<DuplicateGrowth> duplicateClasses, List<Saved> savedSummaries)
        implements Report {

    /** A report without saved summaries in its series (every dump read from its file). */
    public DiffReport(DumpSeries series, Baseline baseline, NoiseFloor noiseFloor, Verdict verdict, Integer top, List<GrowthRow> steadyGrowers,
                      List<GrowthRow> labelled, List<GrowthRow> arraysByLength, FailOnResult checks, List<String> thresholds,
                      java.util.Set<String> sharedNames, List<String> answers, List<LoaderGrowth> classLoaders,
                      List<DuplicateGrowth> duplicateClasses) {
        this(series, baseline, noiseFloor, verdict, top, steadyGrowers, labelled, arraysByLength, checks, thresholds, sharedNames, answers,
                classLoaders, duplicateClasses, List.of());
    }

    /**
     * A dump of the series that a saved summary stood for.
     *
     * @param dump      its place in the series, 1-based
     * @param summary   the summary file as given
     * @param madeFrom  the dump the summary was made from, as it was named then
     */
    public record Saved(int dump, String summary, String madeFrom) {}

    /**
     * Dump 1 of the series, read from a saved summary instead of a dump (kept beside {@link #savedSummaries} for the
     * readers of the first JSON format).
     *
     * @param summary the summary file as given ({@code --baseline}, or the first input; also dump 1's path in the series)
     * @param dump    the dump the summary was made from, as it was named then
     */
    public record Baseline(String summary, String dump) {
        /** This summary at place {@code position} (1-based) of a series. */
        public Saved at(int position) {
            return new Saved(position, summary, dump);
        }
    }

    /** The same report with the dumps that saved summaries stood for marked. */
    public DiffReport withSaved(List<Saved> saved) {
        Baseline first = saved.stream().filter(s -> s.dump() == 1).findFirst().map(s -> new Baseline(s.summary(), s.madeFrom())).orElse(null);
        return new DiffReport(series, first, noiseFloor, verdict, top, steadyGrowers, labelled, arraysByLength, checks, thresholds, sharedNames,
                answers, classLoaders, duplicateClasses, List.copyOf(saved));
    }

    /** The saved summary that stood for dump {@code index} (0-based), or null when the dump was read from its file. */
    public Saved savedAt(int index) {
        return savedSummaries.stream().filter(s -> s.dump() == index + 1).findFirst().orElse(null);
    }

    /** How a row is named in text: the class name, with its loader only where the name alone is ambiguous. */
    public String displayName(GrowthRow row) {
        String name = row.arrayLength() == null ? row.name() : row.label().replace(" @" + row.loader(), "");
        return sharedNames.contains(row.name()) ? name + " (loader " + row.loader() + ")" : name;
    }

    public boolean breached() {
        return checks != null && checks.failed();
    }

    public boolean partial() {
        return series.dumps().stream().anyMatch(d -> d.partial());
    }

    @Override
    public String kind() { return "diff"; }

    @Override
    public List<String> warnings() {
        List<String> lines = new java.util.ArrayList<>(series.notes());
        if (checks != null) lines.addAll(checks.unchecked());
        return lines;
    }
}

package org.hprofdiff.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hprofdiff.cli.Output;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.core.summary.diff.GrowthReport;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexOptions;
import org.hprofdiff.index.growth.GrowingPaths;

/**
 * Adds to a comparison the retention paths that hold its growers, from each dump's index (built on the first
 * run, reused after). The class-level comparison stands on its own: when the paths cannot be found (no room
 * for an index, a dump the index cannot read), it is reported without them and a warning says why.
 */
final class PathRun {
    private PathRun() {}

    /**
     * @param indexOptions     where each dump's index is found or built
     * @param analysisOptions  which references retain (dominator tree and paths)
     */
    static GrowthReport attach(GrowthReport growth, List<GrowthRun.Input> inputs, IndexOptions indexOptions, HeapAnalysis.Options analysisOptions,
                               Output out) {
        boolean growing = !growth.steadyGrowers().isEmpty() || growth.arraysByLength().stream().anyMatch(row -> row.trend().leakSuspect())
                || !growth.growingLoaders().isEmpty();
        if (!growing) return growth; // nothing to explain: no index needed
        IndexProgress progress = new IndexProgress(out);
        long started = System.nanoTime();
        try {
            GrowthReport withPaths = GrowingPaths.attach(growth, i -> switch (inputs.get(i)) {
                case GrowthRun.Dump(Path dump) -> new GrowingPaths.Source.Indexed(
                        HeapAnalysis.open(dump, indexOptions, analysisOptions, progress.forDump(dump.getFileName().toString())));
                case GrowthRun.Saved(SavedSummary.Loaded saved) -> new GrowingPaths.Source.Saved(saved.summary());
            }, GrowingPaths.Limits.DEFAULT, progress);
            out.detail(String.format(Locale.ROOT, "retention paths of the growers in %.2f s", (System.nanoTime() - started) / 1e9));
            return withPaths;
        } catch (IOException | DumpFormatException e) {
            out.warn("retention paths not looked for (" + e.getMessage() + "); the comparison is by class totals only");
            return growth;
        } finally {
            progress.finish();
        }
    }
}

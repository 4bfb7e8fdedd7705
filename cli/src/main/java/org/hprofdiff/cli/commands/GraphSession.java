package org.hprofdiff.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hprofdiff.cli.Io;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.IndexLocationOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.index.HeapAnalysis;

/**
 * Opens a dump's graph analyses for a command: builds the index or reuses it (saying which), shows the build's
 * and the computations' progress on stderr, and notes where the results are kept.
 */
final class GraphSession {
    private GraphSession() {}

    /**
     * @param computes the computations the command will ask of the analysis ({@link HeapAnalysis#DOMINATOR_TREE},
     *                 {@link HeapAnalysis#SHORTEST_PATHS}): the progress display counts them in the run's phases
     */
    static HeapAnalysis open(Io io, Path dump, IndexLocationOptions location, DumpOptions dumpOptions, SizeModelOptions sizes,
                             HeapAnalysis.Options options, Output out, List<String> computes) throws IOException, DumpFormatException {
        IndexProgress progress = new IndexProgress(out);
        progress.expect(computes);
        long started = System.nanoTime();
        HeapAnalysis analysis;
        try {
            analysis = HeapAnalysis.open(dump, location.indexOptions(dumpOptions, sizes, io.environment()), options, progress);
        } finally {
            progress.finish();
        }
        try {
            var stored = analysis.index().summary();
            DumpReader.checkHeapDump(dump, stored.summary(), stored.reader().recordsByTag(), dumpOptions.dumpNumber());
            String seconds = seconds(System.nanoTime() - started);
            if (analysis.indexBuilt()) {
                out.note("indexed " + dump + " in " + seconds + (location.noCache() ? " (a temporary index, deleted after this run)"
                        : "; the index is at " + analysis.index().location() + " (later commands reuse it)"));
            }
            else out.detail("using the index at " + analysis.index().location() + " (opened in " + seconds + ")");
            // first: when neither is stored, the paths are searched beside the tree they need
            if (computes.contains(HeapAnalysis.SHORTEST_PATHS)) analysis.shortestPaths();
        } catch (IOException | RuntimeException e) {
            analysis.close();
            throw e;
        }
        return analysis;
    }

    /** Notes which graph results this run computed and stored (later runs reuse them). */
    static void noteComputed(HeapAnalysis analysis, Output out) {
        if (analysis.dominatorsComputed()) out.note("computed the dominator tree; stored with the index for later runs");
        if (analysis.pathsComputed()) out.note("computed the shortest paths; stored with the index for later runs");
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}

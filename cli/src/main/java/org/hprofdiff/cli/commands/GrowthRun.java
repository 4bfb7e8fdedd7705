package org.hprofdiff.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.cli.Io;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.PathOptions;
import org.hprofdiff.cli.options.SeriesOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.report.DiffQuery;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.diff.GrowthAnalysis;
import org.hprofdiff.core.summary.diff.GrowthReport;
import org.hprofdiff.core.summary.diff.failon.FailOn;
import org.hprofdiff.index.IndexOptions;

/** Reads a series of dumps and compares them: shared by the diff command and the demo. */
final class GrowthRun {
    private GrowthRun() {}

    /**
     * One input of a series: a dump, or a saved summary that stands for its dump.
     */
    sealed interface Input permits Dump, Saved {}

    record Dump(Path path) implements Input {}

    record Saved(SavedSummary.Loaded loaded) implements Input {}

    /**
     * The series the options name, in order: the baseline summary (if any) as dump 1, then every input, each a dump
     * or a saved summary (told apart by their first bytes).
     */
    static DiffReport compare(Io io, SeriesOptions series, DumpOptions dumpOptions, SizeModelOptions sizes, PathOptions paths, Output out,
                              Integer top) throws DumpFormatException, IOException {
        List<Input> inputs = new ArrayList<>();
        series.baseline().ifPresent(b -> inputs.add(new Saved(SavedSummary.read(b))));
        for (Path p : series.dumps()) inputs.add(SavedSummary.looksLikeSummary(p) ? new Saved(SavedSummary.read(p)) : new Dump(p));
        return compare(io, inputs, dumpOptions, sizes, paths, out, top, series.thresholds());
    }

    /**
     * @param io         the run's environment (where indexes go may depend on it)
     * @param inputs     the series, oldest first
     * @param paths      whether (and how) to look for the growers' retention paths: a dump's come from its index, a saved
     *                   summary's from what it kept; a summary that kept none (saved with {@code --no-paths}, or by an
     *                   older hprof-diff) leaves the comparison to class totals, and a note says which
     * @param top        rows per table, or null for all
     * @param thresholds {@code --fail-on} specs, already checked to parse
     */
    static DiffReport compare(Io io, List<Input> inputs, DumpOptions dumpOptions, SizeModelOptions sizes, PathOptions paths, Output out,
                              Integer top, List<String> thresholds) throws DumpFormatException, IOException {
        FailOn failOn = thresholds.isEmpty() ? null : FailOn.parse(thresholds);
        IndexOptions indexes = paths.index(dumpOptions, sizes, io.environment());
        DumpReader reader = new DumpReader(dumpOptions, sizes, indexes, out);
        List<String> withoutPaths = new ArrayList<>();
        for (Input in : inputs) {
            if (in instanceof Saved(SavedSummary.Loaded l) && l.summary().retentionPaths() == null) withoutPaths.add(l.baseline().summary());
        }
        boolean withPaths = paths.wanted() && withoutPaths.isEmpty();
        List<DumpSummary> summaries = new ArrayList<>();
        List<DiffReport.Saved> saved = new ArrayList<>();
        for (Input in : inputs) {
            switch (in) {
                // With paths, each dump's index is needed for its growers: build it now, and take the summary its first pass kept
                case Dump(Path dump) -> summaries.add((withPaths ? reader.readIndexing(dump) : reader.read(dump)).summary());
                case Saved(SavedSummary.Loaded l) -> {
                    // a dump's summary in a series has no class retained sizes: leave the saved ones out to compare alike
                    summaries.add(l.summary().withoutRetainedSizes());
                    saved.add(l.baseline().at(summaries.size()));
                }
            }
        }
        GrowthReport growth = GrowthAnalysis.analyze(summaries);
        if (withPaths) {
            growth = PathRun.attach(growth, inputs, indexes, paths.analysis(), out);
        } else if (paths.wanted()) {
            out.note("retention paths need every dump of the series, or summaries that kept theirs; " + String.join(", ", withoutPaths)
                    + (withoutPaths.size() == 1 ? " is a summary" : " are summaries") + " without retention paths (saved with --no-paths,"
                    + " or by an older hprof-diff), so classes are compared by their totals only");
        }
        return DiffQuery.run(growth, top, failOn, thresholds).withSaved(saved);
    }

    /** Prints the CI verdict where the report itself may not show it; returns whether a threshold was breached. */
    static void verdict(DiffReport report, Output out) {
        if (report.checks() == null) return;
        if (report.breached()) {
            report.checks().breaches().forEach(b -> out.verdict("breach: " + b.line()));
        } else {
            out.verdict("no --fail-on threshold breached (" + report.thresholds().size() + " given)");
        }
    }
}

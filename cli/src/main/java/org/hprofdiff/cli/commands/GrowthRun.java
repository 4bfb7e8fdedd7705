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

    /** The series the options name: the baseline summary (if any) as dump 1, then every dump read. */
    static DiffReport compare(Io io, SeriesOptions series, DumpOptions dumpOptions, SizeModelOptions sizes, PathOptions paths, Output out,
                              Integer top) throws DumpFormatException, IOException {
        SavedSummary.Loaded baseline = series.baseline().map(SavedSummary::read).orElse(null);
        List<DumpSummary> summaries = new ArrayList<>();
        if (baseline != null) summaries.add(baseline.summary());
        DiffReport report = compare(io, summaries, series.dumps(), dumpOptions, sizes, paths, out, top, series.thresholds());
        return baseline == null ? report : report.withBaseline(baseline.baseline());
    }

    /**
     * @param io         the run's environment (where indexes go may depend on it)
     * @param before     summaries that come before the dumps (a baseline), already read
     * @param paths      whether (and how) to look for the growers' retention paths: only when every dump of the
     *                   series is a dump, since a saved summary has no objects to follow
     * @param top        rows per table, or null for all
     * @param thresholds {@code --fail-on} specs, already checked to parse
     */
    static DiffReport compare(Io io, List<DumpSummary> before, List<Path> dumps, DumpOptions dumpOptions, SizeModelOptions sizes,
                              PathOptions paths, Output out, Integer top, List<String> thresholds) throws DumpFormatException, IOException {
        FailOn failOn = thresholds.isEmpty() ? null : FailOn.parse(thresholds);
        IndexOptions indexes = paths.index(dumpOptions, sizes, io.environment());
        DumpReader reader = new DumpReader(dumpOptions, sizes, indexes, out);
        boolean withPaths = paths.wanted() && before.isEmpty();
        List<DumpSummary> summaries = new ArrayList<>(before);
        // With paths, each dump's index is needed for its growers: build it now, and take the summary its first pass kept
        for (Path dump : dumps) summaries.add((withPaths ? reader.readIndexing(dump) : reader.read(dump)).summary());
        GrowthReport growth = GrowthAnalysis.analyze(summaries);
        if (withPaths) growth = PathRun.attach(growth, dumps, indexes, paths.analysis(), out);
        else if (paths.wanted()) out.note("retention paths need every dump of the series; dump 1 is a saved summary, so classes are compared by their totals only");
        return DiffQuery.run(growth, top, failOn, thresholds);
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

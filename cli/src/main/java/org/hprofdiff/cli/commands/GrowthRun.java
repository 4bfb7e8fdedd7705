package org.hprofdiff.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.SeriesOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.report.DiffQuery;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.diff.GrowthAnalysis;
import org.hprofdiff.core.summary.diff.failon.FailOn;

/** Reads a series of dumps and compares them: shared by the diff command and the demo. */
final class GrowthRun {
    private GrowthRun() {}

    /** The series the options name: the baseline summary (if any) as dump 1, then every dump read. */
    static DiffReport compare(SeriesOptions series, DumpOptions dumpOptions, SizeModelOptions sizes, Output out, Integer top)
            throws DumpFormatException, IOException {
        SavedSummary.Loaded baseline = series.baseline().map(SavedSummary::read).orElse(null);
        List<DumpSummary> summaries = new ArrayList<>();
        if (baseline != null) summaries.add(baseline.summary());
        DiffReport report = compare(summaries, series.dumps(), dumpOptions, sizes, out, top, series.thresholds());
        return baseline == null ? report : report.withBaseline(baseline.baseline());
    }

    /**
     * @param before     summaries that come before the dumps (a baseline), already read
     * @param top        rows per table, or null for all
     * @param thresholds {@code --fail-on} specs, already checked to parse
     */
    static DiffReport compare(List<DumpSummary> before, List<Path> dumps, DumpOptions dumpOptions, SizeModelOptions sizes, Output out,
                              Integer top, List<String> thresholds) throws DumpFormatException, IOException {
        FailOn failOn = thresholds.isEmpty() ? null : FailOn.parse(thresholds);
        DumpReader reader = new DumpReader(dumpOptions, sizes, out);
        List<DumpSummary> summaries = new ArrayList<>(before);
        for (Path dump : dumps) summaries.add(reader.read(dump).summary());
        return DiffQuery.run(GrowthAnalysis.analyze(summaries), top, failOn, thresholds);
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

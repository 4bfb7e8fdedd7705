package org.hprofdiff.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.options.DumpOptions;
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

    /**
     * @param top        rows per table, or null for all
     * @param thresholds {@code --fail-on} specs, already checked to parse
     */
    static DiffReport compare(List<Path> dumps, DumpOptions dumpOptions, SizeModelOptions sizes, Output out, Integer top,
                              List<String> thresholds) throws DumpFormatException, IOException {
        FailOn failOn = thresholds.isEmpty() ? null : FailOn.parse(thresholds);
        DumpReader reader = new DumpReader(dumpOptions, sizes, out);
        List<DumpSummary> summaries = new ArrayList<>(dumps.size());
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

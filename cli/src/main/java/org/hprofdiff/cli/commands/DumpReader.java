package org.hprofdiff.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.Failure;
import org.hprofdiff.cli.Progress;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.report.InfoReport;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.summary.DumpSummary;

/** Reads one dump into its summary, as the dump and size-model options ask, with progress. */
final class DumpReader {
    private final DumpOptions dumpOptions;
    private final SizeModelOptions sizeOptions;
    private final Progress progress;

    DumpReader(DumpOptions dumpOptions, SizeModelOptions sizeOptions, Progress progress) {
        this.dumpOptions = dumpOptions;
        this.sizeOptions = sizeOptions;
        this.progress = progress;
    }

    /** A dump's summary and the file's record counts. */
    record Read(DumpSummary summary, InfoReport.Records records) {}

    Read read(Path path) throws DumpFormatException, IOException {
        try (HprofFile file = HprofFile.open(path)) {
            throw new Failure(ExitCode.INTERNAL, path + ": the histogram builder is not available in this build");
        }
    }
}

package org.hprofdiff.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.Failure;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.Progress;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.report.InfoReport;
import org.hprofdiff.core.format.HprofHeader;
import org.hprofdiff.core.format.RecordTag;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.core.read.DumpSource;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HprofReader;
import org.hprofdiff.core.read.ReadResult;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.HistogramBuilder;

/** Reads one dump into its summary, as the dump and size-model options ask, with progress. */
final class DumpReader {
    private final DumpOptions dumpOptions;
    private final SizeModelOptions sizeOptions;
    private final Output output;
    private final Progress progress;

    DumpReader(DumpOptions dumpOptions, SizeModelOptions sizeOptions, Output output) {
        this.dumpOptions = dumpOptions;
        this.sizeOptions = sizeOptions;
        this.output = output;
        this.progress = output.progress();
    }

    /** A dump's summary and the file's record counts. */
    record Read(DumpSummary summary, InfoReport.Records records) {}

    Read read(Path path) throws DumpFormatException, IOException {
        int wanted = dumpOptions.dumpNumber();
        try (HprofFile file = HprofFile.open(path)) {
            HistogramBuilder builder = new HistogramBuilder(sizeOptions.overrides());
            // A gzip pass reports uncompressed offsets, which the compressed size cannot scale.
            progress.start("reading " + path.getFileName(), file.isRandomAccess() ? file.fileSize() : 0);
            long started = System.nanoTime();
            ReadResult result;
            try {
                result = new HprofReader(file, new HprofReader.Options(wanted)).read(new ProgressVisitor(builder, progress));
            } finally {
                progress.finish();
            }
            if (result.heapDumpCount() == 0 && result.truncation().isEmpty()) {
                throw new Failure(ExitCode.BAD_INPUT, path + ": holds no heap dump (an hprof file with " + result.recordCounts().values().stream()
                        .mapToLong(Long::longValue).sum() + " other records); expected HEAP_DUMP or HEAP_DUMP_SEGMENT records");
            }
            // a file cut short before the wanted dump began is a partial result (nothing of it read), not a usage error
            boolean cutBeforeIt = result.truncation().isPresent() && wanted == result.heapDumpCount() + 1;
            if (wanted > result.heapDumpCount() && !cutBeforeIt) {
                throw new Failure(ExitCode.USAGE, path + ": --dump " + wanted + ", but the file holds "
                        + (result.heapDumpCount() == 1 ? "one heap dump" : result.heapDumpCount() + " heap dumps"));
            }
            HprofHeader h = file.header();
            DumpSummary.DumpInfo info = new DumpSummary.DumpInfo(path.toString(), file.fileSize(), HprofHeader.MAGIC + h.version(),
                    h.idSize(), h.timestampMillis(), file.source() == DumpSource.GZIP ? "gzip" : "none", wanted, result.heapDumpCount());
            DumpSummary summary = builder.summary(info, result);
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            output.detail(String.format(Locale.ROOT, "read %s: heap dump %d of %d, %,d objects, %,d dump bytes in %.2f s (%.0f MB/s)",
                    path, wanted, result.heapDumpCount(), summary.totals().objects(), result.bytesRead(), seconds, result.bytesRead() / seconds / (1 << 20)));
            return new Read(summary, records(result));
        }
    }

    /** Record counts in tag order: the reader's map has no order of its own, and output must not vary from run to run. */
    private static InfoReport.Records records(ReadResult result) {
        Map<String, Long> byTag = new LinkedHashMap<>();
        Map<RecordTag, Long> inTagOrder = new EnumMap<>(RecordTag.class);
        inTagOrder.putAll(result.recordCounts());
        inTagOrder.forEach((tag, n) -> byTag.put(tag.name(), n));
        return new InfoReport.Records(byTag, result.heapRecordCount(), result.unknownRecords());
    }
}

package org.hprofdiff.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.Failure;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.report.InfoReport;
import org.hprofdiff.core.format.RecordTag;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HprofReader;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.Summarizer;
import org.hprofdiff.index.DumpIndex;
import org.hprofdiff.index.IndexCache;
import org.hprofdiff.index.IndexOptions;
import org.hprofdiff.index.store.Prefetcher;
import org.hprofdiff.index.table.StoredSummary;

/**
 * A dump's summary, as the dump and size-model options ask, read once: from the dump's index when there is one
 * (found where the graph commands look: {@code --index-dir}, the environment, beside the dump; its first pass kept
 * the summary), else from the dump itself, its heap parsed on all cores, with progress. Both give the same summary
 * to the byte (core's {@link Summarizer} made both, loader labels included). An index is built for this only when
 * asked ({@link #readIndexing}: a comparison that will follow the growers' paths needs it anyway).
 */
final class DumpReader {
    private final DumpOptions dumpOptions;
    private final SizeModelOptions sizeOptions;
    private final IndexOptions indexOptions;
    private final Output output;
    private final IndexProgress progress;

    /** @param indexOptions where indexes are (none is looked for with {@code --no-cache}) */
    DumpReader(DumpOptions dumpOptions, SizeModelOptions sizeOptions, IndexOptions indexOptions, Output output) {
        this.dumpOptions = dumpOptions;
        this.sizeOptions = sizeOptions;
        this.indexOptions = indexOptions;
        this.output = output;
        this.progress = new IndexProgress(output);
    }

    /** A dump's summary and the file's record counts. */
    record Read(DumpSummary summary, InfoReport.Records records) {}

    /** From the dump's index if it has one that kept a summary for these options, else from the dump. */
    Read read(Path path) throws DumpFormatException, IOException {
        if (!indexOptions.noCache()) {
            long started = System.nanoTime();
            Optional<DumpIndex> found = IndexCache.openExisting(path, indexOptions);
            if (found.isPresent()) {
                try (DumpIndex index = found.get()) {
                    Optional<Read> read = fromIndex(path, index, started);
                    if (read.isPresent()) return read.get();
                }
            }
        }
        return fromDump(path);
    }

    /**
     * From the dump's index, building the index first when there is none (reading the dump once for both); from the
     * dump when the index cannot be built (no room, say), with a warning.
     */
    Read readIndexing(Path path) throws DumpFormatException, IOException {
        if (indexOptions.noCache()) return fromDump(path); // a temporary index would be built twice
        long started = System.nanoTime();
        IndexProgress building = progress.forDump(path.getFileName().toString());
        DumpIndex index;
        try {
            index = IndexCache.openOrBuild(path, indexOptions, building);
        } catch (IOException e) {
            output.warn("could not index " + path + " (" + e.getMessage() + "); reading it without an index");
            return fromDump(path);
        } finally {
            building.finish();
        }
        try (index) {
            Optional<Read> read = fromIndex(path, index, started);
            return read.isPresent() ? read.get() : fromDump(path);
        }
    }

    /** From an index already open (a graph command's), if it kept a summary for these options; else from the dump. */
    Read read(Path path, DumpIndex index) throws DumpFormatException, IOException {
        Optional<Read> read = fromIndex(path, index, System.nanoTime());
        return read.isPresent() ? read.get() : fromDump(path);
    }

    /** The kept summary, unless the index was built with other size-model options than these. */
    private Optional<Read> fromIndex(Path path, DumpIndex index, long started) throws DumpFormatException, IOException {
        StoredSummary stored = index.summary();
        if (!stored.overrides().equals(sizeOptions.overrides())) return Optional.empty();
        try (HprofFile file = HprofFile.open(path)) {
            DumpSummary summary = stored.summaryOf(file);
            StoredSummary.ReaderCounts counts = stored.reader();
            InfoReport.Records records = new InfoReport.Records(counts.recordsByTag(), counts.heapRecords(), counts.unknownRecords());
            check(path, summary, records);
            output.detail(String.format(Locale.ROOT, "summary of %s (heap dump %d of %d, %,d objects) from its index at %s in %.2f s", path,
                    summary.dump().dumpNumber(), summary.dump().heapDumpCount(), summary.totals().objects(), index.location(), seconds(started)));
            return Optional.of(new Read(summary, records));
        }
    }

    private Read fromDump(Path path) throws DumpFormatException, IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        try (HprofFile file = HprofFile.open(path)) {
            // A gzip pass reports uncompressed offsets, which the compressed size cannot scale.
            progress.phase("reading " + path.getFileName(), file.isRandomAccess() ? file.fileSize() : 0);
            long started = System.nanoTime();
            Summarizer.Result result;
            try {
                // a dump too big for the page cache is read around it, as the index reads it
                boolean direct = file.isRandomAccess() && Prefetcher.readsDirect(path, file.fileSize());
                result = Summarizer.summarize(file, new HprofReader.Options(dumpOptions.dumpNumber(), direct), sizeOptions.overrides(), threads,
                        progress::advance);
            } finally {
                progress.finish();
            }
            InfoReport.Records records = records(result.read().recordCounts(), result.read().heapRecordCount(), result.read().unknownRecords());
            DumpSummary summary = result.summary();
            check(path, summary, records);
            double seconds = seconds(started);
            long bytes = result.read().bytesRead();
            output.detail(String.format(Locale.ROOT, "read %s: heap dump %d of %d, %,d objects, %,d dump bytes in %.2f s (%.0f MB/s) on %d threads",
                    path, summary.dump().dumpNumber(), summary.dump().heapDumpCount(), summary.totals().objects(), bytes, seconds,
                    bytes / seconds / (1 << 20), file.isRandomAccess() ? threads : 1));
            return new Read(summary, records);
        }
    }

    private void check(Path path, DumpSummary summary, InfoReport.Records records) {
        checkHeapDump(path, summary, records.byTag(), dumpOptions.dumpNumber());
    }

    /**
     * A file without the heap dump asked for is refused the same way whichever way it was read, and by every command
     * (the graph commands too: a file cut at a record boundary before its first heap record reads as one without).
     *
     * @param recordsByTag the file's top-level records by tag name
     * @param wanted       the {@code --dump} asked for
     */
    static void checkHeapDump(Path path, DumpSummary summary, Map<String, Long> recordsByTag, int wanted) {
        int dumps = summary.dump().heapDumpCount();
        if (dumps == 0 && summary.completeness().truncation() == null) {
            throw new Failure(ExitCode.BAD_INPUT, path + ": holds no heap dump (an hprof file with " + recordsByTag.values().stream()
                    .mapToLong(Long::longValue).sum() + " other records); expected HEAP_DUMP or HEAP_DUMP_SEGMENT records");
        }
        // a file cut short before the wanted dump began is a partial result (nothing of it read), not a usage error
        boolean cutBeforeIt = summary.completeness().truncation() != null && wanted == dumps + 1;
        if (wanted > dumps && !cutBeforeIt) {
            throw new Failure(ExitCode.USAGE, path + ": --dump " + wanted + ", but the file holds " + (dumps == 1 ? "one heap dump" : dumps + " heap dumps"));
        }
    }

    private static double seconds(long startedNanos) {
        return Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
    }

    /** Record counts in tag order: the reader's map has no order of its own, and output must not vary from run to run. */
    private static InfoReport.Records records(Map<RecordTag, Long> counts, long heapRecords, long unknown) {
        Map<String, Long> byTag = new LinkedHashMap<>();
        Map<RecordTag, Long> inTagOrder = new EnumMap<>(RecordTag.class);
        inTagOrder.putAll(counts);
        inTagOrder.forEach((tag, n) -> byTag.put(tag.name(), n));
        return new InfoReport.Records(byTag, heapRecords, unknown);
    }
}

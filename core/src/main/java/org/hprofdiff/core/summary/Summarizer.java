package org.hprofdiff.core.summary;

import java.io.IOException;
import org.hprofdiff.core.format.HprofHeader;
import org.hprofdiff.core.read.DumpSource;
import org.hprofdiff.core.read.HeapPlan;
import org.hprofdiff.core.read.HeapRecordRange;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HprofReader;
import org.hprofdiff.core.read.ParallelRead;
import org.hprofdiff.core.read.ReadProgress;
import org.hprofdiff.core.read.ReadResult;
import org.hprofdiff.core.size.SizeModelOverrides;

/**
 * Reads a dump into its {@link DumpSummary}: one pass with a {@link HistogramBuilder}, its heap records
 * parsed on several threads when the file is mapped, plus a short second pass in the rare case that
 * class-loader objects came before the class dumps naming them (only the few heap records that can hold
 * those objects are read again). Every way of summarising a dump (the CLI's commands, the index's first
 * pass) goes through this builder and its loader pass, so all give the same rows and loader labels.
 */
public final class Summarizer {
    private Summarizer() {}

    /** The summary and what the reader reported (record counts, for {@code info}). */
    public record Result(DumpSummary summary, ReadResult read) {}

    /** The heap parsed on all the machine's cores. */
    public static Result summarize(HprofFile file, HprofReader.Options options, SizeModelOverrides overrides) throws IOException {
        return summarize(file, options, overrides, Runtime.getRuntime().availableProcessors(), ReadProgress.NONE);
    }

    /**
     * @param threads  threads that parse heap records (1: one sequential pass); a gzip dump is read on one
     * @param progress told how far the read is (from every parsing thread)
     */
    public static Result summarize(HprofFile file, HprofReader.Options options, SizeModelOverrides overrides, int threads,
                                   ReadProgress progress) throws IOException {
        HprofReader reader = new HprofReader(file, options).withProgress(progress);
        HistogramBuilder builder = new HistogramBuilder(overrides);
        ReadResult result;
        if (file.isRandomAccess() && threads > 1) {
            HeapPlan plan = reader.plan(builder);
            ParallelRead<HeapTally> read = reader.readHeap(plan, builder, builder::readyToSplit, threads, builder::newPart);
            result = read.result();
            if (!builder.merge(read.visitors())) { // a dump no JVM writes (see HistogramBuilder): one pass in order settles it
                builder = new HistogramBuilder(overrides);
                result = reader.read(builder);
            }
        } else {
            result = reader.read(builder);
        }
        resolveLoaders(builder, reader, file);
        return new Result(builder.summary(dumpInfo(file, result), result), result);
    }

    public static DumpSummary summarize(HprofFile file) throws IOException {
        return summarize(file, HprofReader.Options.DEFAULT, SizeModelOverrides.NONE).summary();
    }

    /**
     * Finds the classes of the loader objects the pass met before any class dump naming them: in a mapped file
     * only the records whose ids span such a loader are read again; a gzip stream is read again whole.
     */
    public static void resolveLoaders(HistogramBuilder builder, HprofReader reader, HprofFile file) throws IOException {
        if (!builder.needsLoaderPass()) return;
        if (!file.isRandomAccess()) {
            new HprofReader(file, reader.options()).read(builder.loaderPass());
            return;
        }
        for (HeapRecordRange range : builder.loaderRecords(file.fileSize())) reader.readRange(range, builder.loaderPass());
    }

    /** What identifies the dump: file, format, which heap dump of the file. */
    public static DumpSummary.DumpInfo dumpInfo(HprofFile file, ReadResult result) {
        return dumpInfo(file, result.dumpNumber(), result.heapDumpCount());
    }

    /** What identifies the dump: the file as opened (its path as given), its format, which of its heap dumps. */
    public static DumpSummary.DumpInfo dumpInfo(HprofFile file, int dumpNumber, int heapDumpCount) {
        return new DumpSummary.DumpInfo(file.path().toString(), file.fileSize(), HprofHeader.MAGIC + file.header().version(),
                file.header().idSize(), file.header().timestampMillis(), file.source() == DumpSource.GZIP ? "gzip" : "none",
                dumpNumber, heapDumpCount);
    }
}

package org.hprofdiff.core.summary;

import java.io.IOException;
import org.hprofdiff.core.read.DumpSource;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HprofReader;
import org.hprofdiff.core.read.ReadResult;
import org.hprofdiff.core.size.SizeModelOverrides;

/**
 * Reads a dump into its {@link DumpSummary}: one pass with a {@link HistogramBuilder}, plus a short
 * second pass in the rare case that class-loader objects came before the class dumps naming them.
 */
public final class Summarizer {
    private Summarizer() {}

    /** The summary and what the reader reported (record counts, for {@code info}). */
    public record Result(DumpSummary summary, ReadResult read) {}

    public static Result summarize(HprofFile file, HprofReader.Options options, SizeModelOverrides overrides) throws IOException {
        HistogramBuilder builder = new HistogramBuilder(overrides);
        HprofReader reader = new HprofReader(file, options);
        ReadResult result = reader.read(builder);
        if (builder.needsLoaderPass()) reader.read(builder.loaderPass());
        return new Result(builder.summary(dumpInfo(file, result), result), result);
    }

    public static DumpSummary summarize(HprofFile file) throws IOException {
        return summarize(file, HprofReader.Options.DEFAULT, SizeModelOverrides.NONE).summary();
    }

    /** What identifies the dump: file, format, which heap dump of the file. */
    public static DumpSummary.DumpInfo dumpInfo(HprofFile file, ReadResult result) {
        return new DumpSummary.DumpInfo(file.path().toString(), file.fileSize(), "JAVA PROFILE " + file.header().version(),
                file.header().idSize(), file.header().timestampMillis(), file.source() == DumpSource.GZIP ? "gzip" : "none",
                result.dumpNumber(), result.heapDumpCount());
    }
}

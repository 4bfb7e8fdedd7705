package org.hprofdiff.index.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hprofdiff.core.read.HeapPlan;
import org.hprofdiff.core.read.HeapRecordRange;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HprofReader;
import org.hprofdiff.core.read.HprofVisitor;
import org.hprofdiff.core.read.ReadResult;
import org.hprofdiff.core.read.RecordPipeline;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.core.summary.HeapTally;
import org.hprofdiff.core.summary.HistogramBuilder;
import org.hprofdiff.core.summary.Summarizer;
import org.hprofdiff.index.BuildProgress;
import org.hprofdiff.index.store.Prefetcher;

/**
 * The first pass's read of the dump, on all cores: the top-level records go to the {@link FirstPass} on the
 * calling thread; the heap records are parsed on worker threads, each into a {@link RecordCapture} while the
 * thread's part of core's histogram counts it, and the captures are handed to the first pass in file order, so
 * ordinals, positions, ids and roots come out exactly as one sequential pass writes them, whatever the thread
 * count. The first records are parsed on the calling thread until the histogram may be split (its first object);
 * with one thread, all of them. Afterwards the histogram's parts are merged, and the few records that can hold a
 * loader object the pass met before its class dumps are read again (core's {@link Summarizer#resolveLoaders}).
 */
final class FirstPassRead implements RecordPipeline<RecordCapture> {
    /** Records in flight per thread: enough to keep the workers busy while the committer catches up. */
    private static final int WINDOW_PER_THREAD = 4;
    /** Counts nothing: for a record captured again (its histogram part already counted it). */
    private static final HprofVisitor NO_HISTOGRAM = new HprofVisitor() {};

    private final HprofFile dump;
    private final HprofReader reader;
    private final FirstPass p1;
    private final int threads;
    private final Prefetcher prefetch;
    private final BuildProgress progress;
    private final int captureCapacity;
    private final List<HeapTally> parts = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<HeapTally> part;
    private RecordCapture again;

    private FirstPassRead(HprofFile dump, HprofReader reader, FirstPass p1, int threads, int captureCapacity, Prefetcher prefetch,
                          BuildProgress progress) {
        this.dump = dump;
        this.captureCapacity = captureCapacity;
        this.reader = reader;
        this.p1 = p1;
        this.threads = threads;
        this.prefetch = prefetch;
        this.progress = progress;
        this.part = ThreadLocal.withInitial(() -> {
            HeapTally t = p1.histogram.newPart();
            parts.add(t);
            return t;
        });
    }

    /**
     * Reads the dump's chosen heap dump into {@code p1}; returns what a sequential pass reports.
     *
     * @param captureCapacity objects a record's capture holds ({@link RecordCapture#DEFAULT_CAPACITY}; tests make it
     *                        small to exercise the captures of records that do not fit)
     * @param bypassPageCache read the heap records with {@code O_DIRECT} (see {@link HprofReader.Options#bypassPageCache})
     */
    static ReadResult run(HprofFile dump, int dumpNumber, SizeModelOverrides overrides, FirstPass p1, int threads, int captureCapacity,
                          Prefetcher prefetch, boolean bypassPageCache, BuildProgress progress) throws IOException {
        HprofReader reader = new HprofReader(dump, new HprofReader.Options(dumpNumber, bypassPageCache));
        HeapPlan plan = reader.plan(p1.topLevel());
        FirstPassRead read = new FirstPassRead(dump, reader, p1, threads, captureCapacity, prefetch, progress);
        ReadResult result = reader.readHeapInOrder(plan, threads, read);
        if (!p1.histogram.merge(read.parts)) {
            // a dump no JVM writes (a class dumped twice, say): only a pass in file order counts it as one pass does
            p1.histogram = new HistogramBuilder(overrides);
            reader.read(p1.histogram);
        }
        Summarizer.resolveLoaders(p1.histogram, reader, dump);
        return result;
    }

    @Override
    public int window() {
        return threads * WINDOW_PER_THREAD;
    }

    @Override
    public RecordCapture newBuffer() {
        return new RecordCapture(dump.header().idSize(), captureCapacity);
    }

    @Override
    public HprofVisitor visitor(RecordCapture buffer, boolean beforeSplit) {
        return beforeSplit ? buffer.start(p1.histogram, p1) : buffer.start(part.get(), null);
    }

    @Override
    public boolean splittable() {
        return threads > 1 && p1.histogram.readyToSplit();
    }

    @Override
    public void commit(RecordCapture buffer) {
        long end = buffer.recordOffset + HeapRecordRange.HEADER_BYTES + buffer.recordLength;
        if (buffer.overflowed()) {
            if (again == null) again = newBuffer();
            // captured straight into the first pass, on this thread: nothing is buffered
            reader.readRange(new HeapRecordRange(buffer.recordOffset, buffer.recordLength, end > dump.fileSize()), again.start(NO_HISTOGRAM, p1));
        } else {
            buffer.replay(p1); // nothing for a record parsed before the split: its objects went to the first pass as it was parsed
        }
        prefetch.consumedUpTo(buffer.recordOffset);
        progress.advance(Math.min(end, dump.fileSize()));
    }
}

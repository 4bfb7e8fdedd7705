package org.hprofdiff.index.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.hprofdiff.core.read.DirectSpans;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.index.BuildProgress;
import org.hprofdiff.index.table.ObjectPositions;
import org.hprofdiff.index.store.BlockOffsets;
import org.hprofdiff.index.store.CappedColumn;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.Manifest;
import org.hprofdiff.index.store.Prefetcher;
import org.hprofdiff.index.store.SequentialWriter;

/**
 * The second pass: decodes every object (by the positions the first pass recorded) on all worker
 * threads, one work unit (a run of ordinals) per task, and commits the units in ordinal order on the
 * calling thread, which appends to the class, size, out-offset and out-target columns sequentially.
 * A bounded window of units is in flight, each with a reused buffer, so memory does not grow with the
 * dump. A giant object array (its own unit) is decoded by the committer in slices.
 */
final class SecondPass {
    private SecondPass() {}

    static final long GIANT_SLICE = 1L << 16;

    record Result(long edges, long missingReferences, long weakEdges, long[] instances, long[] instanceBytes, String problem, long problemCount,
                  Manifest.FileEntry classes, Map<String, Manifest.FileEntry> sizes, Map<String, Manifest.FileEntry> offsets, Manifest.FileEntry targets,
                  Manifest.FileEntry weak) {}

    /** Column widths, fixed before the pass from what the first pass bounded. */
    record Widths(int classIndex, int sizeUnits, int targets) {}

    /**
     * The work units' bytes read ahead without the page cache: unit u's records lie in {@code [start(u), start(u + 1))},
     * where start is the position of a unit's first object with a record (the file's end after the last unit), when
     * positions grow with ordinals (otherwise {@link #decodeUnit} reads what is not in them through the mapping).
     * Giant units are not read: the committer reads them through the mapping, slice by slice. Null where the dump
     * cannot be read so.
     */
    static DirectSpans spans(HprofFile dump, long objectCount, long[] unitStarts, long[] giantUnits, ObjectPositions positions, int threads) {
        int units = unitStarts.length;
        long[] starts = new long[units];
        long[] ends = new long[units];
        long next = dump.fileSize();
        int giant = giantUnits.length - 1;
        for (int u = units - 1; u >= 0; u--) {
            long to = u + 1 < units ? unitStarts[u + 1] : objectCount;
            long start = -1;
            for (long ord = unitStarts[u]; ord < to && start < 0; ord++) {
                long pos = positions.get(ord);
                if (pos != ObjectPositions.NONE) start = pos;
            }
            boolean isGiant = giant >= 0 && giantUnits[giant] == unitStarts[u];
            if (isGiant) giant--;
            starts[u] = start < 0 || isGiant ? 0 : start;
            ends[u] = start < 0 || isGiant ? 0 : next; // empty: not read
            if (start >= 0) next = start;
        }
        return DirectSpans.start(dump.path(), dump.fileSize(), starts, ends, WINDOW_PER_THREAD * threads + 2);
    }

    private static final int WINDOW_PER_THREAD = 4;

    /** @param spans the units read ahead ({@link #spans}), or null: every unit is read through the mapping */
    static Result run(long objectCount, long[] unitStarts, long[] giantUnits, ObjectPositions positions, Prefetcher prefetch,
                      DirectSpans spans, Supplier<ObjectDecoder> decoders,
                      int classCount, Widths widths, Path workDir, byte[] identity, Parallel parallel,
                      BuildProgress progress) throws IOException {
        int window = parallel.threads() * WINDOW_PER_THREAD;
        ArrayBlockingQueue<UnitBuffer> free = new ArrayBlockingQueue<>(window);
        for (int i = 0; i < window; i++) free.add(new UnitBuffer());
        ThreadLocal<ObjectDecoder> decoder = ThreadLocal.withInitial(decoders);
        long[] instances = new long[classCount];
        long[] bytes = new long[classCount];
        long edges = 0;
        long missing = 0;
        String problem = null;
        long problemCount = 0;
        int units = unitStarts.length;
        Deque<Future<UnitBuffer>> inFlight = new ArrayDeque<>();
        int giantIndex = 0;
        int submitted = 0;
        List<SequentialWriter> writers = new ArrayList<>();
        List<AutoCloseable> closeLater = new ArrayList<>();
        try {
            SequentialWriter cls = open(writers, workDir, IndexFiles.OBJ_CLASS, identity, widths.classIndex);
            CappedColumn.Writer size = new CappedColumn.Writer(workDir, IndexFiles.OBJ_SIZE, identity, widths.sizeUnits);
            closeLater.add(size);
            BlockOffsets.Writer offsets = new BlockOffsets.Writer(workDir, IndexFiles.OUT_OFFSETS, identity);
            closeLater.add(offsets);
            SequentialWriter targets = open(writers, workDir, IndexFiles.OUT_TARGETS, identity, widths.targets);
            WeakBits weak = new WeakBits(open(writers, workDir, IndexFiles.OUT_WEAK, identity, 8));
            ObjectDecoder committerDecoder = decoders.get();
            UnitBuffer giantBuffer = new UnitBuffer();
            for (int u = 0; u < units; u++) {
                while (submitted < units && inFlight.size() < window) {
                    long from = unitStarts[submitted];
                    long to = submitted + 1 < units ? unitStarts[submitted + 1] : objectCount;
                    long pos = positions.get(from);
                    if (pos != ObjectPositions.NONE) prefetch.consumedUpTo(pos);
                    // taken here, in unit order, so that a unit waiting for its bytes never holds back the units before it
                    DirectSpans.Window part = spans == null ? null : spans.acquire(submitted);
                    if (giantIndex < giantUnits.length && giantUnits[giantIndex] == from) {
                        giantIndex++;
                        if (spans != null) spans.release(submitted);
                        inFlight.add(CompletableFuture.completedFuture(null)); // decoded by the committer
                    } else {
                        UnitBuffer b = free.poll();
                        int unit = submitted;
                        long end = part == null ? 0 : part.fileStart() + part.bytes().byteSize();
                        inFlight.add(parallel.pool().submit(() -> {
                            try {
                                return decodeUnit(decoder.get(), positions, from, to, part, end, b);
                            } finally {
                                if (spans != null) spans.release(unit);
                            }
                        }));
                    }
                    submitted++;
                }
                UnitBuffer b = await(inFlight.poll());
                if (b == null) {
                    long ordinal = unitStarts[u];
                    b = giantBuffer;
                    b.reset();
                    edges = commitGiant(committerDecoder, positions, ordinal, b, cls, size, offsets, targets, weak, edges);
                } else {
                    edges = commit(b, cls, size, offsets, targets, weak, edges);
                }
                for (int i = 0; i < b.objects; i++) {
                    int c = b.classIndex[i];
                    if (c >= 0) {
                        instances[c]++;
                        bytes[c] += b.sizeUnits[i];
                    }
                }
                missing += b.missingReferences;
                if (b.problem != null && problem == null) problem = b.problem;
                problemCount += b.problemCount;
                if (b != giantBuffer) free.add(b);
                if ((u & 63) == 0) progress.advance(u < units - 1 ? unitStarts[u + 1] : objectCount);
            }
            offsets.add(edges);
            Manifest.FileEntry weakEntry = weak.finish();
            return new Result(edges, missing, weak.weakCount, instances, bytes, problem, problemCount, cls.finish(), size.finish(), offsets.finish(),
                    targets.finish(), weakEntry);
        } finally {
            for (Future<UnitBuffer> f : inFlight) f.cancel(true);
            for (SequentialWriter w : writers) w.close();
            for (AutoCloseable c : closeLater) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing after a failure; the work directory is deleted
                }
            }
        }
    }

    private static SequentialWriter open(List<SequentialWriter> writers, Path dir, String name, byte[] identity, int width) throws IOException {
        SequentialWriter w = SequentialWriter.column(dir.resolve(name), name, identity, width);
        writers.add(w);
        return w;
    }

    /**
     * Decodes objects [from, to) into {@code b}, from {@code part} (the unit's bytes read ahead, up to {@code end}) or
     * through the mapping when it is null. A record that starts in the part lies in it whole: records do not overlap,
     * and a part ends where a record starts (the next unit's first) or at the file's end. One that starts outside it
     * (positions that do not grow with ordinals) is read through the mapping.
     */
    private static UnitBuffer decodeUnit(ObjectDecoder decoder, ObjectPositions positions, long from, long to, DirectSpans.Window part, long end,
                                         UnitBuffer b) {
        b.reset();
        long start = part == null ? end : part.fileStart();
        try {
            boolean inPart = false;
            for (long ord = from; ord < to; ord++) {
                long pos = positions.get(ord);
                boolean fits = pos != ObjectPositions.NONE && pos >= start && pos < end;
                if (fits != inPart) {
                    decoder.view(fits ? part : null);
                    inPart = fits;
                }
                decoder.decode(ord, pos, b);
            }
        } finally {
            decoder.view(null);
        }
        return b;
    }

    private static long commit(UnitBuffer b, SequentialWriter cls, CappedColumn.Writer size, BlockOffsets.Writer offsets,
                               SequentialWriter targets, WeakBits weak, long edges) throws IOException {
        for (int i = 0; i < b.objects; i++) {
            cls.putPacked(b.classIndex[i]);
            size.add(b.sizeUnits[i]);
            offsets.add(edges);
            edges += b.degree[i];
        }
        for (int i = 0; i < b.targets; i++) targets.putPacked(b.target[i]);
        weak.add(b.weak, b.targets);
        return edges;
    }

    /** One object array too long to buffer: its edges go to the target column slice by slice. */
    private static long commitGiant(ObjectDecoder decoder, ObjectPositions positions, long ordinal, UnitBuffer b, SequentialWriter cls,
                                    CappedColumn.Writer size, BlockOffsets.Writer offsets, SequentialWriter targets, WeakBits weak,
                                    long edges) throws IOException {
        long pos = positions.get(ordinal);
        ObjectDecoder.ArrayHeader h = decoder.objectArrayHeader(ordinal, pos, b);
        cls.putPacked(b.classIndex[0]);
        size.add(b.sizeUnits[0]);
        offsets.add(edges);
        for (long from = 0; from < h.length(); from += GIANT_SLICE) {
            decoder.arrayElements(h.elementsPos(), from, Math.min(h.length(), from + GIANT_SLICE), b);
            for (int i = 0; i < b.targets; i++) targets.putPacked(b.target[i]);
            weak.add(b.weak, b.targets);
            b.targets = 0;
        }
        return edges + b.degree[0];
    }

    /** The weak-edge bitmap, one bit per outbound edge, 64 to a little-endian word. */
    private static final class WeakBits {
        private final SequentialWriter out;
        private long word;
        private int bits;
        long weakCount;

        WeakBits(SequentialWriter out) {
            this.out = out;
        }

        /** Appends bits [0, count) of {@code bits} (bit i of word i / 64). */
        void add(long[] bits, int count) throws IOException {
            int words = count >>> 6;
            for (int w = 0; w < words; w++) addWord(bits[w], 64);
            if ((count & 63) != 0) addWord(bits[words] & ((1L << (count & 63)) - 1), count & 63);
        }

        /** Appends the low {@code n} bits of {@code value} (higher bits are zero). */
        private void addWord(long value, int n) throws IOException {
            weakCount += Long.bitCount(value);
            word |= value << bits; // bits < 64
            int total = bits + n;
            if (total >= 64) {
                out.putLong(word);
                word = bits == 0 ? 0 : value >>> (64 - bits);
                bits = total - 64;
            } else {
                bits = total;
            }
        }

        Manifest.FileEntry finish() throws IOException {
            if (bits > 0) out.putLong(word);
            return out.finish();
        }
    }

    private static UnitBuffer await(Future<UnitBuffer> f) throws IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw Parallel.rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

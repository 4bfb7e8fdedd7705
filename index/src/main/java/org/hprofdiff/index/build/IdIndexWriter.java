package org.hprofdiff.index.build;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.hprofdiff.index.BuildProgress;
import org.hprofdiff.index.table.IdIndex;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.Manifest;
import org.hprofdiff.index.store.PackedColumn;
import org.hprofdiff.index.store.ScratchFile;
import org.hprofdiff.index.store.SequentialWriter;

/**
 * Turns the ids (in ordinal order, in a scratch file) into the id → ordinal index: keys
 * {@code (id - minId) >>> alignShift} in ascending order with their ordinals, written as the bucket
 * directory and the entries in one sequential pass.
 *
 * <p>Two ways to get them in order. A dump lists its objects in a few address-ordered runs (one per
 * dumping thread in JDK 22+; one in older dumps), which the first pass records: then a k-way merge of the
 * runs streams the ids in order straight into the index files, one read of the ids and no sort buffer
 * (measured on 17 GB: the radix sort's buffers, written over four times, were the slowest part of the
 * build once the page cache had to write them back). Otherwise each id is packed with its ordinal into one
 * long ({@code key << ordinalBits | ordinal}) and radix-sorted by the key bits in a scratch buffer; when key
 * and ordinal need more than 64 bits together, the top key bits first partition the values (a counting
 * sort) and each partition is radix-sorted on the rest. Duplicate ids (a damaged or doubly-dumped object)
 * keep their first ordinal and are counted.
 */
final class IdIndexWriter {
    private IdIndexWriter() {}

    /** What the id index build produced. */
    record Result(IdIndex.Params params, long duplicateIds, Manifest.FileEntry dirEntry, Manifest.FileEntry entriesEntry) {}

    /** Ids per non-empty directory bucket the directory aims at. */
    static final int TARGET_PER_BUCKET = 4;
    /** Largest partition (and minimum directory) size for keys that do not fit beside the ordinal. */
    static final int MAX_PARTITION_BITS = 20;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final int INSERTION_SORT_MAX = 32;
    /** Progress is reported every 2^20 ids written. */
    private static final long PROGRESS_STEP = (1 << 20) - 1;

    /**
     * What the first pass knew about the ids: their count, range and common alignment; where the
     * ascending runs start (ordinals, byte offsets of their first varint, the id before each) or null when
     * there are too many; and, for adjacent ids within runs, how often each bit is the highest that differs.
     */
    record IdFacts(long count, long minId, long maxId, long idDiffBits, long[] runStarts, long[] runStartBytes, long[] runPreviousIds,
                   long[] highestDifferingBits) {}

    /**
     * @param idStream the ids in ordinal order, each a zigzag LEB128 varint of its difference to the previous
     *                 id (the first one's to 0), as the first pass wrote them
     */
    static Result build(MemorySegment idStream, IdFacts facts, Path workDir, byte[] identity, Parallel parallel, BuildProgress progress)
            throws IOException {
        long n = facts.count();
        long minId = facts.minId();
        int alignShift = facts.idDiffBits() == 0 ? 0 : Long.numberOfTrailingZeros(facts.idDiffBits());
        long maxKey = n == 0 ? 0 : (facts.maxId() - minId) >>> alignShift;
        int keyBits = 64 - Long.numberOfLeadingZeros(maxKey);
        int ordinalBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(0, n - 1)));
        int partitionBits = Math.max(0, keyBits + ordinalBits - 64);
        if (partitionBits > MAX_PARTITION_BITS) {
            throw new IOException("object ids span " + keyBits + " bits beyond their common alignment and there are " + n
                    + " objects; the index supports key bits + ordinal bits <= " + (64 + MAX_PARTITION_BITS) + " (are the ids heap addresses?)");
        }
        int restBits = keyBits - partitionBits;
        int maxShift = Math.min(keyBits, Math.min(restBits, 64 - ordinalBits));
        if (facts.runStarts() != null) {
            // the first pass saw the ids in order within runs: its statistics of adjacent ids stand in for the sorted ones
            long[] keyBitsHistogram = new long[65];
            for (int h = 0; h < 64; h++) keyBitsHistogram[Math.max(0, h - alignShift)] += facts.highestDifferingBits()[h];
            int bucketShift = chooseBucketShift(keyBitsHistogram, maxShift, keyBits, n);
            SortedIds merge = new RunMerge(idStream, facts, minId, alignShift);
            return write(merge, n, minId, alignShift, maxKey, ordinalBits, bucketShift, workDir, identity, progress, 0);
        }
        try (ScratchFile ids = ScratchFile.create(workDir.resolve(IndexFiles.TMP_SORT_IDS), n * 8);
             ScratchFile scratch = ScratchFile.create(workDir.resolve(IndexFiles.TMP_SORT), n * 8)) {
            MemorySegment data = ids.segment().asSlice(0, n * 8);
            IdStreamReader stream = new IdStreamReader(idStream, 0, 0);
            for (long i = 0; i < n; i++) data.setAtIndex(LONG, i, stream.next());
            // the phase's work as shown: decoding the ids a third, sorting them a third, writing the index a third
            progress.advance(n / 3);
            MemorySegment other = scratch.segment().asSlice(0, n * 8);
            long[] partitionStart;
            MemorySegment sorted;
            if (partitionBits == 0) {
                pack(data, data, n, minId, alignShift, ordinalBits, parallel);
                sorted = RadixSort.sort(data, 0, other, 0, n, ordinalBits, ordinalBits + keyBits, parallel) ? other : data;
                partitionStart = new long[] {0, n};
            } else {
                partitionStart = partition(data, other, n, minId, alignShift, ordinalBits, restBits, partitionBits, parallel);
                for (int p = 0; p + 1 < partitionStart.length; p++) {
                    long from = partitionStart[p];
                    long count = partitionStart[p + 1] - from;
                    if (count <= INSERTION_SORT_MAX) {
                        insertionSort(other, from, from + count);
                    } else if (RadixSort.sort(other, from * 8, data, from * 8, count, ordinalBits, 64, parallel)) {
                        MemorySegment.copy(data, from * 8, other, from * 8, count * 8);
                    }
                }
                sorted = other;
            }
            progress.advance(2 * (n / 3));
            long[] histogram = new long[65];
            SortedIds pass = new SortedBuffer(sorted, partitionStart, ordinalBits, restBits);
            long previous = 0;
            for (boolean first = true; pass.next(); first = false) {
                if (!first && pass.key() != previous) histogram[63 - Long.numberOfLeadingZeros(pass.key() ^ previous)]++;
                previous = pass.key();
            }
            int bucketShift = chooseBucketShift(histogram, maxShift, keyBits, n);
            return write(new SortedBuffer(sorted, partitionStart, ordinalBits, restBits), n, minId, alignShift, maxKey, ordinalBits, bucketShift,
                    workDir, identity, progress, 2 * (n / 3));
        }
    }

    /**
     * The directory's granularity: the coarsest bucket (largest shift) whose non-empty buckets hold at
     * most {@value #TARGET_PER_BUCKET} ids on average — so a look-up reads one directory line and one
     * entries line — unless that makes the directory larger than about one value per object. Adjacent
     * keys (in sorted order) fall into different buckets exactly for the shifts up to their highest
     * differing bit; {@code histogram[h]} counts adjacent pairs whose highest differing bit is h.
     */
    static int chooseBucketShift(long[] histogram, int maxShift, int keyBits, long n) {
        int minShift = Math.max(0, keyBits - (63 - Long.numberOfLeadingZeros(Math.max(1, n))) - 1); // directory <= ~2^log2(n)+1 values
        if (minShift >= maxShift) return maxShift;
        long nonEmpty = 1; // non-empty buckets at a shift: 1 + adjacent keys that differ at or above it
        for (int h = 64; h >= maxShift; h--) nonEmpty += histogram[h];
        for (int shift = maxShift; shift > minShift; shift--) {
            if (nonEmpty * TARGET_PER_BUCKET >= n) return shift;
            nonEmpty += histogram[shift - 1];
        }
        return minShift;
    }

    /** Keys with their ordinals in ascending (key, ordinal) order. */
    interface SortedIds {
        boolean next();

        long key();

        long ordinal();
    }

    /** A radix-sorted buffer of (key << ordinalBits | ordinal), possibly in partitions by the top key bits. */
    private static final class SortedBuffer implements SortedIds {
        private final MemorySegment sorted;
        private final long[] partitionStart;
        private final int ordinalBits;
        private final int restBits;
        private final long ordMask;
        private int partition;
        private long i = -1;
        private long key;
        private long ordinal;

        SortedBuffer(MemorySegment sorted, long[] partitionStart, int ordinalBits, int restBits) {
            this.sorted = sorted;
            this.partitionStart = partitionStart;
            this.ordinalBits = ordinalBits;
            this.restBits = restBits;
            this.ordMask = (1L << ordinalBits) - 1;
        }

        @Override
        public boolean next() {
            i++;
            while (partition + 1 < partitionStart.length && i >= partitionStart[partition + 1]) partition++;
            if (partition + 1 >= partitionStart.length) return false;
            long v = sorted.getAtIndex(LONG, i);
            key = ((long) partition << restBits) | (v >>> ordinalBits);
            ordinal = v & ordMask;
            return true;
        }

        @Override
        public long key() { return key; }

        @Override
        public long ordinal() { return ordinal; }
    }

    /** Reads ids from the first pass's varint stream: zigzag LEB128 differences to the previous id. */
    static final class IdStreamReader {
        private final MemorySegment stream;
        private long position;
        private long previous;

        IdStreamReader(MemorySegment stream, long position, long previous) {
            this.stream = stream;
            this.position = position;
            this.previous = previous;
        }

        long next() {
            long v = 0;
            int shift = 0;
            byte b;
            do {
                b = stream.get(ValueLayout.JAVA_BYTE, position++);
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return previous += (v >>> 1) ^ -(v & 1);
        }
    }

    /**
     * A k-way merge (binary heap of runs) of the ascending runs of the id stream: yields each id's key with
     * its ordinal, smallest key first, equal keys in ordinal order.
     */
    static final class RunMerge implements SortedIds {
        private final long minId;
        private final int alignShift;
        private final IdStreamReader[] readers;
        private final long[] position;
        private final long[] end;
        private final long[] head;
        private final int[] heap;
        private int size;
        private long key;
        private long ordinal;

        RunMerge(MemorySegment stream, IdFacts facts, long minId, int alignShift) {
            this.minId = minId;
            this.alignShift = alignShift;
            long[] runStarts = facts.runStarts();
            int k = runStarts.length;
            readers = new IdStreamReader[k];
            position = new long[k];
            end = new long[k];
            head = new long[k];
            heap = new int[k];
            for (int r = 0; r < k; r++) {
                readers[r] = new IdStreamReader(stream, facts.runStartBytes()[r], facts.runPreviousIds()[r]);
                position[r] = runStarts[r];
                end[r] = r + 1 < k ? runStarts[r + 1] : facts.count();
                if (position[r] < end[r]) {
                    head[r] = keyOf(readers[r].next());
                    heap[size++] = r;
                }
            }
            for (int i = size / 2 - 1; i >= 0; i--) siftDown(i);
        }

        private long keyOf(long id) {
            return (id - minId) >>> alignShift;
        }

        private boolean less(int a, int b) {
            int c = Long.compareUnsigned(head[a], head[b]);
            return c < 0 || c == 0 && position[a] < position[b];
        }

        private void siftDown(int i) {
            int r = heap[i];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) break;
                if (child + 1 < size && less(heap[child + 1], heap[child])) child++;
                if (!less(heap[child], r)) break;
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = r;
        }

        @Override
        public boolean next() {
            if (size == 0) return false;
            int r = heap[0];
            key = head[r];
            ordinal = position[r]++;
            if (position[r] < end[r]) {
                head[r] = keyOf(readers[r].next());
            } else {
                heap[0] = heap[--size];
            }
            if (size > 0) siftDown(0);
            return true;
        }

        @Override
        public long key() { return key; }

        @Override
        public long ordinal() { return ordinal; }
    }

    /** value = (key << ordinalBits) | ordinal, for ids in ordinal order. */
    private static void pack(MemorySegment from, MemorySegment to, long n, long minId, int alignShift, int ordinalBits, Parallel parallel)
            throws IOException {
        parallel.forEach(parallel.threads(), t -> {
            for (long i = Parallel.split(n, parallel.threads(), t), end = Parallel.split(n, parallel.threads(), t + 1); i < end; i++) {
                long key = (from.getAtIndex(LONG, i) - minId) >>> alignShift;
                to.setAtIndex(LONG, i, (key << ordinalBits) | i);
            }
        });
    }

    /**
     * Counting sort of the ids by the top {@code partitionBits} of their key into {@code to}, each as
     * (rest of the key << ordinalBits | ordinal). Returns where each partition starts (plus n).
     */
    private static long[] partition(MemorySegment from, MemorySegment to, long n, long minId, int alignShift, int ordinalBits, int restBits,
                                    int partitionBits, Parallel parallel) throws IOException {
        int parts = 1 << partitionBits;
        int threads = parallel.threads();
        long[][] counts = new long[threads][parts];
        long restMask = restBits == 0 ? 0 : -1L >>> (64 - restBits);
        parallel.forEach(threads, t -> {
            for (long i = Parallel.split(n, threads, t), end = Parallel.split(n, threads, t + 1); i < end; i++) {
                counts[t][(int) (((from.getAtIndex(LONG, i) - minId) >>> alignShift) >>> restBits)]++;
            }
        });
        long[] start = new long[parts + 1];
        long[][] cursor = new long[threads][parts];
        long running = 0;
        for (int p = 0; p < parts; p++) {
            start[p] = running;
            for (int t = 0; t < threads; t++) {
                cursor[t][p] = running;
                running += counts[t][p];
            }
        }
        start[parts] = running;
        parallel.forEach(threads, t -> {
            long[] c = cursor[t];
            for (long i = Parallel.split(n, threads, t), end = Parallel.split(n, threads, t + 1); i < end; i++) {
                long key = (from.getAtIndex(LONG, i) - minId) >>> alignShift;
                to.setAtIndex(LONG, c[(int) (key >>> restBits)]++, ((key & restMask) << ordinalBits) | i);
            }
        });
        return start;
    }

    private static void insertionSort(MemorySegment seg, long from, long to) {
        for (long i = from + 1; i < to; i++) {
            long v = seg.getAtIndex(LONG, i);
            long j = i - 1;
            while (j >= from && Long.compareUnsigned(seg.getAtIndex(LONG, j), v) > 0) {
                seg.setAtIndex(LONG, j + 1, seg.getAtIndex(LONG, j));
                j--;
            }
            seg.setAtIndex(LONG, j + 1, v);
        }
    }

    /** Writes the directory and the entries; {@code progress} moves from {@code done} to n as the ids go out. */
    private static Result write(SortedIds sorted, long n, long minId, int alignShift, long maxKey, int ordinalBits, int bucketShift,
                                Path workDir, byte[] identity, BuildProgress progress, long done) throws IOException {
        long buckets = (maxKey >>> bucketShift) + 1;
        long lowMask = bucketShift == 0 ? 0 : -1L >>> (64 - bucketShift);
        IdIndex.Params provisional = new IdIndex.Params(minId, alignShift, maxKey, bucketShift, ordinalBits, buckets, 0);
        long duplicates = 0;
        long written = 0;
        try (SequentialWriter dir = SequentialWriter.column(workDir.resolve(IndexFiles.ID_DIR), IndexFiles.ID_DIR, identity, PackedColumn.widthFor(n));
             SequentialWriter entries = SequentialWriter.column(workDir.resolve(IndexFiles.ID_ENTRIES), IndexFiles.ID_ENTRIES, identity,
                     provisional.entryWidth())) {
            long bucket = 0;
            dir.putPacked(0);
            long previousKey = 0;
            while (sorted.next()) {
                long key = sorted.key();
                if (key == previousKey && written > 0) {
                    duplicates++;
                    continue;
                }
                previousKey = key;
                long b = key >>> bucketShift;
                while (bucket < b) {
                    dir.putPacked(written);
                    bucket++;
                }
                entries.putPacked(((key & lowMask) << ordinalBits) | sorted.ordinal());
                if ((++written & PROGRESS_STEP) == 0) progress.advance(done + (n - done) * written / Math.max(1, n));
            }
            while (bucket < buckets) {
                dir.putPacked(written);
                bucket++;
            }
            Manifest.FileEntry dirEntry = dir.finish();
            Manifest.FileEntry entriesEntry = entries.finish();
            return new Result(new IdIndex.Params(minId, alignShift, maxKey, bucketShift, ordinalBits, buckets, written), duplicates,
                    dirEntry, entriesEntry);
        }
    }
}

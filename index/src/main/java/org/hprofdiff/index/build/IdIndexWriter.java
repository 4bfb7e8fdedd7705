package org.hprofdiff.index.build;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.hprofdiff.index.graph.IdIndex;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.Manifest;
import org.hprofdiff.index.store.PackedColumn;
import org.hprofdiff.index.store.SequentialWriter;

/**
 * Turns the ids (in ordinal order, in a scratch file) into the id → ordinal index: packs each id's key
 * {@code (id - minId) >>> alignShift} with its ordinal into one long, radix-sorts by the key bits,
 * and writes the bucket directory and the entries in one sequential pass. When key and ordinal need
 * more than 64 bits together (ids spread over a huge range and billions of objects), the top key
 * bits first partition the values (a counting sort) and each partition is radix-sorted on the rest.
 * Duplicate ids (a damaged or doubly-dumped object) keep their first ordinal and are counted.
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

    static Result build(MemorySegment ids, long idsOffset, MemorySegment scratch, long n, long minId, long maxId, long idDiffBits,
                        Path workDir, byte[] identity, Parallel parallel) throws IOException {
        int alignShift = idDiffBits == 0 ? 0 : Long.numberOfTrailingZeros(idDiffBits);
        long maxKey = n == 0 ? 0 : (maxId - minId) >>> alignShift;
        int keyBits = 64 - Long.numberOfLeadingZeros(maxKey);
        int ordinalBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(0, n - 1)));
        int partitionBits = Math.max(0, keyBits + ordinalBits - 64);
        if (partitionBits > MAX_PARTITION_BITS) {
            throw new IOException("object ids span " + keyBits + " bits beyond their common alignment and there are " + n
                    + " objects; the index supports key bits + ordinal bits <= " + (64 + MAX_PARTITION_BITS) + " (are the ids heap addresses?)");
        }
        int restBits = keyBits - partitionBits;

        MemorySegment data = ids.asSlice(idsOffset, n * 8);
        MemorySegment other = scratch.asSlice(0, n * 8);
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
        int bucketShift = chooseBucketShift(sorted, partitionStart, ordinalBits, restBits, keyBits, n);
        long buckets = (maxKey >>> bucketShift) + 1;
        return write(sorted, partitionStart, n, minId, alignShift, maxKey, ordinalBits, restBits, bucketShift, buckets, workDir, identity);
    }

    /**
     * The directory's granularity: the coarsest bucket (largest shift) whose non-empty buckets hold at
     * most {@value #TARGET_PER_BUCKET} ids on average — so a look-up reads one directory line and one
     * entries line — unless that makes the directory larger than one value per object. One pass over
     * the sorted keys counts, for every shift, how many buckets are non-empty: adjacent keys fall into
     * different buckets exactly for the shifts up to their highest differing bit.
     */
    private static int chooseBucketShift(MemorySegment sorted, long[] partitionStart, int ordinalBits, int restBits, int keyBits, long n) {
        long[] highestDifferingBit = new long[65];
        long previous = 0;
        boolean first = true;
        for (int p = 0; p + 1 < partitionStart.length; p++) {
            long high = (long) p << restBits;
            for (long i = partitionStart[p]; i < partitionStart[p + 1]; i++) {
                long key = high | (sorted.getAtIndex(LONG, i) >>> ordinalBits);
                if (!first && key != previous) highestDifferingBit[63 - Long.numberOfLeadingZeros(key ^ previous)]++;
                previous = key;
                first = false;
            }
        }
        int maxShift = Math.min(keyBits, Math.min(restBits, 64 - ordinalBits));
        int minShift = Math.max(0, keyBits - (63 - Long.numberOfLeadingZeros(Math.max(1, n))) - 1); // directory <= ~2^log2(n)+1 values
        if (minShift >= maxShift) return maxShift;
        long nonEmpty = 1; // non-empty buckets at a shift: 1 + adjacent keys that differ at or above it
        for (int h = 64; h >= maxShift; h--) nonEmpty += highestDifferingBit[h];
        for (int shift = maxShift; shift > minShift; shift--) {
            if (nonEmpty * TARGET_PER_BUCKET >= n) return shift;
            nonEmpty += highestDifferingBit[shift - 1];
        }
        return minShift;
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

    private static Result write(MemorySegment sorted, long[] partitionStart, long n, long minId, int alignShift, long maxKey, int ordinalBits,
                                int restBits, int bucketShift, long buckets, Path workDir, byte[] identity) throws IOException {
        long ordMask = (1L << ordinalBits) - 1;
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
            for (int p = 0; p + 1 < partitionStart.length; p++) {
                long high = (long) p << restBits;
                for (long i = partitionStart[p]; i < partitionStart[p + 1]; i++) {
                    long v = sorted.getAtIndex(LONG, i);
                    long key = high | (v >>> ordinalBits);
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
                    entries.putPacked(((key & lowMask) << ordinalBits) | (v & ordMask));
                    written++;
                }
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

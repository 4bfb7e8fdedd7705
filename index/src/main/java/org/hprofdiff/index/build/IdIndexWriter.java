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
 * with its ordinal, radix-sorts by key, and writes the bucket directory and the entries in one
 * sequential pass. Duplicate ids (a damaged or doubly-dumped object) keep their first ordinal and
 * are counted.
 */
final class IdIndexWriter {
    private IdIndexWriter() {}

    /** What the id index build produced. */
    record Result(IdIndex.Params params, long duplicateIds, Manifest.FileEntry dirEntry, Manifest.FileEntry entriesEntry) {}

    /** The directory gets about one bucket per this many objects. */
    static final int OBJECTS_PER_BUCKET_LOG = 2;

    static Result build(MemorySegment ids, long idsOffset, MemorySegment scratch, long n, long minId, long maxId, long idDiffBits,
                        Path workDir, byte[] identity, Parallel parallel) throws IOException {
        int alignShift = idDiffBits == 0 ? 0 : Long.numberOfTrailingZeros(idDiffBits);
        long maxKey = n == 0 ? 0 : (maxId - minId) >>> alignShift;
        int keyBits = 64 - Long.numberOfLeadingZeros(maxKey);
        int ordinalBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(0, n - 1)));
        if (keyBits + ordinalBits > 64) {
            throw new IOException("object ids span " + keyBits + " bits after alignment and there are " + n
                    + " objects; this build supports key bits + ordinal bits <= 64 (ids that are not heap addresses?)");
        }
        int bucketsLog = Math.max(0, 63 - Long.numberOfLeadingZeros(Math.max(1, n)) - OBJECTS_PER_BUCKET_LOG);
        int bucketShift = Math.max(0, keyBits - bucketsLog);
        long buckets = (maxKey >>> bucketShift) + 1;
        ValueLayout.OfLong layout = ValueLayout.JAVA_LONG;
        // pack (key << ordinalBits | ordinal) in place
        int shift = alignShift;
        parallel.forEach(parallel.threads(), t -> {
            for (long i = Parallel.split(n, parallel.threads(), t), end = Parallel.split(n, parallel.threads(), t + 1); i < end; i++) {
                long at = idsOffset + i * 8;
                long key = (ids.get(layout, at) - minId) >>> shift;
                ids.set(layout, at, (key << ordinalBits) | i);
            }
        });
        boolean inScratch = RadixSort.sort(ids, idsOffset, scratch, 0, n, ordinalBits, ordinalBits + keyBits, parallel);
        MemorySegment sorted = inScratch ? scratch : ids.asSlice(idsOffset);

        long ordMask = (1L << ordinalBits) - 1;
        long lowMask = bucketShift == 0 ? 0 : -1L >>> (64 - bucketShift);
        IdIndex.Params provisional = new IdIndex.Params(minId, alignShift, maxKey, bucketShift, ordinalBits, buckets, 0);
        long duplicates = 0;
        long written = 0;
        Manifest.FileEntry dirEntry;
        Manifest.FileEntry entriesEntry;
        try (SequentialWriter dir = SequentialWriter.column(workDir.resolve(IndexFiles.ID_DIR), IndexFiles.ID_DIR, identity, PackedColumn.widthFor(n));
             SequentialWriter entries = SequentialWriter.column(workDir.resolve(IndexFiles.ID_ENTRIES), IndexFiles.ID_ENTRIES, identity,
                     provisional.entryWidth())) {
            long bucket = 0;
            dir.putPacked(0);
            long previousKey = -1;
            for (long i = 0; i < n; i++) {
                long v = sorted.getAtIndex(layout, i);
                long key = v >>> ordinalBits;
                if (key == previousKey && i > 0) {
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
            while (bucket < buckets) {
                dir.putPacked(written);
                bucket++;
            }
            dirEntry = dir.finish();
            entriesEntry = entries.finish();
        }
        return new Result(new IdIndex.Params(minId, alignShift, maxKey, bucketShift, ordinalBits, buckets, written), duplicates, dirEntry, entriesEntry);
    }
}

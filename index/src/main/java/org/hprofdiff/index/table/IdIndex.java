package org.hprofdiff.index.table;

import org.hprofdiff.index.store.PackedColumn;

/**
 * Object id → ordinal. Ids are turned into keys {@code (id - minId) >>> alignShift}; a directory on
 * the key's high bits ({@code key >>> bucketShift}) gives the range of sorted entries that share
 * them, and each entry packs the key's low bits with the ordinal. A look-up reads two adjacent
 * directory values (one cache line) and scans a handful of entries (usually one more): one or two
 * cache misses, no hashing, no Java objects.
 */
public final class IdIndex {
    private final Params p;
    private final PackedColumn dir;
    private final PackedColumn entries;
    private final long alignMask;
    private final long lowMask;
    private final long ordMask;

    /**
     * @param minId       smallest id (unsigned)
     * @param alignShift  all ids are minId + a multiple of 2^alignShift
     * @param maxKey      largest key
     * @param bucketShift key bits below the directory
     * @param ordinalBits bits of an entry that hold the ordinal
     * @param buckets     directory size (entries + 1 offsets are stored)
     * @param entries     number of distinct ids
     */
    public record Params(long minId, int alignShift, long maxKey, int bucketShift, int ordinalBits, long buckets, long entries) {
        /** Bytes per entry. */
        public int entryWidth() {
            return PackedColumn.widthFor(bucketShift + ordinalBits >= 64 ? -1 : (1L << (bucketShift + ordinalBits)) - 1);
        }
    }

    public IdIndex(Params params, PackedColumn dir, PackedColumn entries) {
        this.p = params;
        this.dir = dir;
        this.entries = entries;
        this.alignMask = (1L << params.alignShift()) - 1;
        this.lowMask = params.bucketShift() == 0 ? 0 : -1L >>> (64 - params.bucketShift());
        this.ordMask = params.ordinalBits() == 64 ? -1L : (1L << params.ordinalBits()) - 1;
    }

    /** The ordinal of the object with this id, or -1 when the dump has no such object. */
    public long ordinal(long id) {
        long delta = id - p.minId();
        if ((delta & alignMask) != 0) return -1;
        long key = delta >>> p.alignShift();
        if (Long.compareUnsigned(key, p.maxKey()) > 0) return -1; // also catches ids below minId (delta wraps around)
        long bucket = key >>> p.bucketShift();
        long lo = dir.get(bucket);
        long hi = dir.get(bucket + 1);
        long low = key & lowMask;
        int ordBits = p.ordinalBits();
        while (lo < hi) { // binary search down to a short run, then scan
            if (hi - lo <= 8) {
                for (long i = lo; i < hi; i++) {
                    long e = entries.get(i);
                    long k = e >>> ordBits;
                    if (k == low) return e & ordMask;
                    if (k > low) return -1;
                }
                return -1;
            }
            long mid = (lo + hi) >>> 1;
            long k = entries.get(mid) >>> ordBits;
            if (k < low) lo = mid + 1;
            else hi = mid + 1;
        }
        return -1;
    }

    public Params params() { return p; }

    /** Number of distinct ids. */
    public long size() { return p.entries(); }

    /** Receives (id, ordinal) pairs in ascending id order. */
    public interface IdConsumer {
        void accept(long id, long ordinal);
    }

    /** Visits all ids in ascending (unsigned) order, e.g. to measure gaps between adjacent objects. */
    public void forEachInIdOrder(IdConsumer consumer) {
        int ordBits = p.ordinalBits();
        long bucket = 0;
        long bucketEnd = p.buckets() == 0 ? 0 : dir.get(1);
        for (long i = 0; i < p.entries(); i++) {
            while (i >= bucketEnd) {
                bucket++;
                bucketEnd = dir.get(bucket + 1);
            }
            long e = entries.get(i);
            long key = (bucket << p.bucketShift()) | (e >>> ordBits);
            consumer.accept(p.minId() + (key << p.alignShift()), e & ordMask);
        }
    }
}

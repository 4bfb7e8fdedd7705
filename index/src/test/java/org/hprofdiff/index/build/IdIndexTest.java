package org.hprofdiff.index.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hprofdiff.index.table.IdIndex;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.PackedColumn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The id → ordinal index against a hash map, for dense, sparse, duplicated and 4-byte-style ids. */
class IdIndexTest {
    @TempDir
    Path dir;

    private record Built(IdIndexWriter.Result result, IdIndex index, Arena arena) {}

    /** Builds the index of {@code ids} (in ordinal order) by merging runs when {@code merge}, else by radix sort. */
    private Built build(long[] ids, int threads, boolean merge) throws Exception {
        Path work = Files.createTempDirectory(dir, "w");
        long min = ids[0];
        long max = ids[0];
        long diff = 0;
        java.util.List<long[]> runs = new java.util.ArrayList<>(); // {ordinal, byte offset of its varint, id before it}
        long[] highest = new long[64];
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        long previous = 0;
        for (int i = 0; i < ids.length; i++) {
            long id = ids[i];
            if (Long.compareUnsigned(id, min) < 0) min = id;
            if (Long.compareUnsigned(id, max) > 0) max = id;
            diff |= id ^ ids[0];
            if (i == 0 || Long.compareUnsigned(id, previous) < 0) runs.add(new long[] {i, stream.size(), previous});
            else if (id != previous) highest[63 - Long.numberOfLeadingZeros(id ^ previous)]++;
            long delta = id - previous;
            long zigzag = (delta << 1) ^ (delta >> 63); // the stream's format: zigzag LEB128 differences
            while ((zigzag & ~0x7FL) != 0) {
                stream.write((int) (zigzag & 0x7F) | 0x80);
                zigzag >>>= 7;
            }
            stream.write((int) zigzag);
            previous = id;
        }
        IdIndexWriter.IdFacts facts = new IdIndexWriter.IdFacts(ids.length, min, max, diff,
                merge ? runs.stream().mapToLong(x -> x[0]).toArray() : null,
                merge ? runs.stream().mapToLong(x -> x[1]).toArray() : null,
                merge ? runs.stream().mapToLong(x -> x[2]).toArray() : null, highest);
        IdIndexWriter.Result r;
        try (Parallel parallel = new Parallel(threads)) {
            r = IdIndexWriter.build(MemorySegment.ofArray(stream.toByteArray()), facts, work, new byte[16], parallel, org.hprofdiff.index.BuildProgress.SILENT);
        }
        Arena arena = Arena.ofShared();
        IdIndex index = new IdIndex(r.params(), new PackedColumn(map(work.resolve(IndexFiles.ID_DIR), arena), r.dirEntry().width(), r.params().buckets() + 1),
                new PackedColumn(map(work.resolve(IndexFiles.ID_ENTRIES), arena), r.entriesEntry().width(), r.params().entries()));
        return new Built(r, index, arena);
    }

    private static MemorySegment map(Path p, Arena arena) throws Exception {
        try (FileChannel ch = FileChannel.open(p)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
        }
    }

    private static void checkAgainstMap(long[] ids, Built b, Random r) {
        Map<Long, Long> first = new HashMap<>();
        for (int i = 0; i < ids.length; i++) first.putIfAbsent(ids[i], (long) i);
        for (Map.Entry<Long, Long> e : first.entrySet()) assertEquals(e.getValue(), b.index().ordinal(e.getKey()), "0x" + Long.toHexString(e.getKey()));
        for (int k = 0; k < 20_000; k++) {
            long probe = ids[r.nextInt(ids.length)] + (r.nextInt(33) - 16);
            assertEquals(first.getOrDefault(probe, -1L), b.index().ordinal(probe), "probe 0x" + Long.toHexString(probe));
            long random = r.nextLong();
            assertEquals(first.getOrDefault(random, -1L), b.index().ordinal(random));
        }
        TreeMap<Long, Long> ordered = new TreeMap<>(Long::compareUnsigned);
        ordered.putAll(first);
        var it = ordered.entrySet().iterator();
        b.index().forEachInIdOrder((id, ord) -> {
            var e = it.next();
            assertEquals(e.getKey(), id);
            assertEquals(e.getValue(), ord);
        });
        assertTrue(!it.hasNext());
        assertEquals(ids.length - first.size(), b.result().duplicateIds());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void denseAlignedAddressesInSegmentOrder(boolean merge) throws Exception {
        Random r = new Random(1);
        int n = 300_000;
        long[] ids = new long[n];
        long addr = 0x7_0000_0000L;
        for (int i = 0; i < n; i++) {
            addr += 8L * (2 + r.nextInt(10));
            ids[i] = addr;
        }
        // segments out of address order, like parallel JDK 22+ dumps
        for (int s = 0; s < 50; s++) {
            int a = r.nextInt(n - 1000);
            int b = r.nextInt(n - 1000);
            for (int k = 0; k < 1000; k++) {
                long t = ids[a + k];
                ids[a + k] = ids[b + k];
                ids[b + k] = t;
            }
        }
        Built b = build(ids, 2, merge);
        try (Arena ignored = b.arena()) {
            assertEquals(3, b.result().params().alignShift());
            checkAgainstMap(ids, b, r);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void sparseIdsNeedingMoreThan64Bits(boolean merge) throws Exception {
        Random r = new Random(2);
        long[] ids = new long[5000];
        for (int i = 0; i < ids.length; i++) ids[i] = r.nextLong() | 1; // odd, so alignment 0, keys of 63-64 bits
        if (merge) java.util.Arrays.sort(ids, 0, 2500); // two runs: sorted, then random singles
        Built b = build(ids, 2, merge);
        try (Arena ignored = b.arena()) {
            IdIndex.Params p = b.result().params();
            assertTrue(64 - Long.numberOfLeadingZeros(p.maxKey()) + p.ordinalBits() > 64, "the case under test");
            checkAgainstMap(ids, b, r);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void duplicateIdsKeepTheirFirstOrdinal(boolean merge) throws Exception {
        Random r = new Random(3);
        long[] ids = new long[10_000];
        for (int i = 0; i < ids.length; i++) ids[i] = 0x1000 + 16L * r.nextInt(4000);
        if (merge) {
            java.util.Arrays.sort(ids, 0, 6000); // runs with duplicates inside and across them
            java.util.Arrays.sort(ids, 6000, ids.length);
        }
        Built b = build(ids, 3, merge);
        try (Arena ignored = b.arena()) {
            checkAgainstMap(ids, b, r);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void fourByteIdsAndASingleObject(boolean merge) throws Exception {
        Random r = new Random(4);
        long[] ids = new long[50_000];
        for (int i = 0; i < ids.length; i++) ids[i] = r.nextInt() & 0xFFFF_FFF8L;
        Built b = build(ids, 1, merge);
        try (Arena ignored = b.arena()) {
            checkAgainstMap(ids, b, r);
        }
        Built one = build(new long[] {0xFFFF_FFFF_FFFF_FFF0L}, 2, merge);
        try (Arena ignored = one.arena()) {
            assertEquals(0, one.index().ordinal(0xFFFF_FFFF_FFFF_FFF0L));
            assertEquals(-1, one.index().ordinal(0));
            assertEquals(-1, one.index().ordinal(-1));
        }
    }
}

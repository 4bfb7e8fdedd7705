package org.hprofdiff.index.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.hprofdiff.index.BuildProgress;
import org.hprofdiff.index.table.Edges;
import org.hprofdiff.index.table.IdIndex;
import org.hprofdiff.index.store.BlockOffsets;
import org.hprofdiff.index.store.CappedColumn;
import org.hprofdiff.index.store.IndexFormat;
import org.hprofdiff.index.store.PackedColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counts, offsets and ordinals beyond 2^31 and 2^32 without huge dumps: sparse files stand in for
 * columns of billions of elements (only the touched pages take space), and small graphs run the
 * code paths that large ones switch to.
 */
class LimitFreeArithmeticTest {
    @TempDir
    Path dir;

    private static final long BEYOND_INT = (1L << 31) + 12_345;
    private static final long BEYOND_UINT = (1L << 32) + 67_891;

    /** A sparse file mapped read-write, {@code elements} packed values of {@code width} bytes after a header. */
    private MemorySegment sparseColumn(Arena arena, String name, long elements, int width) throws Exception {
        Path p = dir.resolve(name);
        long size = IndexFormat.HEADER_BYTES + elements * width + IndexFormat.FOOTER_BYTES;
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
        }
    }

    @Test
    void packedColumnBeyond32BitIndexesAndValues() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            long n = BEYOND_UINT + 10;
            MemorySegment file = sparseColumn(arena, "col", n, 5);
            long[] at = {0, BEYOND_INT, BEYOND_UINT, n - 1};
            long[] values = {1, 0xFF_FFFF_FFFFL, BEYOND_UINT * 3, (1L << 39) + 5};
            for (int i = 0; i < at.length; i++) PackedColumn.put(file, IndexFormat.HEADER_BYTES + at[i] * 5, 5, values[i]);
            PackedColumn col = new PackedColumn(file, 5, n);
            for (int i = 0; i < at.length; i++) assertEquals(values[i], col.get(at[i]));
            assertEquals(0, col.get(BEYOND_INT + 1), "neighbours untouched");
            assertEquals(0, col.get(BEYOND_UINT - 1));
        }
    }

    @Test
    void widthsCoverEveryRange() {
        assertEquals(1, PackedColumn.widthFor(0));
        assertEquals(4, PackedColumn.widthFor(0xFFFF_FFFFL));
        assertEquals(5, PackedColumn.widthFor(1L << 32));
        assertEquals(5, PackedColumn.widthFor(BEYOND_UINT));
        assertEquals(8, PackedColumn.widthFor(Long.MAX_VALUE));
        assertEquals(8, PackedColumn.widthFor(-1));
    }

    @Test
    void edgeOffsetsBeyond32Bits() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            // three objects: 0 has BEYOND_UINT edges (nothing else stored), 1 has two edges, 2 has none
            BlockOffsets offsets = blockOffsets(arena, "off", new long[] {0, BEYOND_UINT, BEYOND_UINT + 2, BEYOND_UINT + 2});
            MemorySegment targets = sparseColumn(arena, "tgt", BEYOND_UINT + 2, 4);
            PackedColumn.put(targets, IndexFormat.HEADER_BYTES + BEYOND_UINT * 4, 4, 2);
            PackedColumn.put(targets, IndexFormat.HEADER_BYTES + (BEYOND_UINT + 1) * 4, 4, 0xFFFF_FFFEL);
            Edges edges = new Edges(offsets, new PackedColumn(targets, 4, BEYOND_UINT + 2));
            assertEquals(BEYOND_UINT, edges.degree(0));
            assertEquals(2, edges.degree(1));
            assertEquals(0, edges.degree(2));
            assertEquals(BEYOND_UINT + 2, edges.count());
            long[] seen = new long[2];
            int[] k = {0};
            edges.forEach(1, t -> seen[k[0]++] = t);
            assertArrayEquals(new long[] {2, 0xFFFF_FFFEL}, seen);
        }
    }

    @Test
    void blockOffsetsKeepEveryValueNarrowOrWide() throws Exception {
        Random r = new Random(5);
        long[] values = new long[100_000];
        long v = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = v;
            int kind = r.nextInt(1000);
            v += kind == 0 ? BEYOND_UINT : kind < 5 ? 70_000 + r.nextInt(100_000) : r.nextInt(8); // huge, wide-making, ordinal steps
        }
        try (Arena arena = Arena.ofShared()) {
            BlockOffsets offsets = blockOffsets(arena, "mixed", values);
            for (int i = 0; i < values.length; i++) assertEquals(values[i], offsets.get(i), "value " + i);
            // a copy in memory (a graph made for a walk) holds the bases and distances; its wide blocks read the file's
            BlockOffsets copy = offsets.copiedInto(arena.allocate(offsets.bytesToCopy()));
            for (int i = 0; i < values.length; i++) assertEquals(values[i], copy.get(i), "copied value " + i);
        }
    }

    @Test
    void cappedColumnKeepsLargeValuesAside() throws Exception {
        Random r = new Random(6);
        long[] values = new long[50_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextInt(100) == 0 ? 0xFFFFL + r.nextInt(1 << 20) : r.nextInt(0xFFFF);
        }
        values[7] = 0xFFFF; // exactly the marker
        values[8] = BEYOND_UINT;
        try (CappedColumn.Writer w = new CappedColumn.Writer(dir, "sizes", new byte[16], 2)) {
            for (long v : values) w.add(v);
            w.finish();
        }
        try (Arena arena = Arena.ofConfined(); FileChannel vc = FileChannel.open(dir.resolve("sizes"));
             FileChannel bc = FileChannel.open(dir.resolve("sizes.big"))) {
            long bigs = (bc.size() - IndexFormat.HEADER_BYTES - IndexFormat.FOOTER_BYTES) / 16;
            CappedColumn col = new CappedColumn(new PackedColumn(vc.map(FileChannel.MapMode.READ_ONLY, 0, vc.size(), arena), 2, values.length),
                    bc.map(FileChannel.MapMode.READ_ONLY, 0, bc.size(), arena), bigs);
            for (int i = 0; i < values.length; i++) assertEquals(values[i], col.get(i), "value " + i);
        }
    }

    private BlockOffsets blockOffsets(Arena arena, String name, long[] values) throws Exception {
        try (BlockOffsets.Writer w = new BlockOffsets.Writer(dir, name, new byte[16])) {
            for (long value : values) w.add(value);
            w.finish();
        }
        return BlockOffsets.map(dir, name, values.length, arena);
    }

    @Test
    void idIndexWithOrdinalsBeyond32Bits() {
        // ids 0x1000, 0x1008, 0x2000, 0x2010 (alignment 8); directory of 2 buckets on key >>> 9
        long min = 0x1000;
        long[] ids = {0x1000, 0x1008, 0x2000, 0x2010};
        long[] ordinals = {BEYOND_UINT * 2, 7, BEYOND_INT, (1L << 35) + 1};
        int ordinalBits = 36;
        int bucketShift = 9;
        long maxKey = (0x2010 - min) >>> 3;
        long buckets = (maxKey >>> bucketShift) + 1;
        IdIndex.Params params = new IdIndex.Params(min, 3, maxKey, bucketShift, ordinalBits, buckets, ids.length);
        int entryWidth = params.entryWidth();
        MemorySegment entries = MemorySegment.ofArray(new byte[IndexFormat.HEADER_BYTES + ids.length * entryWidth + 16]);
        MemorySegment dirSeg = MemorySegment.ofArray(new byte[IndexFormat.HEADER_BYTES + (int) (buckets + 1) * 8 + 16]);
        long[] bucketStart = new long[(int) buckets + 1];
        for (int i = 0; i < ids.length; i++) {
            long key = (ids[i] - min) >>> 3;
            long entry = ((key & ((1L << bucketShift) - 1)) << ordinalBits) | ordinals[i];
            PackedColumn.put(entries, IndexFormat.HEADER_BYTES + (long) i * entryWidth, entryWidth, entry);
            for (long b = (key >>> bucketShift) + 1; b <= buckets; b++) bucketStart[(int) b] = i + 1;
        }
        for (int b = 0; b <= buckets; b++) PackedColumn.put(dirSeg, IndexFormat.HEADER_BYTES + b * 8L, 8, bucketStart[b]);
        IdIndex index = new IdIndex(params, new PackedColumn(dirSeg, 8, buckets + 1), new PackedColumn(entries, entryWidth, ids.length));
        for (int i = 0; i < ids.length; i++) assertEquals(ordinals[i], index.ordinal(ids[i]), "id 0x" + Long.toHexString(ids[i]));
        assertEquals(-1, index.ordinal(0x1004));
        assertEquals(-1, index.ordinal(0x1010));
        assertEquals(-1, index.ordinal(0xFF8));
        assertEquals(-1, index.ordinal(0x2018));
        long[] visited = new long[ids.length];
        int[] k = {0};
        index.forEachInIdOrder((id, ord) -> {
            assertEquals(ids[k[0]], id);
            visited[k[0]++] = ord;
        });
        assertArrayEquals(ordinals, visited);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void radixSortOrdersByTheChosenBitsStably(int threads) throws Exception {
        Random r = new Random(threads);
        int n = 200_000;
        long[] values = new long[n];
        int fromBit = 20;
        int toBit = 58;
        for (int i = 0; i < n; i++) {
            long key = r.nextInt(4) == 0 ? (long) r.nextInt(1000) : r.nextLong() & ((1L << (toBit - fromBit)) - 1);
            values[i] = (key << fromBit) | i; // low bits: original position, to see stability
        }
        MemorySegment a = MemorySegment.ofArray(values.clone());
        MemorySegment b = MemorySegment.ofArray(new long[n]);
        try (Parallel parallel = new Parallel(threads)) {
            boolean inB = RadixSort.sort(a, 0, b, 0, n, fromBit, toBit, parallel);
            long[] sorted = (inB ? b : a).toArray(ValueLayout.JAVA_LONG);
            long[] expected = values.clone();
            Arrays.sort(expected); // keys then positions: exactly the stable order
            assertArrayEquals(expected, sorted);
        }
    }

    @Test
    void wideAndRecountedInDegreesGiveTheSameTranspose() throws Exception {
        // a small random graph, transposed with 4-byte and with 8-byte counters (the path for >= 2^32 edges)
        Random r = new Random(3);
        int n = 5000;
        long[] offsets = new long[n + 1];
        long[] targets = new long[40_000];
        int e = 0;
        for (int s = 0; s < n; s++) {
            offsets[s] = e;
            int degree = r.nextInt(12);
            for (int d = 0; d < degree && e < targets.length; d++) targets[e++] = r.nextInt(n);
        }
        offsets[n] = e;
        Arena offsetsArena = Arena.ofShared();
        BlockOffsets off = blockOffsets(offsetsArena, "graph", java.util.Arrays.copyOf(offsets, n + 1));
        PackedColumn tgt = column(targets, e, 2);
        byte[] id = new byte[16];
        Path narrowDir = dir.resolve("narrow");
        Path wideDir = dir.resolve("wide");
        Path recountDir = dir.resolve("recount");
        java.nio.file.Files.createDirectories(narrowDir);
        java.nio.file.Files.createDirectories(wideDir);
        java.nio.file.Files.createDirectories(recountDir);
        try (Parallel parallel = new Parallel(2)) {
            for (boolean wide : new boolean[] {false, true}) {
                int[] counts = new int[n];
                for (int i = 0; i < e; i++) counts[(int) targets[i]]++;
                MemorySegment counters = MemorySegment.ofArray(counts);
                Transpose.run(off, tgt, n, e, new InDegrees(counters), wide ? wideDir : narrowDir, id, parallel, BuildProgress.SILENT, wide);
            }
            // a 4-byte count that overflowed: the transpose counts again with 8-byte counters
            InDegrees overflowed = new InDegrees(MemorySegment.ofArray(new int[n]));
            overflowed.markOverflowed();
            Transpose.run(off, tgt, n, e, overflowed, recountDir, id, parallel, BuildProgress.SILENT, false);
        }
        for (String f : new String[] {"in.off.base", "in.off.delta", "in.off.wide", "in.sources"}) {
            assertArrayEquals(java.nio.file.Files.readAllBytes(narrowDir.resolve(f)), java.nio.file.Files.readAllBytes(recountDir.resolve(f)), f);
        }
        for (String f : new String[] {"in.off.base", "in.off.delta", "in.off.wide", "in.sources"}) {
            assertArrayEquals(java.nio.file.Files.readAllBytes(narrowDir.resolve(f)), java.nio.file.Files.readAllBytes(wideDir.resolve(f)), f);
        }
        // and the narrow result is the transpose, by brute force
        try (Arena arena = Arena.ofConfined(); FileChannel sc = FileChannel.open(narrowDir.resolve("in.sources"))) {
            BlockOffsets inOff = BlockOffsets.map(narrowDir, "in.off", n + 1, arena);
            PackedColumn inSrc = new PackedColumn(sc.map(FileChannel.MapMode.READ_ONLY, 0, sc.size(), arena), 2, e);
            for (int t = 0; t < n; t++) {
                java.util.List<Long> expected = new java.util.ArrayList<>();
                for (int s = 0; s < n; s++) for (long i = offsets[s]; i < offsets[s + 1]; i++) if (targets[(int) i] == t) expected.add((long) s);
                java.util.List<Long> actual = new java.util.ArrayList<>();
                for (long i = inOff.get(t); i < inOff.get(t + 1); i++) actual.add(inSrc.get(i));
                assertEquals(expected, actual, "sources of " + t);
            }
        }
        offsetsArena.close();
    }

    private static PackedColumn column(long[] values, long n, int width) {
        MemorySegment seg = MemorySegment.ofArray(new byte[(int) (IndexFormat.HEADER_BYTES + n * width + 16)]);
        for (long i = 0; i < n; i++) PackedColumn.put(seg, IndexFormat.HEADER_BYTES + i * width, width, values[(int) i]);
        return new PackedColumn(seg, width, n);
    }
}

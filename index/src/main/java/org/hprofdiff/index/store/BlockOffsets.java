package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ascending column of 64-bit offsets (CSR row starts) in about 2 bytes per value instead of 4–8:
 * values come in blocks of 64; a block stores its first value once (8 bytes, {@code NAME.base}) and each
 * value as a 2-byte distance from it ({@code NAME.delta}). A block whose values span 65,536 or more (an
 * object with that many edges among its 64) is "wide": its base is {@code -(w + 1)} and its 64 values are
 * the w-th run of 8-byte values in {@code NAME.wide}. A value is one or two loads; nothing limits values
 * or counts to 32 bits.
 */
public final class BlockOffsets {
    public static final int BLOCK = 64;
    static final int BLOCK_SHIFT = 6;
    static final long MAX_DELTA = 0xFFFF;

    private final PackedColumn base;
    private final MemorySegment delta;
    private final PackedColumn wide;
    private final long length;

    public BlockOffsets(PackedColumn base, MemorySegment deltaFile, PackedColumn wide, long length) {
        if (base.width() != 8 || wide.width() != 8) throw new IllegalArgumentException("bases and wide values are 8 bytes");
        if (base.length() != blocks(length) || deltaFile.byteSize() < IndexFormat.HEADER_BYTES + length * 2 + IndexFormat.FOOTER_BYTES) {
            throw new IllegalArgumentException("block offsets of " + length + " values do not match their files");
        }
        this.base = base;
        this.delta = deltaFile;
        this.wide = wide;
        this.length = length;
    }

    public long get(long i) {
        long b = base.get(i >>> BLOCK_SHIFT);
        if (b >= 0) return b + (delta.get(IndexFormat.SHORT, IndexFormat.HEADER_BYTES + i * 2) & 0xFFFF);
        return wide.get(((-b - 1) << BLOCK_SHIFT) + (i & (BLOCK - 1)));
    }

    public long length() { return length; }

    /** Bytes {@link #copiedInto} copies: the bases and the distances (the wide values, rare, stay where they are). */
    public long bytesToCopy() { return base.fileBytes() + delta.byteSize(); }

    /** The same column read from copies of its bases and distances in {@code memory} (at least {@link #bytesToCopy()} long). */
    public BlockOffsets copiedInto(MemorySegment memory) {
        PackedColumn bases = base.copiedInto(memory);
        MemorySegment distances = memory.asSlice(base.fileBytes(), delta.byteSize());
        distances.copyFrom(delta);
        return new BlockOffsets(bases, distances, wide, length);
    }

    public static long blocks(long length) {
        return (length + BLOCK - 1) >>> BLOCK_SHIFT;
    }

    /** The three file names of a column. */
    public static String baseFile(String name) { return name + ".base"; }

    public static String deltaFile(String name) { return name + ".delta"; }

    public static String wideFile(String name) { return name + ".wide"; }

    /** Opens a listed column of {@code length} values. */
    public static BlockOffsets open(IndexDirectory dir, String name, long length) throws IndexCorruptException {
        PackedColumn base = dir.column(baseFile(name), blocks(length));
        long wideValues = dir.manifest().files().get(wideFile(name)).dataLength() / 8;
        PackedColumn wide = dir.column(wideFile(name), wideValues);
        MemorySegment delta = dir.file(deltaFile(name));
        if (dir.manifest().files().get(deltaFile(name)).dataLength() != length * 2) {
            throw new IndexCorruptException(dir.path().resolve(deltaFile(name)), 40, "holds the wrong number of values; expected " + length);
        }
        return new BlockOffsets(base, delta, wide, length);
    }

    /** Maps a column's files from a directory being built (no manifest yet), read-only, in {@code arena}. */
    public static BlockOffsets map(Path dir, String name, long length, java.lang.foreign.Arena arena) throws IOException {
        MemorySegment b = mapFile(dir.resolve(baseFile(name)), arena);
        MemorySegment d = mapFile(dir.resolve(deltaFile(name)), arena);
        MemorySegment w = mapFile(dir.resolve(wideFile(name)), arena);
        long wideValues = (w.byteSize() - IndexFormat.HEADER_BYTES - IndexFormat.FOOTER_BYTES) / 8;
        return new BlockOffsets(new PackedColumn(b, 8, blocks(length)), d, new PackedColumn(w, 8, wideValues), length);
    }

    private static MemorySegment mapFile(Path p, java.lang.foreign.Arena arena) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.READ)) {
            return ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
        }
    }

    /** Writes a column front to back: {@link #add} each value in order, then {@link #finish}. */
    public static final class Writer implements AutoCloseable {
        private final SequentialWriter base;
        private final SequentialWriter delta;
        private final SequentialWriter wide;
        private final long[] block = new long[BLOCK];
        private int filled;
        private long wideBlocks;
        private long previous;

        public Writer(Path dir, String name, byte[] identity) throws IOException {
            SequentialWriter b = null;
            SequentialWriter d = null;
            try {
                b = SequentialWriter.column(dir.resolve(baseFile(name)), baseFile(name), identity, 8);
                d = SequentialWriter.column(dir.resolve(deltaFile(name)), deltaFile(name), identity, 2);
                this.wide = SequentialWriter.column(dir.resolve(wideFile(name)), wideFile(name), identity, 8);
            } catch (IOException | RuntimeException e) {
                if (b != null) b.close();
                if (d != null) d.close();
                throw e;
            }
            this.base = b;
            this.delta = d;
        }

        /** The next value; values must not decrease. */
        public void add(long value) throws IOException {
            if (value < previous) throw new IllegalArgumentException("offsets must ascend: " + value + " after " + previous);
            previous = value;
            block[filled++] = value;
            if (filled == BLOCK) flushBlock();
        }

        private void flushBlock() throws IOException {
            if (filled == 0) return;
            long first = block[0];
            if (block[filled - 1] - first <= MAX_DELTA) {
                base.putLong(first);
                for (int i = 0; i < filled; i++) delta.putPacked(block[i] - first);
            } else {
                base.putLong(-(wideBlocks + 1));
                for (int i = 0; i < BLOCK; i++) wide.putLong(i < filled ? block[i] : block[filled - 1]);
                for (int i = 0; i < filled; i++) delta.putPacked(0);
                wideBlocks++;
            }
            filled = 0;
        }

        /** Writes the last block and finishes the files; returns their manifest entries by name. */
        public Map<String, Manifest.FileEntry> finish() throws IOException {
            flushBlock();
            Map<String, Manifest.FileEntry> entries = new LinkedHashMap<>();
            entries.put(base.path().getFileName().toString(), base.finish());
            entries.put(delta.path().getFileName().toString(), delta.finish());
            entries.put(wide.path().getFileName().toString(), wide.finish());
            return entries;
        }

        @Override
        public void close() throws IOException {
            base.close();
            delta.close();
            wide.close();
        }
    }
}

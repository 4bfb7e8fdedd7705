package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A column of unsigned values stored in {@code width} bytes each where nearly all values are small: a
 * value of {@link #marker} or more is stored as the marker, and the real value goes to a side table
 * ({@code NAME.big}: pairs of 8-byte index and value, ascending by index) that is binary-searched. Shallow
 * sizes: 2 bytes (in 8-byte units) cover objects up to 512 KiB; the few larger arrays cost 16 bytes each,
 * instead of a third byte for every object.
 */
public final class CappedColumn {
    private final PackedColumn values;
    private final MemorySegment big;
    private final long bigCount;
    private final long marker;

    public CappedColumn(PackedColumn values, MemorySegment bigFile, long bigCount) {
        this.values = values;
        this.big = bigFile;
        this.bigCount = bigCount;
        this.marker = PackedColumn.maxFor(values.width());
    }

    public long get(long i) {
        long v = values.get(i);
        return v != marker ? v : lookUpBig(i);
    }

    private long lookUpBig(long i) {
        long lo = 0;
        long hi = bigCount - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long at = IndexFormat.HEADER_BYTES + mid * 16;
            long index = big.get(IndexFormat.LONG, at);
            if (index < i) lo = mid + 1;
            else if (index > i) hi = mid - 1;
            else return big.get(IndexFormat.LONG, at + 8);
        }
        throw new IllegalStateException("value " + i + " is marked large but has no entry in the side table");
    }

    public long length() { return values.length(); }

    public static String bigFile(String name) { return name + ".big"; }

    public static CappedColumn open(IndexDirectory dir, String name, long length) throws IndexCorruptException {
        PackedColumn values = dir.column(name, length);
        long bigBytes = dir.manifest().files().get(bigFile(name)).dataLength();
        if (bigBytes % 16 != 0) throw new IndexCorruptException(dir.path().resolve(bigFile(name)), 40, "holds " + bigBytes + " bytes; expected pairs of 16");
        return new CappedColumn(values, dir.file(bigFile(name)), bigBytes / 16);
    }

    /** Writes a column front to back. */
    public static final class Writer implements AutoCloseable {
        private final SequentialWriter values;
        private final SequentialWriter big;
        private final long marker;
        private long index;

        public Writer(Path dir, String name, byte[] identity, int width) throws IOException {
            this.values = SequentialWriter.column(dir.resolve(name), name, identity, width);
            SequentialWriter b;
            try {
                b = new SequentialWriter(dir.resolve(bigFile(name)), bigFile(name), identity, 0);
            } catch (IOException | RuntimeException e) {
                values.close();
                throw e;
            }
            this.big = b;
            this.marker = PackedColumn.maxFor(width);
        }

        public void add(long value) throws IOException {
            if (value < marker) {
                values.putPacked(value);
            } else {
                values.putPacked(marker);
                big.putLong(index);
                big.putLong(value);
            }
            index++;
        }

        public Map<String, Manifest.FileEntry> finish() throws IOException {
            Map<String, Manifest.FileEntry> entries = new LinkedHashMap<>();
            entries.put(values.path().getFileName().toString(), values.finish());
            entries.put(big.path().getFileName().toString(), big.finish());
            return entries;
        }

        @Override
        public void close() throws IOException {
            values.close();
            big.close();
        }
    }
}

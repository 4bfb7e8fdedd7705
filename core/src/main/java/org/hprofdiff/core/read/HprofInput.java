package org.hprofdiff.core.read;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads at a position over a window of the dump. A mapped file is one window holding the
 * whole file, so {@link #require} is only a bounds check; a compressed stream slides a buffer along
 * the data and refills it. One final class for both keeps the hot read path monomorphic.
 *
 * <p>Positions are always offsets in the (uncompressed) dump. Absolute reads ({@code u4At} etc.) are
 * valid for bytes the reader has {@link #require required}; the reader requires a record's bytes
 * before it hands the record to a visitor.
 */
public final class HprofInput implements AutoCloseable {
    private static final ValueLayout.OfShort U2 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U4 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong U8 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int MIN_STREAM_WINDOW = 1 << 20;

    private MemorySegment window;
    /** The mapped file this input was made over (null for a stream), which {@link #view} returns to. */
    private final MemorySegment wholeFile;
    private long windowStart;
    private long windowEnd;
    private long pos;
    private int idSize = 8;
    /** Null for a mapped file (everything is in the window); the decompressed stream otherwise. */
    private final InputStream stream;
    private byte[] streamBuffer;
    private boolean streamEnded;
    private String streamProblem;

    private HprofInput(MemorySegment window, long windowStart, InputStream stream) {
        this.window = window;
        this.windowStart = windowStart;
        this.windowEnd = windowStart + window.byteSize();
        this.pos = windowStart;
        this.stream = stream;
        this.wholeFile = stream == null ? window : null;
    }

    /** Reads over a mapped file (or any segment) whose byte 0 is dump offset 0. */
    public static HprofInput of(MemorySegment wholeFile) {
        return new HprofInput(wholeFile, 0, null);
    }

    /** Reads a stream (e.g. decompressed gzip) from dump offset 0, buffering a sliding window. */
    public static HprofInput of(InputStream stream) {
        HprofInput in = new HprofInput(MemorySegment.NULL, 0, stream);
        in.streamBuffer = new byte[MIN_STREAM_WINDOW];
        return in;
    }

    /**
     * Reads over {@code part} from now on (bytes of the dump read into memory, see {@link DirectSpans}), or over the
     * whole mapped file again when it is null. Positions stay offsets in the dump; reading outside the part fails.
     * Only for an input over a mapped file.
     */
    public void view(DirectSpans.Window part) {
        if (stream != null) throw new IllegalStateException("a stream has no other view");
        window = part == null ? wholeFile : part.bytes();
        windowStart = part == null ? 0 : part.fileStart();
        windowEnd = windowStart + window.byteSize();
    }

    public void idSize(int idSize) { this.idSize = idSize; }

    public int idSize() { return idSize; }

    public long position() { return pos; }

    /** Moves to an offset. For a stream only forward moves are possible. */
    public void seek(long offset) {
        if (offset >= pos) {
            skip(offset - pos);
        } else if (stream == null) {
            pos = offset;
        } else {
            throw new IllegalStateException("cannot seek backwards in a stream");
        }
    }

    /** Whether the data ends at the current position (reads a stream ahead to find out). */
    public boolean atEnd() {
        if (pos < windowEnd) return false;
        if (stream == null) return true;
        fill(1, false);
        return pos >= windowEnd;
    }

    /** Makes bytes [position, position + n) readable, or throws {@link EndOfDataException}. */
    public void require(long n) {
        if (pos + n > windowEnd) fill(n, true);
    }

    public void skip(long n) {
        if (pos + n <= windowEnd) {
            pos += n;
            return;
        }
        if (stream == null) throw new EndOfDataException(windowEnd, pos + n - windowEnd);
        long remaining = n - (windowEnd - pos);
        pos = windowEnd;
        window = MemorySegment.NULL;
        try {
            while (remaining > 0) {
                int r = readStream(streamBuffer, 0, (int) Math.min(streamBuffer.length, remaining));
                if (r < 0) throw new EndOfDataException(pos, remaining);
                remaining -= r;
                pos += r;
            }
        } finally {
            windowStart = windowEnd = pos;
        }
    }

    public int u1() { require(1); return u1At(pos++); }

    public int u2() { require(2); int v = u2At(pos); pos += 2; return v; }

    public int u4() { require(4); int v = u4At(pos); pos += 4; return v; }

    /** A u4 length or count, as a non-negative long. */
    public long u4Unsigned() { return u4() & 0xFFFF_FFFFL; }

    public long u8() { require(8); long v = u8At(pos); pos += 8; return v; }

    public long id() { require(idSize); long v = idAt(pos); pos += idSize; return v; }

    public int u1At(long at) { return window.get(ValueLayout.JAVA_BYTE, at - windowStart) & 0xFF; }

    public int u2At(long at) { return window.get(U2, at - windowStart) & 0xFFFF; }

    public int u4At(long at) { return window.get(U4, at - windowStart); }

    public long u8At(long at) { return window.get(U8, at - windowStart); }

    /** An id at an offset, zero-extended when ids are 4 bytes. */
    public long idAt(long at) { return idSize == 8 ? u8At(at) : u4At(at) & 0xFFFF_FFFFL; }

    /** A value of a basic type whose size in the file is {@code size} bytes, as raw bits. */
    public long valueAt(long at, int size) {
        return switch (size) {
            case 1 -> u1At(at);
            case 2 -> u2At(at);
            case 4 -> u4At(at) & 0xFFFF_FFFFL;
            case 8 -> u8At(at);
            default -> throw new IllegalArgumentException("value size " + size);
        };
    }

    public String utf8At(long at, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(window, ValueLayout.JAVA_BYTE, at - windowStart, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Closes the stream under a compressed dump (a mapped file is unmapped by its {@link HprofFile}). */
    @Override
    public void close() {
        if (stream == null) return;
        try {
            stream.close();
        } catch (IOException e) {
            // nothing was written; a failed close of a read-only stream loses nothing
        }
    }

    /**
     * Why the stream ended before its natural end (a gzip file cut short or corrupt), or null. The data up
     * to there is used, like a truncated plain file's.
     */
    String streamProblem() { return streamProblem; }

    /** Reads from the stream; -1 at its end, also when it breaks (the reason is kept in {@link #streamProblem}). */
    private int readStream(byte[] buffer, int offset, int length) {
        if (streamEnded) return -1;
        try {
            int r = stream.read(buffer, offset, length);
            if (r < 0) streamEnded = true;
            return r;
        } catch (IOException e) {
            streamEnded = true;
            streamProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return -1;
        }
    }

    private void fill(long n, boolean mustHave) {
        if (stream == null) {
            if (mustHave) throw new EndOfDataException(windowEnd, pos + n - windowEnd);
            return;
        }
        if (n > Integer.MAX_VALUE - 8) throw new EndOfDataException(pos, n); // cannot buffer; treat as unreadable
        int keep = (int) (windowEnd - pos);
        byte[] target = streamBuffer;
        if (n > target.length) target = new byte[(int) Math.max(n, Math.min((long) target.length * 2, Integer.MAX_VALUE - 8))];
        if (keep > 0) System.arraycopy(streamBuffer, (int) (pos - windowStart), target, 0, keep);
        streamBuffer = target;
        int filled = keep;
        // Fill at least half the buffer so that small records do not cost a stream call each.
        while ((filled < n || filled < streamBuffer.length / 2) && !streamEnded) {
            int r = readStream(streamBuffer, filled, streamBuffer.length - filled);
            if (r > 0) filled += r;
        }
        windowStart = pos;
        windowEnd = pos + filled;
        window = MemorySegment.ofArray(streamBuffer).asSlice(0, filled);
        if (mustHave && filled < n) throw new EndOfDataException(windowEnd, n - filled);
    }
}

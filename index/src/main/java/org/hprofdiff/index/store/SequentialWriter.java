package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes one index file front to back through a file channel (so a full disk is an
 * {@link IOException}, never a fault in a mapped page): header, data, footer with the data's
 * CRC32C. Until {@link #finish} the header declares no data and there is no footer, so
 * a file left by a crash never passes {@link FileHeader#read}.
 *
 * <p>Full buffers are checksummed and written behind the caller ({@link WriteBehind}): the id sort of a 39.8 GB
 * dump, on one core, 15.9–19.4 s before, 12.7–14.1 s after. A failed write is thrown by the next call that
 * flushes, or by {@link #finish}.
 */
public final class SequentialWriter implements AutoCloseable {
    private static final int BUFFER = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final String kind;
    private final byte[] identity;
    private final int width;
    private final CRC32C crc = new CRC32C();
    private final WriteBehind behind = new WriteBehind(BUFFER, ByteOrder.LITTLE_ENDIAN, (full, at) -> {
        crc.update(full.duplicate());
        writeFully(full, at);
    });
    /** The buffer being filled: values are stored with one unaligned little-endian store each. */
    private MemorySegment segment = behind.segment();
    /** Bytes in the buffer; a value of up to 10 bytes (a varint) fits while {@code position <= LIMIT}. */
    private int position;
    private static final int LIMIT = BUFFER - 16;
    private long dataLength;
    private boolean finished;

    public SequentialWriter(Path path, String kind, byte[] identity, int width) throws IOException {
        this.path = path;
        this.kind = kind;
        this.identity = identity;
        this.width = width;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer header = ByteBuffer.allocate(IndexFormat.HEADER_BYTES);
        new FileHeader(kind, identity, -1, width).writeHeader(header);
        writeFully(header.flip(), 0);
    }

    /** A packed column writer: {@code width} bytes per value. */
    public static SequentialWriter column(Path path, String kind, byte[] identity, int width) throws IOException {
        return new SequentialWriter(path, kind, identity, width);
    }

    public Path path() { return path; }

    public int width() { return width; }

    public long dataLength() { return dataLength + position; }

    public void putByte(int v) throws IOException {
        if (position > LIMIT) flush();
        segment.set(ValueLayout.JAVA_BYTE, position, (byte) v);
        position++;
    }

    public void putInt(int v) throws IOException {
        if (position > LIMIT) flush();
        segment.set(IndexFormat.INT, position, v);
        position += 4;
    }

    public void putLong(long v) throws IOException {
        if (position > LIMIT) flush();
        segment.set(IndexFormat.LONG, position, v);
        position += 8;
    }

    /** Appends {@code value} in this column's width. */
    public void putPacked(long value) throws IOException {
        if (position > LIMIT) flush();
        segment.set(IndexFormat.LONG, position, value); // the bytes past the width are overwritten by the next value or dropped
        position += width;
    }

    /** Appends {@code value} as an unsigned LEB128 varint (7 bits a byte, low groups first; 1 to 10 bytes). */
    public void putVarLong(long value) throws IOException {
        if (position > LIMIT) flush();
        while ((value & ~0x7FL) != 0) {
            segment.set(ValueLayout.JAVA_BYTE, position++, (byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        segment.set(ValueLayout.JAVA_BYTE, position++, (byte) value);
    }

    public void putBytes(byte[] bytes, int offset, int length) throws IOException {
        putBytes(MemorySegment.ofArray(bytes), offset, length);
    }

    /** Appends {@code length} bytes of {@code source} from {@code offset}. */
    public void putBytes(MemorySegment source, long offset, long length) throws IOException {
        while (length > 0) {
            if (position == BUFFER) flush();
            int n = (int) Math.min(length, BUFFER - position);
            MemorySegment.copy(source, offset, segment, position, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    public void putString(String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        putInt(b.length);
        putBytes(b, 0, b.length);
    }

    /**
     * Flushes, writes the footer and the final header. Not forced to disk here: every file written this way is
     * published by a {@link Commit}, which fsyncs it first, by when the kernel has mostly written it back (forced
     * here, the id sort of a 39.8 GB dump waited 2 s for its 3.5 GB to reach the disk).
     */
    public Manifest.FileEntry finish() throws IOException {
        flush();
        behind.await();
        ByteBuffer footer = ByteBuffer.allocate(IndexFormat.FOOTER_BYTES);
        FileHeader.writeFooter(footer, (int) crc.getValue(), dataLength);
        writeFully(footer.flip(), IndexFormat.HEADER_BYTES + dataLength);
        ByteBuffer header = ByteBuffer.allocate(IndexFormat.HEADER_BYTES);
        new FileHeader(kind, identity, dataLength, width).writeHeader(header);
        writeFully(header.flip(), 0);
        channel.close();
        finished = true;
        return new Manifest.FileEntry(width, dataLength, (int) crc.getValue());
    }

    @Override
    public void close() throws IOException {
        if (finished) return;
        try {
            behind.await();
        } catch (IOException ignored) {
            // closing after a failure: the caller has the first one, and the file is not trusted without finish
        } finally {
            channel.close();
        }
    }

    /** Hands the filled buffer to be written behind, once the one before it is written, and fills the other. */
    private void flush() throws IOException {
        long at = IndexFormat.HEADER_BYTES + dataLength;
        dataLength += position;
        segment = behind.handOver(position, at);
        position = 0;
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        try {
            while (b.hasRemaining()) position += channel.write(b, position);
        } catch (IOException e) {
            throw new IndexPlaceException(path + ": cannot write at byte " + position + " (" + e.getMessage() + ")", e);
        }
    }
}

package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes one index file front to back through a file channel (so a full disk is an
 * {@link IOException}, never a fault in a mapped page): header, data, footer with the data's
 * CRC32C, then fsync. Until {@link #finish} the header declares no data and there is no footer, so
 * a file left by a crash never passes {@link FileHeader#read}.
 */
public final class SequentialWriter implements AutoCloseable {
    private static final int BUFFER = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final String kind;
    private final byte[] identity;
    private final int width;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
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

    public long dataLength() { return dataLength + buffer.position(); }

    public void putByte(int v) throws IOException {
        room(1);
        buffer.put((byte) v);
    }

    public void putInt(int v) throws IOException {
        room(4);
        buffer.putInt(v);
    }

    public void putLong(long v) throws IOException {
        room(8);
        buffer.putLong(v);
    }

    /** Appends {@code value} in this column's width. */
    public void putPacked(long value) throws IOException {
        room(8);
        int at = buffer.position();
        buffer.putLong(at, value); // the bytes past the width are overwritten by the next value or dropped
        buffer.position(at + width);
    }

    public void putBytes(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            room(1);
            int n = Math.min(length, buffer.remaining());
            buffer.put(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    /** Appends {@code length} bytes of {@code source} from {@code offset}. */
    public void putBytes(MemorySegment source, long offset, long length) throws IOException {
        MemorySegment target = MemorySegment.ofBuffer(buffer);
        while (length > 0) {
            room(1);
            int n = (int) Math.min(length, buffer.remaining());
            MemorySegment.copy(source, offset, target, buffer.position(), n);
            buffer.position(buffer.position() + n);
            offset += n;
            length -= n;
        }
    }

    public void putString(String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        putInt(b.length);
        putBytes(b, 0, b.length);
    }

    /** Flushes, writes the footer and the final header, and forces the file to disk. */
    public Manifest.FileEntry finish() throws IOException {
        flush();
        ByteBuffer footer = ByteBuffer.allocate(IndexFormat.FOOTER_BYTES);
        FileHeader.writeFooter(footer, (int) crc.getValue(), dataLength);
        writeFully(footer.flip(), IndexFormat.HEADER_BYTES + dataLength);
        ByteBuffer header = ByteBuffer.allocate(IndexFormat.HEADER_BYTES);
        new FileHeader(kind, identity, dataLength, width).writeHeader(header);
        writeFully(header.flip(), 0);
        channel.force(true);
        channel.close();
        finished = true;
        return new Manifest.FileEntry(width, dataLength, (int) crc.getValue());
    }

    @Override
    public void close() throws IOException {
        if (!finished) channel.close();
    }

    private void room(int n) throws IOException {
        if (buffer.remaining() < Math.max(n, 8)) flush();
    }

    private void flush() throws IOException {
        buffer.flip();
        crc.update(buffer.duplicate());
        writeFully(buffer, IndexFormat.HEADER_BYTES + dataLength);
        dataLength += buffer.limit();
        buffer.clear();
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        try {
            while (b.hasRemaining()) position += channel.write(b, position);
        } catch (IOException e) {
            throw new IOException(path + ": cannot write at byte " + position + " (" + e.getMessage() + ")", e);
        }
    }
}

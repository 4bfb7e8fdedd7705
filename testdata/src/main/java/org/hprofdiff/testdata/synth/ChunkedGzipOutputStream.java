package org.hprofdiff.testdata.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The gzip layout of {@code jcmd GC.heap_dump -gz=N}: the dump is cut every {@code blockSize} bytes of
 * uncompressed data (regardless of record boundaries) and each block is a complete gzip member, so a reader
 * can start inflating at any member.
 * <p>
 * Header bytes as HotSpot's libzip produces them ({@code ZIP_GZip_Fully} in zip_util.c: zlib deflateInit2
 * with windowBits 31, and for the first block only, {@code deflateSetHeader} with a zeroed gz_header whose
 * comment is {@code "HPROF BLOCKSIZE=<n>"} (heapDumperCompression.cpp {@code GZipCompressor::compress})):
 * <ul>
 *   <li>first member: 1f 8b 08, FLG 0x10 (FCOMMENT), MTIME 0, XFL, OS 0 (zeroed gz_header), comment, NUL;</li>
 *   <li>other members: 1f 8b 08, FLG 0, MTIME 0, XFL, OS 3 (zlib's default header on Unix);</li>
 *   <li>XFL as zlib sets it: 2 for level 9, 4 for levels below 2, else 0;</li>
 *   <li>each member ends with CRC-32 and ISIZE, little-endian (RFC 1952).</li>
 * </ul>
 * The deflate data is Java's zlib, so compressed bytes may differ from a JVM's; the framing does not.
 */
public final class ChunkedGzipOutputStream extends OutputStream {
    public static final int HOTSPOT_BLOCK_SIZE = 1 << 20;
    private static final int OS_UNIX = 3;

    private final OutputStream out;
    private final int level;
    private final byte[] block;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] compressed = new byte[1 << 16];
    private int filled;
    private boolean firstMember = true;
    private boolean closed;

    public ChunkedGzipOutputStream(OutputStream out, int blockSize, int level) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size " + blockSize);
        }
        this.out = out;
        this.level = level;
        this.block = new byte[blockSize];
        this.deflater = new Deflater(level, true);
    }

    /** Like {@code -gz=1}: 1 MiB blocks at level 1. */
    public ChunkedGzipOutputStream(OutputStream out) {
        this(out, HOTSPOT_BLOCK_SIZE, 1);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, block.length - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == block.length) {
                writeMember();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (filled > 0 || firstMember) {
            writeMember();
        }
        deflater.end();
        out.close();
    }

    private void writeMember() throws IOException {
        int extraFlags = level == 9 ? 2 : level < 2 ? 4 : 0;
        if (firstMember) {
            out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0x10, 0, 0, 0, 0, (byte) extraFlags, 0});
            out.write(("HPROF BLOCKSIZE=" + block.length).getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            firstMember = false;
        } else {
            out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) extraFlags, OS_UNIX});
        }
        deflater.reset();
        deflater.setInput(block, 0, filled);
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(compressed);
            out.write(compressed, 0, n);
        }
        crc.reset();
        crc.update(block, 0, filled);
        writeIntLittleEndian((int) crc.getValue());
        writeIntLittleEndian(filled);
        filled = 0;
    }

    private void writeIntLittleEndian(int value) throws IOException {
        out.write(new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
    }
}

package org.hprofdiff.index.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The 64-byte header every index file starts with, and the 16-byte footer it ends with.
 * <pre>
 * header:  0 u4 magic "HDIX" · 4 u4 format version · 8 kind (16 bytes ASCII, NUL-padded)
 *         24 dump identity digest (16 bytes) · 40 u8 data length · 48 u1 element width · 49.. zero
 * footer:  0 u4 magic "HDFT" · 4 u4 CRC32C of the data · 8 u8 data length
 * </pre>
 * A file is taken as complete only when both agree on the length and the file's size is exactly
 * header + data + footer: a file cut short by a crash or a full disk fails that check.
 *
 * @param width bytes per element for packed columns, 0 for other files
 */
public record FileHeader(String kind, byte[] identity, long dataLength, int width) {

    public FileHeader {
        if (kind.length() > IndexFormat.KIND_BYTES || !StandardCharsets.US_ASCII.newEncoder().canEncode(kind)) {
            throw new IllegalArgumentException("file kind must be at most 16 ASCII characters: " + kind);
        }
        if (identity.length != 16) throw new IllegalArgumentException("identity digest must be 16 bytes");
    }

    public void writeHeader(ByteBuffer b) {
        b.order(ByteOrder.LITTLE_ENDIAN);
        int start = b.position();
        b.putInt(IndexFormat.HEADER_MAGIC).putInt(IndexFormat.VERSION);
        byte[] k = Arrays.copyOf(kind.getBytes(StandardCharsets.US_ASCII), IndexFormat.KIND_BYTES);
        b.put(k).put(identity).putLong(dataLength).put((byte) width);
        while (b.position() < start + IndexFormat.HEADER_BYTES) b.put((byte) 0);
    }

    public static void writeFooter(ByteBuffer b, int crc, long dataLength) {
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(IndexFormat.FOOTER_MAGIC).putInt(crc).putLong(dataLength);
    }

    public static long fileSize(long dataLength) {
        return IndexFormat.HEADER_BYTES + dataLength + IndexFormat.FOOTER_BYTES;
    }

    /**
     * Reads and checks the header and footer of a whole mapped file: magic, version, kind, identity,
     * and that header, footer and the file's size agree. The data's checksum is not computed here
     * (that reads the whole file; see {@link Checksums}).
     */
    public static FileHeader read(MemorySegment file, Path path, String expectedKind, byte[] expectedIdentity) throws IndexCorruptException {
        long size = file.byteSize();
        if (size < IndexFormat.HEADER_BYTES + IndexFormat.FOOTER_BYTES) {
            throw new IndexCorruptException(path, size, "file is " + size + " bytes, shorter than a header and footer (incomplete write)");
        }
        int magic = file.get(IndexFormat.INT, 0);
        if (magic != IndexFormat.HEADER_MAGIC) throw new IndexCorruptException(path, 0, "not an hprof-diff index file; expected magic HDIX");
        int version = file.get(IndexFormat.INT, 4);
        if (version != IndexFormat.VERSION) {
            throw new IndexCorruptException(path, 4, "index format version " + version + "; expected " + IndexFormat.VERSION);
        }
        byte[] k = new byte[IndexFormat.KIND_BYTES];
        MemorySegment.copy(file, ValueLayout.JAVA_BYTE, 8, k, 0, k.length);
        int len = 0;
        while (len < k.length && k[len] != 0) len++;
        String kind = new String(k, 0, len, StandardCharsets.US_ASCII);
        if (expectedKind != null && !kind.equals(expectedKind)) {
            throw new IndexCorruptException(path, 8, "file holds '" + kind + "'; expected '" + expectedKind + "'");
        }
        byte[] id = new byte[16];
        MemorySegment.copy(file, ValueLayout.JAVA_BYTE, 24, id, 0, 16);
        if (expectedIdentity != null && !Arrays.equals(id, expectedIdentity)) {
            throw new IndexCorruptException(path, 24, "file belongs to another dump (identity differs)");
        }
        long dataLength = file.get(IndexFormat.LONG, 40);
        int width = file.get(ValueLayout.JAVA_BYTE, 48) & 0xFF;
        if (dataLength < 0 || fileSize(dataLength) != size) {
            throw new IndexCorruptException(path, 40, "header declares " + dataLength + " data bytes but the file is " + size
                    + " bytes; expected " + (size - IndexFormat.HEADER_BYTES - IndexFormat.FOOTER_BYTES) + " (incomplete write)");
        }
        long footer = size - IndexFormat.FOOTER_BYTES;
        if (file.get(IndexFormat.INT, footer) != IndexFormat.FOOTER_MAGIC) {
            throw new IndexCorruptException(path, footer, "no footer; expected magic HDFT (incomplete write)");
        }
        long footerLength = file.get(IndexFormat.LONG, footer + 8);
        if (footerLength != dataLength) {
            throw new IndexCorruptException(path, footer + 8, "footer declares " + footerLength + " data bytes; expected " + dataLength);
        }
        return new FileHeader(kind, id, dataLength, width);
    }

    /** The CRC32C stored in a whole mapped file's footer. */
    public static int storedChecksum(MemorySegment file) {
        return file.get(IndexFormat.INT, file.byteSize() - IndexFormat.FOOTER_BYTES + 4);
    }
}

package org.hprofdiff.testdata.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpFilesTest {

    @TempDir
    Path dir;

    /** A heap of a few MB so chunked gzip has several 1 MiB members. */
    private static SyntheticHeap heap() {
        SyntheticHeap heap = new SyntheticHeap();
        SyntheticClass node = heap.newClass("a.Node").field("next", BasicType.OBJECT).define();
        HeapObject previous = null;
        for (int i = 0; i < 60_000; i++) {
            previous = heap.instance(node, "next", previous);
            heap.string("text " + i);
        }
        heap.root(RootKind.UNKNOWN, previous);
        return heap;
    }

    @Test
    void gzipVariantsDecompressToThePlainBytes() throws IOException {
        SyntheticHeap heap = heap();
        for (DumpFiles.Compression compression : DumpFiles.Compression.values()) {
            heap.writeTo(dir.resolve(compression.name()), Layout.hotspot(), compression);
        }
        byte[] plain = Files.readAllBytes(dir.resolve("NONE"));
        assertTrue(plain.length > 3 << 20, "several members expected");
        assertArrayEquals(plain, gunzip(Files.readAllBytes(dir.resolve("GZIP"))));
        byte[] chunked = Files.readAllBytes(dir.resolve("CHUNKED_GZIP"));
        assertArrayEquals(plain, gunzip(chunked));
        assertArrayEquals(plain, inflateMembersOneByOne(chunked, 1 << 20));
    }

    @Test
    void chunkedGzipHeadersAreThoseOfHotSpot() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ChunkedGzipOutputStream gz = new ChunkedGzipOutputStream(out)) {
            gz.write(new byte[(1 << 20) + 10]);
        }
        byte[] bytes = out.toByteArray();
        byte[] comment = "HPROF BLOCKSIZE=1048576".getBytes(StandardCharsets.US_ASCII);
        // magic, deflate, FCOMMENT, MTIME 0, XFL 4 (level 1), OS 0 (zeroed gz_header in ZIP_GZip_Fully)
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0x10, 0, 0, 0, 0, 4, 0}, Arrays.copyOf(bytes, 10));
        assertArrayEquals(comment, Arrays.copyOfRange(bytes, 10, 10 + comment.length));
        assertEquals(0, bytes[10 + comment.length]);
        assertArrayEquals(new byte[(1 << 20) + 10], inflateMembersOneByOne(bytes, 1 << 20));
    }

    @Test
    void truncationCutsAtTheChosenOffset() throws IOException {
        Path file = dir.resolve("cut.hprof");
        byte[] plain = heap().toBytes();
        Files.write(file, plain);
        DumpFiles.truncate(file, 12_345);
        assertArrayEquals(Arrays.copyOf(plain, 12_345), Files.readAllBytes(file));
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    /**
     * Reads the members one at a time the way a random-access reader would: header (with the optional
     * comment), raw deflate to the member's end, CRC-32 and size trailer. Each member holds at most a block.
     */
    private static byte[] inflateMembersOneByOne(byte[] gz, int blockSize) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int position = 0;
        int members = 0;
        while (position < gz.length) {
            assertEquals(0x1f, gz[position] & 0xFF);
            assertEquals(0x8b, gz[position + 1] & 0xFF);
            int flags = gz[position + 3];
            assertEquals(members == 0 ? 0x10 : 0, flags, "only the first member carries the comment");
            position += 10;
            if ((flags & 0x10) != 0) {
                while (gz[position++] != 0) {
                    // skip the comment
                }
            }
            Inflater inflater = new Inflater(true);
            inflater.setInput(gz, position, gz.length - position);
            byte[] block = new byte[blockSize + 1];
            int n;
            try {
                n = inflater.inflate(block);
            } catch (DataFormatException e) {
                throw new IOException(e);
            }
            assertTrue(inflater.finished() && n <= blockSize);
            position = gz.length - inflater.getRemaining();
            inflater.end();
            ByteBuffer trailer = ByteBuffer.wrap(gz, position, 8).order(ByteOrder.LITTLE_ENDIAN);
            CRC32 crc = new CRC32();
            crc.update(block, 0, n);
            assertEquals((int) crc.getValue(), trailer.getInt());
            assertEquals(n, trailer.getInt());
            position += 8;
            all.write(block, 0, n);
            members++;
        }
        return all.toByteArray();
    }
}

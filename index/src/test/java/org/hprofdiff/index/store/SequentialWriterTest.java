package org.hprofdiff.index.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's file, read back from the disk: a header, every value in the order it was put (several of the
 * writer's buffers' worth, so most are written behind while the next buffer fills), a footer with the CRC32C of
 * the data, all compared with the same values laid out independently here (little-endian, LEB128 by hand). A
 * write that fails behind (a full disk) is in {@code FilesystemLimitsTest}.
 */
class SequentialWriterTest {
    private static final byte[] IDENTITY = new byte[16];

    @TempDir
    Path dir;

    @Test
    void manyBuffersOfMixedValuesReadBackAsPutWithTheirChecksum() throws Exception {
        Path file = dir.resolve("mixed");
        Random random = new Random(11);
        Expected expected = new Expected();
        Manifest.FileEntry entry;
        try (SequentialWriter w = SequentialWriter.column(file, "test.mixed", IDENTITY, 5)) {
            for (int i = 0; i < 1_500_000; i++) { // about 7 MiB: seven buffers
                switch (i % 5) {
                    case 0 -> {
                        long v = random.nextLong() & 0xFF_FFFF_FFFFL;
                        w.putPacked(v);
                        expected.littleEndian(v, 5);
                    }
                    case 1 -> {
                        long v = random.nextLong() >>> random.nextInt(64);
                        w.putVarLong(v);
                        expected.varint(v);
                    }
                    case 2 -> {
                        long v = random.nextLong();
                        w.putLong(v);
                        expected.littleEndian(v, 8);
                    }
                    case 3 -> {
                        int v = random.nextInt();
                        w.putInt(v);
                        expected.littleEndian(v, 4);
                    }
                    default -> {
                        int v = random.nextInt(256);
                        w.putByte(v);
                        expected.littleEndian(v, 1);
                    }
                }
                if (i % 400_000 == 0) { // a block larger than one buffer, across buffer ends
                    byte[] block = new byte[(3 << 20) / 2 + i % 7];
                    random.nextBytes(block);
                    w.putBytes(block, 0, block.length);
                    expected.bytes.write(block, 0, block.length);
                }
            }
            entry = w.finish();
        }
        byte[] data = expected.bytes.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(data);
        assertEquals(data.length, entry.dataLength());
        assertEquals((int) crc.getValue(), entry.crc32c());
        try (Arena arena = Arena.ofConfined(); FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            FileHeader header = FileHeader.read(mapped, file, "test.mixed", IDENTITY);
            assertEquals(data.length, header.dataLength());
            assertEquals(5, header.width());
            assertArrayEquals(data, mapped.asSlice(IndexFormat.HEADER_BYTES, data.length).toArray(ValueLayout.JAVA_BYTE));
            assertEquals((int) crc.getValue(), FileHeader.storedChecksum(mapped));
        }
    }

    /** The bytes the file's data should hold, laid out without the writer. */
    private static final class Expected {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void littleEndian(long v, int width) {
            byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
            bytes.write(b, 0, width);
        }

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                bytes.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            bytes.write((int) v);
        }
    }
}

package org.hprofdiff.index.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small results kept in an index directory: bytes decoded by hand, and every way a blob can stop being trusted. */
class BlobDirectoryTest {
    private static final byte[] DUMP = digest(1);
    private static final String NAME = "row paths of class java.util.HashMap$Node[] (app loader) / ünïcode";

    @TempDir
    Path dir;

    private static byte[] digest(int seed) {
        byte[] d = new byte[16];
        Arrays.fill(d, (byte) seed);
        return d;
    }

    private BlobDirectory blobs() {
        return new BlobDirectory(dir.resolve("blobs"), "row paths", DUMP);
    }

    @Test
    void aBlobIsTheIndexHeaderItsBytesAndAFooterWithTheirChecksum() throws Exception {
        byte[] data = "three paths".getBytes(StandardCharsets.UTF_8);
        blobs().write(NAME, data);
        List<Path> files = blobs().files();
        assertEquals(1, files.size());
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(files.getFirst())).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(64 + data.length + 16, b.capacity());
        assertEquals("HDIX", new String(b.array(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals("row paths", new String(b.array(), 8, 9, StandardCharsets.US_ASCII));
        assertEquals(0, b.get(8 + 9), "the kind is NUL-padded");
        assertArrayEquals(DUMP, Arrays.copyOfRange(b.array(), 24, 40));
        assertEquals(data.length, b.getLong(40));
        assertArrayEquals(data, Arrays.copyOfRange(b.array(), 64, 64 + data.length));
        int footer = 64 + data.length;
        assertEquals("HDFT", new String(b.array(), footer, 4, StandardCharsets.US_ASCII));
        CRC32C crc = new CRC32C();
        crc.update(data);
        assertEquals((int) crc.getValue(), b.getInt(footer + 4));
        assertEquals(data.length, b.getLong(footer + 8));
        assertArrayEquals(data, blobs().read(NAME));
        assertEquals(List.of(), blobs().problems());
    }

    @Test
    void writingAgainReplacesAndLeavesNoTemporaryFile() throws Exception {
        blobs().write(NAME, new byte[] {1, 2, 3});
        blobs().write(NAME, new byte[] {4});
        blobs().write("another row", new byte[0]);
        assertArrayEquals(new byte[] {4}, blobs().read(NAME));
        assertArrayEquals(new byte[0], blobs().read("another row"));
        try (var all = Files.list(dir.resolve("blobs"))) {
            assertEquals(2, all.count(), "two blobs, nothing else");
        }
    }

    @Test
    void temporaryFilesOfKilledWritesAreRemovedOnceOld() throws Exception {
        blobs().write(NAME, new byte[] {1});
        Path stored = blobs().files().getFirst();
        Path old = stored.resolveSibling(stored.getFileName() + Commit.TEMP_MARK + "123-abc");
        Path fresh = stored.resolveSibling(stored.getFileName() + Commit.TEMP_MARK + "456-def");
        Files.write(old, new byte[10]);
        Files.write(fresh, new byte[10]);
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000));
        assertEquals(List.of(stored), blobs().files(), "temporary files are not blobs");
        blobs().write("another row", new byte[] {2});
        assertTrue(Files.notExists(old), "two hours old: a killed write's");
        assertTrue(Files.exists(fresh), "may be another run's write in progress");
    }

    @Test
    void nothingStoredReadsAsAbsent() throws Exception {
        assertNull(blobs().read(NAME));
        assertEquals(List.of(), blobs().files());
        assertEquals(List.of(), blobs().problems());
    }

    @Test
    void aBlobCutShortOrChangedIsNotTrusted() throws Exception {
        blobs().write(NAME, "some paths".getBytes(StandardCharsets.UTF_8));
        Path file = blobs().files().getFirst();
        byte[] whole = Files.readAllBytes(file);
        for (int cut : new int[] {0, 10, 63, 64, 70, whole.length - 16, whole.length - 1}) {
            Files.write(file, Arrays.copyOf(whole, cut));
            assertNull(blobs().read(NAME), "cut at " + cut);
            assertEquals(1, blobs().problems().size(), "cut at " + cut);
        }
        byte[] changed = whole.clone();
        changed[66] ^= 1;
        Files.write(file, changed);
        assertNull(blobs().read(NAME));
        assertTrue(blobs().problems().getFirst().contains("CRC32C"), blobs().problems()::toString);
    }

    @Test
    void anotherDumpsOrKindsBlobIsNotTrusted() throws Exception {
        blobs().write(NAME, new byte[] {7});
        assertNull(new BlobDirectory(dir.resolve("blobs"), "row paths", digest(2)).read(NAME));
        assertNull(new BlobDirectory(dir.resolve("blobs"), "other kind", DUMP).read(NAME));
        assertArrayEquals(new byte[] {7}, blobs().read(NAME));
    }
}

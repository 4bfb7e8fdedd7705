package org.hprofdiff.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.hprofdiff.index.testing.Residency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass over a mapped file with the prefetcher: the bytes read are the file's, and with drop-behind the pages the
 * consumer has left behind are out of the page cache (the kernel's own residency bits, {@code mincore}), while
 * without it they stay.
 */
class PrefetcherTest {
    private static final int MIB = 1 << 20;
    private static final long SIZE = 64L * MIB;
    private static final Prefetcher.Distances SMALL = new Prefetcher.Distances(MIB, 8L * MIB, 8L * MIB);

    @TempDir
    Path dir;

    @Test
    void pagesLeftBehindAreDroppedOnlyWhenAskedAndEveryByteReadsTheSame() throws Throwable {
        assumeTrue(Prefetcher.works(), "no native access on Linux: the prefetcher does nothing");
        Path file = dir.resolve("dump.bin");
        long expected = write(file);
        try (Arena arena = Arena.ofShared(); FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, SIZE, arena);
            assertEquals(expected, consume(file, mapped, null));
            assertTrue(Residency.residentShare(mapped, 32L * MIB) > 0.9, "kept: " + Residency.residentShare(mapped, 32L * MIB));
            assertEquals(expected, consume(file, mapped, mapped));
            double left = Residency.residentShare(mapped, 32L * MIB);
            assertTrue(left < 0.1, "the first half should be out of the page cache: " + left + " resident");
            assertFalse(Residency.residentShare(mapped.asSlice(SIZE - MIB), MIB) < 0.5, "the last pages read stay");
        }
    }

    /** Random bytes, forced to disk so that their pages are clean (dirty pages cannot be dropped); returns their sum. */
    private static long write(Path file) throws Exception {
        Random random = new Random(7);
        long sum = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] block = new byte[MIB];
            for (long at = 0; at < SIZE; at += MIB) {
                random.nextBytes(block);
                for (byte b : block) sum += b;
                out.write(ByteBuffer.wrap(block));
            }
            out.force(true);
        }
        return sum;
    }

    /** Reads every byte in order, telling the prefetcher how far it got each MiB; returns their sum. */
    private static long consume(Path file, MemorySegment mapped, MemorySegment dropBehind) throws Exception {
        long sum = 0;
        try (Prefetcher p = Prefetcher.start(file, SIZE, 0, dropBehind, SMALL)) {
            for (long at = 0; at < SIZE; at++) {
                sum += mapped.get(ValueLayout.JAVA_BYTE, at);
                if ((at & (MIB - 1)) == MIB - 1) {
                    p.consumedUpTo(at + 1);
                    Thread.sleep(10); // the prefetcher's thread looks every 5 ms
                }
            }
        }
        return sum;
    }
}

package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items read ahead with O_DIRECT hold the file's bytes where the file has them, whatever their alignment, however
 * they are grouped into buffers, with more items than buffers and several consumers; items that cannot be read
 * (longer than a buffer, empty, past the end) come back null for the mapping to read. Needs a file system with
 * O_DIRECT (skipped on tmpfs).
 */
class DirectSpansTest {
    @TempDir Path dir;

    @Test
    void itemsHoldTheFilesBytesAtTheirOffsets() throws Exception {
        Random random = new Random(7);
        byte[] content = new byte[(40 << 20) + 1234]; // ends inside a block
        random.nextBytes(content);
        Path file = Files.write(dir.resolve("data.bin"), content);
        assumeTrue(DirectSpans.possible(file), "no O_DIRECT on " + dir);

        // items in increasing order: unaligned starts and ends, adjacent ones (grouped), gaps, one longer than a
        // buffer, an empty one, the file's last bytes, and one past the end
        List<long[]> items = new ArrayList<>();
        long at = 3;
        while (at < 30L << 20) {
            long length = 1 + random.nextInt(3 << 20);
            items.add(new long[] {at, at + length});
            at += length + (random.nextBoolean() ? 0 : random.nextInt(9000));
        }
        int tooLong = items.size();
        items.add(new long[] {at, at + DirectSpans.BUFFER_BYTES + 1});
        at += DirectSpans.BUFFER_BYTES + 1;
        int empty = items.size();
        items.add(new long[] {at, at});
        items.add(new long[] {content.length - 5000, content.length});
        int pastEnd = items.size();
        items.add(new long[] {content.length - 10, content.length + 10});
        long[] starts = items.stream().mapToLong(i -> i[0]).toArray();
        long[] ends = items.stream().mapToLong(i -> i[1]).toArray();

        AtomicInteger next = new AtomicInteger();
        List<String> problems = new ArrayList<>();
        int[] read = new int[1];
        try (DirectSpans spans = DirectSpans.start(file, content.length, starts, ends, 3)) {
            assertNotNull(spans);
            Runnable consumer = () -> {
                int i;
                while ((i = next.getAndIncrement()) < starts.length) {
                    DirectSpans.Window w = spans.acquire(i);
                    try {
                        boolean expectRead = i != tooLong && i != empty && i != pastEnd;
                        if ((w != null) != expectRead) {
                            synchronized (problems) { problems.add("item " + i + " read: " + (w != null)); }
                            continue;
                        }
                        if (w == null) continue;
                        synchronized (problems) { read[0]++; }
                        for (long p = starts[i]; p < ends[i]; p++) {
                            if (w.bytes().get(ValueLayout.JAVA_BYTE, p - w.fileStart()) != content[(int) p]) {
                                synchronized (problems) { problems.add("item " + i + " byte " + p); }
                                break;
                            }
                        }
                    } finally {
                        spans.release(i);
                    }
                }
            };
            Thread other = Thread.ofPlatform().start(consumer);
            consumer.run();
            other.join();
            // once the reader has ended, an item it never read does not keep its consumer waiting
            assertNull(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> spans.acquire(starts.length)));
        }
        assertEquals(List.of(), problems);
        assertEquals(starts.length - 3, read[0]);
        assertTrue(starts.length > 20, "items: " + starts.length);
    }

    @Test
    void closedWhileTheReaderWaitsForABufferNothingWaits() throws Exception {
        Path file = Files.write(dir.resolve("small.bin"), new byte[1 << 20]);
        assumeTrue(DirectSpans.possible(file), "no O_DIRECT on " + dir);
        // two items a gap apart (not read together) and one buffer: the reader waits for item 0's buffer
        DirectSpans spans = DirectSpans.start(file, 1 << 20, new long[] {0, 65536}, new long[] {4096, 69632}, 1);
        assertNotNull(spans);
        assertNotNull(spans.acquire(0));
        assertTimeoutPreemptively(Duration.ofSeconds(30), spans::close, "close stops the reader waiting for a buffer");
        assertNull(spans.acquire(1), "never read: the mapping reads it");
    }
}

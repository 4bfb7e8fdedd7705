package org.hprofdiff.index.analysis.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffHeapTest {
    @TempDir
    Path dir;

    @Test
    void memoryBudgetSpillsToDeletedFiles() throws Exception {
        try (Scratch scratch = Scratch.preferMemory(dir, 1 << 20)) {
            Scratch.Allocation small = scratch.allocate(512 << 10);
            assertEquals(512 << 10, scratch.memoryInUse());
            try (LongArray big = scratch.longs(1 << 18)) { // 2 MiB: over the budget, so a mapped file
                assertEquals(512 << 10, scratch.memoryInUse());
                big.set((1 << 18) - 1, 42);
                assertEquals(42, big.get((1 << 18) - 1));
                assertEquals(0, big.get(7), "fresh scratch reads as zero");
                try (var files = Files.list(dir)) {
                    assertEquals(0, files.count(), "scratch files are deleted as soon as they are mapped");
                }
            }
            small.close();
            assertEquals(0, scratch.memoryInUse());
        }
    }

    @Test
    void narrowArraysHoldUnsigned32BitValuesAndWideOnesMore() {
        try (Scratch scratch = Scratch.inMemory(); NodeArray narrow = scratch.nodes(3, false); NodeArray wide = scratch.nodes(3, true)) {
            narrow.set(2, NodeArray.NARROW_MAX);
            assertEquals(0xFFFF_FFFFL, narrow.get(2), "no sign extension");
            assertTrue(NodeArray.needsWide(NodeArray.NARROW_MAX + 1));
            assertFalse(NodeArray.needsWide(NodeArray.NARROW_MAX));
            wide.set(1, 5_000_000_000L);
            assertEquals(5_000_000_000L, wide.get(1));
            narrow.fill(7);
            assertEquals(7, narrow.get(0));
        }
    }

    @Test
    void bitsAndGrowingStack() {
        try (Scratch scratch = Scratch.inMemory(); Bits bits = scratch.bits(200); LongStack stack = new LongStack(scratch, 2)) {
            bits.set(63);
            bits.set(64);
            bits.set(199);
            assertTrue(bits.get(63) && bits.get(64) && bits.get(199));
            assertFalse(bits.get(62) || bits.get(65) || bits.get(0));
            for (long i = 0; i < 100_000; i++) stack.push(i * 3);
            assertEquals(100_000, stack.size());
            for (long i = 99_999; i >= 0; i--) assertEquals(i * 3, stack.pop());
            assertTrue(stack.isEmpty());
        }
    }
}

package org.hprofdiff.index.graph.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hprofdiff.index.testing.Residency;
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
            try (NodeArray sequential = scratch.nodes(1024, false, Scratch.Placement.FILE)) { // asked for a file though memory is left
                assertEquals(512 << 10, scratch.memoryInUse());
                sequential.set(1023, 7);
                assertEquals(7, sequential.get(1023));
            }
            small.close();
            assertEquals(0, scratch.memoryInUse());
        }
    }

    @Test
    void anArrayReadAtRandomGoesBeyondTheBudgetOnlyWhileTheMachineKeepsItsReserve() {
        long[] available = {64 << 20};
        try (Scratch scratch = Scratch.withAvailableMemory(dir, 1 << 20, () -> available[0], 16 << 20)) {
            // 8 MiB over a 1 MiB budget: 64 MiB available leaves more than the 16 MiB reserve, so memory
            try (NodeArray random = scratch.nodes(2 << 20, false, Scratch.Placement.MEMORY_WHILE_AVAILABLE)) {
                assertEquals(8 << 20, scratch.memoryInUse());
                random.set((2 << 20) - 1, 9);
                assertEquals(9, random.get((2 << 20) - 1));
                try (NodeArray budgeted = scratch.nodes(2 << 20, false, Scratch.Placement.BUDGET)) {
                    assertEquals(8 << 20, scratch.memoryInUse(), "the budget still holds for everything else");
                }
            }
            // given back, its 8 MiB stay mapped for reuse: taking them again costs the machine nothing more
            available[0] = 16 << 20;
            try (NodeArray again = scratch.nodes(2 << 20, false, Scratch.Placement.MEMORY_WHILE_AVAILABLE)) {
                assertEquals(8 << 20, scratch.memoryInUse());
            }
            available[0] = 12 << 20; // the machine is under the 16 MiB reserve already: a mapped file
            try (NodeArray random = scratch.nodes(2 << 20, false, Scratch.Placement.MEMORY_WHILE_AVAILABLE)) {
                assertEquals(0, scratch.memoryInUse());
                random.set(5, 1);
                assertEquals(1, random.get(5));
            }
            available[0] = -1; // the system does not say: the budget alone decides
            try (NodeArray random = scratch.nodes(2 << 20, false, Scratch.Placement.MEMORY_WHILE_AVAILABLE)) {
                assertEquals(0, scratch.memoryInUse());
            }
        }
    }

    @Test
    void aPooledArrayIsReusedPastTheBudgetSinceItCostsNothingMore() {
        try (Scratch scratch = Scratch.withAvailableMemory(dir, 10 << 20, () -> 1L << 40, 0)) {
            Scratch.Allocation a = scratch.allocate(8 << 20, Scratch.Placement.MEMORY_WHILE_AVAILABLE);
            Scratch.Allocation b = scratch.allocate(6 << 20, Scratch.Placement.MEMORY_WHILE_AVAILABLE); // past the budget
            assertEquals(14 << 20, scratch.memoryInUse());
            a.segment().set(java.lang.foreign.ValueLayout.JAVA_LONG, (5 << 20) - 8, 77);
            a.close(); // kept mapped for reuse
            assertEquals(6 << 20, scratch.memoryInUse());
            try (Scratch.Allocation c = scratch.allocate(5 << 20)) { // 6 + 5 MiB over the 10 MiB budget, but 8 MiB pooled fit
                assertTrue(c.inMemory(), "the pooled array, not a file");
                assertEquals(14 << 20, scratch.memoryInUse());
                assertEquals(0, c.segment().get(java.lang.foreign.ValueLayout.JAVA_LONG, (5 << 20) - 8), "cleared for reuse");
            }
            try (Scratch.Allocation d = scratch.allocate(9 << 20)) { // nothing pooled fits 9 MiB: the budget decides
                assertFalse(d.inMemory());
            }
            b.close();
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

    @Test
    void packedArraysHoldEveryWidthWithoutTouchingNeighbours() {
        try (Scratch scratch = Scratch.inMemory()) {
            for (int width = 1; width <= 8; width++) {
                long max = width == 8 ? -1L : (1L << (8 * width)) - 1;
                int n = 37;
                PackedArray a = new PackedArray(scratch.allocate(PackedArray.bytes(n, width)).segment(), n, width);
                for (int i = 0; i < n; i++) a.set(i, i % 3 == 0 ? max : i * 0x0102_0304_0506_0708L & max);
                for (int i = 0; i < n; i++) {
                    assertEquals(i % 3 == 0 ? max : i * 0x0102_0304_0506_0708L & max, a.get(i), "width " + width + ", entry " + i);
                }
                a.set(5, 0);
                assertEquals(0, a.get(5));
                assertEquals(4 * 0x0102_0304_0506_0708L & max, a.get(4), "width " + width + ": the entry before is unchanged");
                assertEquals(max, a.get(6), "width " + width + ": the entry after is unchanged");
            }
            assertEquals(4, PackedArray.widthFor(700_000_001L), "an ordinal of a 700-million-object dump");
            assertEquals(5, PackedArray.widthFor(5_000_000_000L));
            assertEquals(1, PackedArray.widthFor(0));
        }
    }

    /**
     * A sparse array takes pages only where it is touched (the kernel's residency bits, after a wait long enough for
     * a populating thread to have faulted much of it), reads as zero, and is neither taken from the pool (a pooled
     * array would be cleared whole) nor put in it when given back.
     */
    @Test
    void aSparseArrayTakesPagesOnlyWhereTouchedAndIsNeverPooled() throws Throwable {
        assumeTrue(NativeMemory.mapsItsOwn(), "no native access on Linux: arrays come from Arena.allocate");
        long bytes = 64L << 20;
        try (Scratch scratch = Scratch.inMemory()) {
            long pooledAddress;
            try (LongArray pooled = scratch.longs(bytes / 8)) { // given back to the pool
                pooledAddress = pooled.address();
            }
            try (Scratch.Allocation sparse = scratch.allocateSparse(bytes)) {
                MemorySegment s = sparse.segment();
                assertTrue(s.address() != pooledAddress, "not the pooled array");
                s.set(ValueLayout.JAVA_LONG, 8 * 12_345, 7);
                s.set(ValueLayout.JAVA_LONG, bytes - 8, 9);
                for (long at = 0; at < bytes; at += 1 << 20) assertEquals(0, s.get(ValueLayout.JAVA_LONG, at), "zero at " + at);
                Thread.sleep(300); // a populating thread would have faulted in much of it by now
                double share = Residency.residentShare(s, bytes);
                assertTrue(share < 0.01, "share of its pages in memory: " + share);
                assertEquals(7, s.get(ValueLayout.JAVA_LONG, 8 * 12_345));
                assertEquals(9, s.get(ValueLayout.JAVA_LONG, bytes - 8));
            }
            assertEquals(0, scratch.memoryInUse());
            assertEquals(bytes, scratch.pooledBytes(), "the pool holds the plain array only");
            try (LongArray again = scratch.longs(bytes / 8)) {
                assertEquals(pooledAddress, again.address(), "the plain array is reused");
            }
            try (NodeArray nodes = scratch.sparseNodes(1 << 20, false); Bits bits = scratch.sparseBits(1L << 26)) {
                nodes.set(100, 5);
                bits.set(100);
                assertEquals(5, nodes.get(100));
                assertEquals(0, nodes.get(101));
                assertTrue(bits.get(100) && !bits.get(101));
            }
        }
    }

    @Test
    void largeArraysGivenBackAreReusedZeroed() {
        try (Scratch scratch = Scratch.inMemory()) {
            long address;
            try (LongArray first = scratch.longs(1 << 20)) { // 8 MiB: a mapping of its own
                first.fill(-1);
                address = first.address();
            }
            assertEquals(0, scratch.memoryInUse());
            try (LongArray again = scratch.longs(3 << 18)) { // 6 MiB fits in the 8 given back
                assertEquals(address, again.address(), "the mapping given back is handed out again");
                for (long i = 0; i < again.length(); i += 4099) assertEquals(0, again.get(i), "reused memory reads as zero at " + i);
                assertEquals(8 << 20, scratch.memoryInUse(), "the whole reused mapping counts as in use");
                try (LongArray other = scratch.longs(1 << 20)) {
                    assertTrue(other.address() != address, "a mapping in use is not handed out twice");
                }
            }
        }
    }
}

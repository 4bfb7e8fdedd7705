package org.hprofdiff.index.graph.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.SplittableRandom;
import org.hprofdiff.index.testing.Residency;
import org.junit.jupiter.api.Test;

/**
 * Fresh native arrays are faulted in on the populating thread (the kernel's residency bits, {@code mincore}, with the
 * test touching nothing), populating changes none of the values the owner writes meanwhile, and once stopped it
 * populates no more (what makes unmapping safe).
 */
class PrefaultTest {
    private static final long MIB = 1 << 20;

    @Test
    void aFreshArrayIsFaultedInWithoutBeingTouched() throws Throwable {
        assumeTrue(NativeMemory.mapsItsOwn(), "no native access on Linux: arrays come from Arena.allocate");
        try (Arena arena = Arena.ofShared()) {
            MemorySegment array = NativeMemory.allocate(arena, 64 * MIB);
            double share = 0;
            for (int i = 0; i < 500 && share < 1; i++) {
                share = Residency.residentShare(array, 64 * MIB);
                if (share < 1) Thread.sleep(10);
            }
            assertEquals(1.0, share, "share of the array's pages in memory");
            for (long at = 0; at < 64 * MIB; at += 4096) assertEquals(0, array.get(ValueLayout.JAVA_LONG, at), "zero at " + at);
        }
    }

    @Test
    void valuesWrittenWhilePopulatingStay() throws Throwable {
        assumeTrue(NativeMemory.mapsItsOwn(), "no native access on Linux: arrays come from Arena.allocate");
        long longs = 256 * MIB / 8;
        try (Arena arena = Arena.ofShared()) {
            MemorySegment array = NativeMemory.allocate(arena, longs * 8);
            SplittableRandom random = new SplittableRandom(7);
            long[] at = new long[200_000];
            for (int i = 0; i < at.length; i++) { // from the far end, ahead of the populating thread
                at[i] = longs - 1 - random.nextLong(longs);
                array.setAtIndex(ValueLayout.JAVA_LONG, at[i], at[i] * 31 + 1);
            }
            for (int i = 0; i < 500 && Residency.residentShare(array, longs * 8) < 1; i++) Thread.sleep(10);
            for (long i : at) assertEquals(i * 31 + 1, array.getAtIndex(ValueLayout.JAVA_LONG, i), "value at " + i);
        }
    }

    @Test
    void aStoppedJobPopulatesNoMore() throws Throwable {
        assumeTrue(NativeMemory.mapsItsOwn(), "no native access on Linux: arrays come from Arena.allocate");
        Linker linker = Linker.nativeLinker();
        MethodHandle madvise = linker.downcallHandle(linker.defaultLookup().find("madvise").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofShared()) {
            MemorySegment mapping = arena.allocate(512 * MIB, 4096);
            Prefault.Job job = Prefault.start(mapping, madvise);
            job.stop();
            long stoppedAt = job.populated();
            Thread.sleep(200);
            assertEquals(stoppedAt, job.populated(), "populated after stop()");
            assertTrue(stoppedAt % Prefault.CHUNK == 0 || stoppedAt == mapping.byteSize());
        }
    }
}

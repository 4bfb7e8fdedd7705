package org.hprofdiff.index.testing;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Which pages of a mapping are in memory, as the kernel tells it ({@code mincore}): page cache of a file, or anonymous pages faulted in. */
public final class Residency {
    private static final int PAGE = 4096;

    private Residency() {}

    /** The share of the pages of {@code mapping}'s first {@code bytes} bytes (page-aligned start) that are in memory. */
    public static double residentShare(MemorySegment mapping, long bytes) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle mincore = linker.downcallHandle(linker.defaultLookup().find("mincore").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        int pages = (int) (bytes / PAGE);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment vec = arena.allocate(pages);
            int rc = (int) mincore.invokeExact(mapping, bytes, vec);
            if (rc != 0) throw new IllegalStateException("mincore failed: " + rc);
            int resident = 0;
            for (int i = 0; i < pages; i++) if ((vec.get(ValueLayout.JAVA_BYTE, i) & 1) != 0) resident++;
            return (double) resident / pages;
        }
    }
}

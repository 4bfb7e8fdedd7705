package org.hprofdiff.index.graph.offheap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory the kernel can still give without swapping ({@code MemAvailable} in {@code /proc/meminfo}: free memory
 * plus the page cache and other memory it can reclaim), read when asked, since other processes and the page cache
 * change it all the time.
 */
final class AvailableMemory {
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private AvailableMemory() {}

    /** Bytes available now; -1 when the system does not say (not Linux, or a kernel older than 3.14). */
    static long now() {
        try {
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("MemAvailable:")) return parseKiB(line);
            }
        } catch (IOException | RuntimeException e) {
            // unknown: the caller keeps to its budget
        }
        return -1;
    }

    /** {@code "MemAvailable:   12345678 kB"} → bytes. */
    static long parseKiB(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 3 || !parts[2].equals("kB")) throw new IllegalArgumentException("unexpected /proc/meminfo line: " + line);
        return Long.parseLong(parts[1]) * 1024;
    }
}

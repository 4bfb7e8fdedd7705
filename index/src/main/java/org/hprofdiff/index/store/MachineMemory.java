package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's memory, as the decisions about what lives in native memory and what in the page cache need it:
 * how much there is, and how much the kernel can still give without swapping.
 */
public final class MachineMemory {
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private MachineMemory() {}

    /** The machine's memory in bytes; 0 when the JVM cannot tell. */
    public static long total() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : 0;
    }

    /**
     * Bytes the kernel can give now without swapping ({@code MemAvailable} in {@code /proc/meminfo}: free memory
     * plus the page cache and other memory it can reclaim), read on each call since other processes and the page
     * cache change it all the time; -1 when the system does not say (not Linux, or a kernel older than 3.14).
     */
    public static long available() {
        try {
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("MemAvailable:")) return parseKiB(line);
            }
        } catch (IOException | RuntimeException e) {
            // unknown: callers keep to their budgets
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

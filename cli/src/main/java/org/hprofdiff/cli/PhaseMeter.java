package org.hprofdiff.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a phase cost, for {@code --verbose}: its wall time, the Java heap's peak during it (the heap pools' peak
 * usage, reset when the phase begins: an upper bound, garbage included) and the process's resident memory when it
 * ended (Linux {@code /proc/self/status}; it counts the mapped dump and index pages the phase touched, which are
 * page cache). As hprof-analyzer's {@code -v} prints them: {@code pass 1: 5.97 s, heap 120 MB, RSS 719 MB}.
 */
public final class PhaseMeter {
    private static final Path STATUS = Path.of("/proc/self/status");
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
    private long started;

    /** A phase begins now. */
    public void start() {
        started = System.nanoTime();
        for (MemoryPoolMXBean p : heapPools) {
            try {
                p.resetPeakUsage();
            } catch (RuntimeException e) {
                // a pool that cannot reset reports its peak since the start: still an upper bound
            }
        }
    }

    /** The phase's cost, as one line's text after its name. */
    public String end() {
        double seconds = (System.nanoTime() - started) / 1e9;
        long heap = 0;
        for (MemoryPoolMXBean p : heapPools) {
            try {
                heap += p.getPeakUsage().getUsed();
            } catch (RuntimeException e) {
                // an invalid pool counts nothing
            }
        }
        long rss = residentKiB();
        return String.format(Locale.ROOT, "%.2f s, heap %d MB", seconds, heap >> 20) + (rss < 0 ? "" : ", RSS " + (rss >> 10) + " MB");
    }

    /** VmRSS in KiB, -1 where there is no /proc. */
    static long residentKiB() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no RSS
        }
        return -1;
    }
}

package org.hprofdiff.index.graph.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident set size of this process, from /proc (Linux). */
final class Rss {
    private Rss() {}

    static String peak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MB";
            }
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}

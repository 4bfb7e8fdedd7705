package org.hprofdiff.core.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a test file in each way the reader offers and splits what an {@link EventLog} saw. */
final class Reads {
    private Reads() {}

    private static final Set<String> TOP_LEVEL = Set.of("string", "loadClass", "stackFrame", "stackTrace", "startThread");

    enum Mode {
        /** {@link HprofReader#read}: one visitor, file order. */
        SEQUENTIAL,
        /** {@link HprofReader#readParallel} on 3 threads: heap lines from all visitors, order not defined. */
        PARALLEL
    }

    /** @param heap heap lines; in file order for SEQUENTIAL, sorted for PARALLEL */
    record Outcome(List<String> top, List<String> heap, ReadResult result) {
        List<String> objects() {
            return heap.stream().filter(e -> e.startsWith("instance") || e.contains("Array ")).toList();
        }
    }

    static Outcome read(Path file, Mode mode) throws Exception {
        return read(file, mode, 1);
    }

    static Outcome read(Path file, Mode mode, int dump) throws Exception {
        try (HprofFile f = HprofFile.open(file)) {
            HprofReader reader = new HprofReader(f, new HprofReader.Options(dump));
            if (mode == Mode.SEQUENTIAL) {
                EventLog log = new EventLog();
                ReadResult result = reader.read(log);
                List<String> top = new ArrayList<>(), heap = new ArrayList<>();
                for (String e : log.events) (TOP_LEVEL.contains(e.split(" ")[0]) ? top : heap).add(e);
                return new Outcome(top, heap, result);
            }
            EventLog top = new EventLog();
            ParallelRead<EventLog> read = reader.readParallel(3, top, EventLog::new);
            List<String> heap = new ArrayList<>();
            read.visitors().forEach(v -> heap.addAll(v.events));
            heap.sort(null);
            return new Outcome(top.events, heap, read.result());
        }
    }

    /** {@code lines} as {@link Outcome#heap} holds them for {@code mode}. */
    static List<String> inModeOrder(List<String> lines, Mode mode) {
        return mode == Mode.SEQUENTIAL ? lines : lines.stream().sorted().toList();
    }
}

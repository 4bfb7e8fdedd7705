package org.hprofdiff.testdata.synth;

/**
 * How one heap dump is laid out in the file: framing, segment size, the order of objects, where class dumps
 * and roots go, whether whole segments are shuffled.
 *
 * @param parallelRuns    for {@link ObjectOrder#PARALLEL_RUNS}: how many dumper threads to imitate
 * @param classDumpsLast  class dumps and roots after all objects, so instances precede their class's dump
 *                        (as in JDK 22+ parallel dumps, design §4)
 * @param threadRecords   also write START_THREAD records (the old hprof agent did; HotSpot does not)
 */
public record Layout(HprofWriter.HeapFraming framing, int segmentBodyLimit, ObjectOrder objectOrder,
                     int parallelRuns, boolean classDumpsLast, boolean shuffleSegments, long seed,
                     boolean threadRecords) {

    public enum ObjectOrder {
        /** Ascending id, as a serial HotSpot dump of a compacted heap. */
        ADDRESS,
        /** Creation order. */
        CREATION,
        /** A seeded random permutation. */
        SHUFFLED,
        /** Address-ordered blocks dealt to {@code parallelRuns} dumpers, concatenated dumper by dumper. */
        PARALLEL_RUNS
    }

    /** A serial HotSpot dump: 1 MiB segments, address order, classes and roots first. */
    public static Layout hotspot() {
        return new Layout(HprofWriter.HeapFraming.SEGMENTS, HprofWriter.HOTSPOT_SEGMENT_BODY_LIMIT,
                ObjectOrder.ADDRESS, 1, false, false, 0, false);
    }

    /** A JDK 22+ parallel dump: interleaved address-ordered runs, class dumps after instances. */
    public static Layout parallel(int runs, long seed) {
        return new Layout(HprofWriter.HeapFraming.SEGMENTS, HprofWriter.HOTSPOT_SEGMENT_BODY_LIMIT,
                ObjectOrder.PARALLEL_RUNS, runs, true, false, seed, false);
    }

    /** The old hprof agent / Android: one HEAP_DUMP record per dump, START_THREAD records. */
    public static Layout singleRecord() {
        return new Layout(HprofWriter.HeapFraming.HEAP_DUMP, HprofWriter.HOTSPOT_SEGMENT_BODY_LIMIT,
                ObjectOrder.ADDRESS, 1, false, false, 0, true);
    }

    public Layout withSegmentBodyLimit(int limit) {
        return new Layout(framing, limit, objectOrder, parallelRuns, classDumpsLast, shuffleSegments, seed,
                threadRecords);
    }

    public Layout withObjectOrder(ObjectOrder order, long orderSeed) {
        return new Layout(framing, segmentBodyLimit, order, parallelRuns, classDumpsLast, shuffleSegments,
                orderSeed, threadRecords);
    }

    public Layout withClassDumpsLast(boolean last) {
        return new Layout(framing, segmentBodyLimit, objectOrder, parallelRuns, last, shuffleSegments, seed,
                threadRecords);
    }

    public Layout withShuffledSegments(boolean shuffle) {
        return new Layout(framing, segmentBodyLimit, objectOrder, parallelRuns, classDumpsLast, shuffle, seed,
                threadRecords);
    }

    public Layout withThreadRecords(boolean write) {
        return new Layout(framing, segmentBodyLimit, objectOrder, parallelRuns, classDumpsLast, shuffleSegments,
                seed, write);
    }
}

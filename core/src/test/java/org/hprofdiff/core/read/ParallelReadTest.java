package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hprofdiff.testdata.synth.DumpFiles;
import org.hprofdiff.testdata.synth.HeapOptions;
import org.hprofdiff.testdata.synth.Layout;
import org.hprofdiff.testdata.synth.SyntheticHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel API's promises: plans at the right offsets, ordering, one visitor per thread, errors, fallbacks. */
class ParallelReadTest {
    @TempDir Path dir;

    @Test
    void planHoldsTheChosenDumpsRecordsAtTheirOffsets() throws Exception {
        Path file = Files.write(dir.resolve("tiny.hprof"), TinyDump.bytes());
        try (HprofFile f = HprofFile.open(file)) {
            EventLog top = new EventLog();
            HeapPlan plan = new HprofReader(f).plan(top);
            // TinyDump: segments at 84 (166 bytes) and 259 (58 bytes)
            assertEquals(List.of(new HeapRecordRange(84, 166, false), new HeapRecordRange(259, 58, false)), plan.ranges());
            assertEquals(84 + 9 + 166, plan.ranges().get(0).end());
            assertEquals(9 + 166 + 9 + 58, plan.heapBytes());
            assertEquals(TinyDump.TOP_LINES, top.events);
            assertEquals(2, plan.walk().heapRecordCount());

            // each range on its own, as the index's second pass reads them
            HprofReader reader = new HprofReader(f);
            EventLog first = new EventLog(true), second = new EventLog(true);
            assertEquals(List.of(), reader.readRange(plan.ranges().get(0), first));
            assertEquals(List.of(), reader.readRange(plan.ranges().get(1), second));
            List<String> expectedFirst = new ArrayList<>(List.of("heapRecord 84 166"));
            expectedFirst.addAll(TinyDump.HEAP_LINES.subList(0, 4));
            assertEquals(expectedFirst, first.events);
            List<String> expectedSecond = new ArrayList<>(List.of("heapRecord 259 58"));
            expectedSecond.addAll(TinyDump.HEAP_LINES.subList(4, 6));
            assertEquals(expectedSecond, second.events);

            // the same plan read twice gives the same objects
            for (int i = 0; i < 2; i++) {
                ParallelRead<EventLog> read = reader.readHeap(plan, 2, EventLog::new);
                List<String> all = new ArrayList<>();
                read.visitors().forEach(v -> all.addAll(v.events));
                Collections.sort(all);
                assertEquals(TinyDump.HEAP_LINES.stream().sorted().toList(), all);
            }
        }
    }

    /** Stamps each callback with a global sequence number: which came first across threads. */
    static final class Stamping implements HprofVisitor {
        static final AtomicLong clock = new AtomicLong();
        long firstStamp = Long.MAX_VALUE, lastStamp = -1;
        final List<Long> recordOffsets = new ArrayList<>();
        String threadName;
        long objects;

        void stamp() {
            long t = clock.incrementAndGet();
            firstStamp = Math.min(firstStamp, t);
            lastStamp = Math.max(lastStamp, t);
        }

        @Override public void string(long id, HprofInput in, long utf8Pos, int utf8Length) { stamp(); }
        @Override public void loadClass(int classSerial, long classId, int stackSerial, long nameId) { stamp(); }
        @Override public void heapRecord(long offset, long length) {
            stamp();
            recordOffsets.add(offset);
            String name = Thread.currentThread().getName();
            if (threadName == null) threadName = name;
            else assertEquals(threadName, name, "a visitor is used by one thread only");
        }
        @Override public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) { stamp(); objects++; }
    }

    @Test
    void topLevelRecordsComeFirstAndEachVisitorSeesWholeRecordsInFileOrder() throws Exception {
        SyntheticHeap heap = SyntheticHeapReadTest.smallHeap(HeapOptions.hotspot64(), 5000);
        Path file = dir.resolve("many.hprof");
        heap.writeTo(file, Layout.hotspot().withSegmentBodyLimit(1024), DumpFiles.Compression.NONE);
        try (HprofFile f = HprofFile.open(file)) {
            Stamping top = new Stamping();
            ParallelRead<Stamping> read = new HprofReader(f).readParallel(4, top, Stamping::new);
            assertEquals(4, read.visitors().size());
            long heapStart = read.visitors().stream().mapToLong(v -> v.firstStamp).min().orElseThrow();
            assertTrue(top.lastStamp < heapStart, "every top-level callback before any heap callback");
            List<Long> allOffsets = new ArrayList<>();
            long instances = 0;
            for (Stamping v : read.visitors()) {
                List<Long> sorted = new ArrayList<>(v.recordOffsets);
                Collections.sort(sorted);
                assertEquals(sorted, v.recordOffsets, "increasing file order within a visitor");
                allOffsets.addAll(v.recordOffsets);
                instances += v.objects;
            }
            Collections.sort(allOffsets);
            HeapPlan plan = new HprofReader(f).plan(new HprofVisitor() {});
            assertEquals(plan.ranges().stream().map(HeapRecordRange::offset).toList(), allOffsets, "every record once");
            assertEquals(read.result().heapRecordCount(), plan.ranges().size());
            assertTrue(plan.ranges().size() > 50, "many segments: " + plan.ranges().size());
            assertEquals(heap.truth().count(org.hprofdiff.testdata.synth.ObjectKind.INSTANCE), instances);
        }
    }

    @Test
    void readWithoutThePageCacheTheHeapIsTheSame() throws Exception {
        SyntheticHeap heap = SyntheticHeapReadTest.smallHeap(HeapOptions.hotspot64(), 20000);
        Path file = dir.resolve("direct.hprof");
        heap.writeTo(file, Layout.hotspot().withSegmentBodyLimit(3000), DumpFiles.Compression.NONE);
        assumeTrue(DirectSpans.possible(file), "no O_DIRECT on " + dir);
        try (HprofFile f = HprofFile.open(file)) {
            ClassNameCollector names = new ClassNameCollector();
            ParallelRead<HistogramVisitor> read = new HprofReader(f, new HprofReader.Options(1, true)).readParallel(3, names, HistogramVisitor::new);
            HistogramVisitor all = new HistogramVisitor();
            read.visitors().forEach(all::addAll);
            SyntheticHeapReadTest.assertMatches(heap.truth(), new SyntheticHeapReadTest.Counted(all, names.countsByName(all), read.result()));
        }
    }

    @Test
    void aVisitorsExceptionReachesTheCaller() throws Exception {
        SyntheticHeap heap = SyntheticHeapReadTest.smallHeap(HeapOptions.hotspot64(), 3000);
        Path file = dir.resolve("boom.hprof");
        heap.writeTo(file, Layout.hotspot().withSegmentBodyLimit(1024), DumpFiles.Compression.NONE);
        IllegalStateException boom = new IllegalStateException("visitor failed");
        AtomicLong seen = new AtomicLong();
        try (HprofFile f = HprofFile.open(file)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new HprofReader(f).readParallel(3, new HprofVisitor() {},
                    () -> new HprofVisitor() {
                        @Override public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) {
                            if (seen.incrementAndGet() == 1000) throw boom;
                        }
                    }));
            assertSame(boom, thrown);
        }
    }

    @Test
    void oneHeapDumpRecordIsOneRangeAndGzipIsReadSequentially() throws Exception {
        SyntheticHeap heap = SyntheticHeapReadTest.smallHeap(HeapOptions.ids4(), 500);
        Path single = dir.resolve("single.hprof");
        heap.writeTo(single, Layout.singleRecord(), DumpFiles.Compression.NONE);
        try (HprofFile f = HprofFile.open(single)) {
            assertEquals(1, new HprofReader(f).plan(new HprofVisitor() {}).ranges().size());
        }
        Path gz = dir.resolve("dump.hprof.gz");
        heap.writeTo(gz, Layout.hotspot().withSegmentBodyLimit(512), DumpFiles.Compression.CHUNKED_GZIP);
        try (HprofFile f = HprofFile.open(gz)) {
            assertEquals(DumpSource.GZIP, f.source());
            ClassNameCollector names = new ClassNameCollector();
            ParallelRead<HistogramVisitor> read = new HprofReader(f).readParallel(4, names, HistogramVisitor::new);
            assertEquals(1, read.visitors().size(), "gzip: one heap visitor, on the calling thread");
            SyntheticHeapReadTest.assertMatches(heap.truth(), new SyntheticHeapReadTest.Counted(read.visitors().get(0),
                    names.countsByName(read.visitors().get(0)), read.result()));
            assertThrows(IllegalStateException.class, () -> new HprofReader(f).plan(new HprofVisitor() {}));
        }
    }

    @Test
    void problemsFromAllThreadsAreMergedInFileOrder() throws Exception {
        // two damaged segments: TinyDump's first segment with an unknown tag, twice, then its second segment
        byte[] content = CorruptInputTest.dump(w -> {
            TinyDump.firstSegment(w);
            w.rawSubRecord(new byte[] {0x42});
            w.flushHeapRecord();
        }, w -> {
            TinyDump.firstSegment(w);
            w.rawSubRecord(new byte[] {0x43});
        });
        Path file = Files.write(dir.resolve("damaged.hprof"), content);
        Reads.Outcome sequential = Reads.read(file, Reads.Mode.SEQUENTIAL);
        Reads.Outcome parallel = Reads.read(file, Reads.Mode.PARALLEL);
        assertEquals(2, sequential.result().damagedHeapRecords());
        assertEquals(sequential.result().problems(), parallel.result().problems());
        assertEquals(sequential.result().damagedHeapRecords(), parallel.result().damagedHeapRecords());
        assertEquals(sequential.heap().stream().sorted().toList(), parallel.heap());
    }

    @Test
    void beyondTheCapTheEarliestProblemsAreKeptAsInASequentialRead() throws Exception {
        // 150 segments, each cut short by an unknown sub-record: 100 problems kept, the rest counted
        byte[] content = CorruptInputTest.dump(w -> {
            for (int i = 0; i < 149; i++) {
                TinyDump.firstSegment(w);
                w.rawSubRecord(new byte[] {0x42});
                w.flushHeapRecord();
            }
        }, w -> {
            TinyDump.firstSegment(w);
            w.rawSubRecord(new byte[] {0x43});
        });
        Path file = Files.write(dir.resolve("many-problems.hprof"), content);
        ReadResult sequential = Reads.read(file, Reads.Mode.SEQUENTIAL).result();
        ReadResult parallel = Reads.read(file, Reads.Mode.PARALLEL).result();
        assertEquals(150, sequential.damagedHeapRecords());
        assertEquals(150, parallel.damagedHeapRecords());
        assertEquals(101, sequential.problems().size());
        assertEquals("... and 50 more problems", sequential.problems().get(100).message());
        assertEquals(sequential.problems(), parallel.problems());
    }
}

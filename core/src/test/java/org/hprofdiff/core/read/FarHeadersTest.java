package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.testdata.synth.GcRoot;
import org.hprofdiff.testdata.synth.HprofWriter;
import org.hprofdiff.testdata.synth.RootKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan's walk reads the headers it jumps to over heap records with positional reads, not through the mapping
 * (whose page faults make the kernel read megabytes around each header), and finds the same records, the same
 * top-level decoding and the same truncation as a walk through the mapping alone. Offsets worked out by hand:
 * <pre>
 *       0  header "JAVA PROFILE 1.0.2\0" + u4 id size + u8 time                          -> 31
 *      31  HEAP_DUMP_SEGMENT, body 200,018: byte[200,000] (tag 1 + id 8 + u4 + u4 + type 1 = 18) -> 200,058
 * 200,058  STRING 0x100 "Bar": 9 + 8 + 3                                                 -> 200,078
 * 200,078  HEAP_DUMP_SEGMENT, body 200,018: byte[200,000]                                 -> 400,105
 * 400,105  HEAP_DUMP_SEGMENT, body 9: ROOT STICKY_CLASS (tag 1 + id 8)                    -> 400,123
 * 400,123  HEAP_DUMP_END                                                                  -> 400,132
 * </pre>
 * The headers at 200,058, 400,105 and 400,123 lie more than {@link FarHeaders#FAR} past the last byte the walk read
 * through the mapping (the STRING record ends at 200,078): three positional reads.
 */
class FarHeadersTest {
    private static final int ARRAY = 200_000;
    @TempDir Path dir;

    private static byte[] dump() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HprofWriter w = new HprofWriter(out, 8)) {
            w.header("JAVA PROFILE 1.0.2", 0);
            w.primitiveArrayDump(0x1000, 1, new byte[ARRAY]);
            w.flushHeapRecord();
            w.string(0x100, "Bar");
            w.primitiveArrayDump(0x2000, 1, new byte[ARRAY]);
            w.flushHeapRecord();
            w.root(GcRoot.of(RootKind.STICKY_CLASS, 0x1000));
            w.flushHeapRecord();
            w.heapDumpEnd();
        }
        return out.toByteArray();
    }

    private record Walk(List<HeapRecordRange> ranges, List<String> topLevel, ReadResult result, long farReads) {}

    private static Walk walk(Path file, boolean far) throws Exception {
        try (HprofFile f = HprofFile.open(file); HprofInput in = f.newInput()) {
            FarHeaders headers = FarHeaders.of(f);
            List<HeapRecordRange> ranges = new ArrayList<>();
            EventLog top = new EventLog();
            ReadResult result = new RecordWalker(f, in, top, 1, ranges::add, new Problems(), far ? headers : null).walk();
            return new Walk(ranges, top.events, result, headers.reads());
        }
    }

    @Test
    void headersPastHeapRecordsAreReadWithPositionalReads() throws Exception {
        byte[] bytes = dump();
        assertEquals(400_132, bytes.length);
        Path file = Files.write(dir.resolve("far.hprof"), bytes);

        Walk far = walk(file, true);
        assertEquals(List.of(new HeapRecordRange(31, 200_018, false), new HeapRecordRange(200_078, 200_018, false),
                new HeapRecordRange(400_105, 9, false)), far.ranges());
        assertEquals(List.of("string 0x100 Bar"), far.topLevel());
        assertEquals(3, far.farReads());
        assertEquals(3, far.result().heapRecordCount());
        assertTrue(far.result().truncation().isEmpty());
        assertTrue(far.result().dumpComplete());

        Walk mapped = walk(file, false);
        assertEquals(0, mapped.farReads());
        assertEquals(mapped.ranges(), far.ranges());
        assertEquals(mapped.topLevel(), far.topLevel());
        assertEquals(mapped.result(), far.result());

        // as the readers use it
        try (HprofFile f = HprofFile.open(file)) {
            assertEquals(far.ranges(), new HprofReader(f).plan(new EventLog()).ranges());
        }
    }

    @Test
    void theHeadersComeFromTheFileMappedEvenWhenAnotherTakesItsName() throws Exception {
        Path file = Files.write(dir.resolve("rotated.hprof"), dump());
        try (HprofFile f = HprofFile.open(file)) {
            // a dump rotated under the same name after it was opened: a tiny dump whose records are elsewhere
            Path other = Files.write(dir.resolve("other.hprof"), TinyDump.bytes());
            Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertEquals(List.of(new HeapRecordRange(31, 200_018, false), new HeapRecordRange(200_078, 200_018, false),
                    new HeapRecordRange(400_105, 9, false)), new HprofReader(f).plan(new EventLog()).ranges());
        }
    }

    @Test
    void aFileCutInsideAFarHeaderReportsTheCutAsAWalkThroughTheMapping() throws Exception {
        byte[] bytes = dump();
        int[][] cutsAndHeaders = {{400_105 + 4, 400_105}, {400_123 + 8, 400_123}, {200_058 + 1, 200_058}};
        for (int[] cutAndHeader : cutsAndHeaders) {
            int cut = cutAndHeader[0];
            Path file = Files.write(dir.resolve("cut-" + cut + ".hprof"), TinyDump.cut(bytes, cut));
            Walk far = walk(file, true);
            Walk mapped = walk(file, false);
            assertEquals(mapped.result(), far.result(), "cut at " + cut);
            assertEquals(mapped.ranges(), far.ranges(), "cut at " + cut);
            String message = far.result().truncation().orElseThrow().message();
            assertTrue(message.contains("inside the 9-byte header of the record at byte " + cutAndHeader[1]), message);
            assertEquals(cut, far.result().truncation().orElseThrow().offset());
        }
    }
}

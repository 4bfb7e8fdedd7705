package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dumps cut at chosen bytes of {@link TinyDump}: the warning names the byte where the data ends and the
 * record it ends in, and the results are exactly the objects whose bytes all came before the cut. The
 * same for plain, gzip and chunked gzip files, read sequentially and in parallel.
 */
class TruncationTest {
    @TempDir Path dir;

    /** cut, how many of TinyDump.HEAP_LINES survive, the key content of the warning. */
    static Stream<Arguments> cuts() {
        return Stream.of(
                Arguments.of(40, 0, "the data ends at byte 40, inside the STRING record at byte 31 that declares 11 bytes (truncated file, 11 bytes missing)"),
                Arguments.of(88, 0, "the data ends at byte 88, inside the 9-byte header of the record at byte 84"),
                // at a sub-record boundary: the class dump is whole, nothing after it is
                Arguments.of(173, 1, "the data ends at byte 173, inside the HEAP_DUMP_SEGMENT record at byte 84 that declares 166 bytes (truncated file, 86 bytes missing)"),
                // inside the second instance's header
                Arguments.of(220, 2, "the data ends at byte 220, inside the HEAP_DUMP_SEGMENT record at byte 84 that declares 166 bytes (truncated file, 39 bytes missing)"),
                // inside the byte array's data: its header was read, but it is not delivered
                Arguments.of(250, 3, "the data ends at byte 250, inside the HEAP_DUMP_SEGMENT record at byte 84 that declares 166 bytes (truncated file, 9 bytes missing)"),
                // exactly between two segments: only the missing HEAP_DUMP_END shows it
                Arguments.of(259, 4, "the data ends at byte 259 before the HEAP_DUMP_END record that closes the heap dump starting at byte 84"),
                // inside the object array's elements
                Arguments.of(300, 4, "the data ends at byte 300, inside the HEAP_DUMP_SEGMENT record at byte 259 that declares 58 bytes (truncated file, 26 bytes missing)"),
                Arguments.of(326, 6, "the data ends at byte 326 before the HEAP_DUMP_END record that closes the heap dump starting at byte 84"),
                Arguments.of(330, 6, "the data ends at byte 330, inside the 9-byte header of the record at byte 326"));
    }

    static Stream<Arguments> cutsInEveryForm() {
        List<Arguments> all = new ArrayList<>();
        for (TinyDump.Form form : TinyDump.Form.values()) {
            for (Reads.Mode mode : Reads.Mode.values()) {
                cuts().forEach(a -> all.add(Arguments.of(form, mode, a.get()[0], a.get()[1], a.get()[2])));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} cut at {2}")
    @MethodSource("cutsInEveryForm")
    void cutFileGivesTheObjectsBeforeTheCutAndWhereItEnds(TinyDump.Form form, Reads.Mode mode, int cut, int surviving, String warning) throws Exception {
        Path file = form.write(dir.resolve("cut.hprof"), TinyDump.cut(TinyDump.bytes(), cut));
        Reads.Outcome out = Reads.read(file, mode);

        assertEquals(Reads.inModeOrder(TinyDump.HEAP_LINES.subList(0, surviving), mode), out.heap());
        ReadResult r = out.result();
        assertTrue(r.truncation().isPresent(), "truncation reported");
        assertEquals(cut, r.truncation().get().offset());
        assertTrue(r.truncation().get().message().startsWith(warning), r.truncation().get().message());
        assertTrue(r.isPartial());
        assertEquals(cut >= TinyDump.CLASS_AT ? 1 : 0, r.heapDumpCount());
        assertEquals(cut >= TinyDump.CLASS_AT, r.dumpFound());
    }

    @Test
    void wholeFileIsNotPartial() throws Exception {
        byte[] bytes = TinyDump.bytes();
        assertEquals(TinyDump.LENGTH, bytes.length, "the hand-computed layout matches the writer");
        for (Reads.Mode mode : Reads.Mode.values()) {
            Reads.Outcome out = Reads.read(TinyDump.Form.PLAIN.write(dir.resolve("whole.hprof"), bytes), mode);
            assertEquals(Reads.inModeOrder(TinyDump.HEAP_LINES, mode), out.heap());
            assertEquals(TinyDump.TOP_LINES, out.top());
            assertTrue(out.result().truncation().isEmpty());
            assertFalse(out.result().isPartial());
            assertEquals(TinyDump.LENGTH, out.result().bytesRead());
        }
    }

    @Test
    void gzipFileCutShortKeepsWhatInflatedAndSaysWhy() throws Exception {
        Path whole = TinyDump.Form.GZIP.write(dir.resolve("whole.hprof.gz"), TinyDump.bytes());
        byte[] gz = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.hprof.gz"), TinyDump.cut(gz, gz.length - 30)); // trailer and some deflate data gone
        Reads.Outcome out = Reads.read(cut, Reads.Mode.SEQUENTIAL);
        ReadResult r = out.result();
        assertTrue(r.isPartial());
        String message = r.truncation().orElseThrow().message();
        assertTrue(message.contains("the compressed data ends early"), message);
        long end = r.truncation().get().offset();
        assertTrue(end < TinyDump.LENGTH, "ends at " + end);
        // exactly the objects whose bytes all came before the end of the inflated data
        long[] objectEnds = {173, 202, 231, 259, 309, 326};
        int complete = 0;
        while (complete < objectEnds.length && objectEnds[complete] <= end) complete++;
        assertEquals(TinyDump.HEAP_LINES.subList(0, complete), out.heap());
    }

    @Test
    void truncationAfterTheChosenDumpLeavesItComplete() throws Exception {
        // two copies of the heap dump; the file ends inside the second
        byte[] one = TinyDump.bytes();
        byte[] two = new byte[one.length + (one.length - TinyDump.SEGMENT1_AT)];
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, TinyDump.SEGMENT1_AT, two, one.length, one.length - TinyDump.SEGMENT1_AT);
        // the second copy starts at 335, so its second instance at 335 + (202 - 84) = 453; cut 10 bytes into it
        int cut = one.length + (TinyDump.INSTANCE2_AT - TinyDump.SEGMENT1_AT) + 10;
        Path file = TinyDump.Form.PLAIN.write(dir.resolve("two.hprof"), TinyDump.cut(two, cut));
        for (Reads.Mode mode : Reads.Mode.values()) {
            Reads.Outcome first = Reads.read(file, mode, 1);
            assertEquals(Reads.inModeOrder(TinyDump.HEAP_LINES, mode), first.heap());
            assertEquals(2, first.result().heapDumpCount());
            assertEquals(cut, first.result().truncation().orElseThrow().offset());
            assertFalse(first.result().isPartial(), "dump 1 ended before the cut");

            Reads.Outcome second = Reads.read(file, mode, 2);
            assertTrue(second.result().isPartial());
            assertEquals(List.of("instance 0x2000 class 0x1000 fields 00000007 at 449"), second.objects());
        }
    }
}

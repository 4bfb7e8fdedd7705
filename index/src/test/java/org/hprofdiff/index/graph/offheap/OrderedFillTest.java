package org.hprofdiff.index.graph.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An array filled front to back through {@link OrderedFill} reads, entry by entry, the values appended (several
 * buffers' worth, so most were written through the file's channel behind the filler), narrow and wide, in a mapped
 * scratch file and in native memory; the entries before the fill's start and past its end stay zero; the file is
 * closed with its array.
 */
class OrderedFillTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "wide={0}, in a file={1}")
    @CsvSource({"false, true", "true, true", "false, false", "true, false"})
    void theArrayReadsWhatWasAppended(boolean wide, boolean inFile) {
        long length = 1_200_000; // 4.6 MiB narrow, 9.2 MiB wide: five and nine of the fill's 1 MiB buffers
        long from = 1;
        long to = length - 3;
        FileChannel file;
        try (Scratch scratch = inFile ? Scratch.inDirectory(dir) : Scratch.inMemory();
             NodeArray array = scratch.nodes(length, wide, Scratch.Placement.FILE)) {
            file = array.file();
            if (inFile) assertNotNull(file);
            else assertNull(file);
            long mask = wide ? -1L : NodeArray.NARROW_MAX;
            try (OrderedFill fill = new OrderedFill(array, from)) {
                SplittableRandom random = new SplittableRandom(5);
                for (long i = from; i < to; i++) fill.append(random.nextLong() & mask);
                fill.finish();
            }
            SplittableRandom expected = new SplittableRandom(5);
            assertEquals(0, array.get(0));
            for (long i = from; i < to; i++) assertEquals(expected.nextLong() & mask, array.get(i), "entry " + i);
            for (long i = to; i < length; i++) assertEquals(0, array.get(i), "entry " + i);
        }
        if (inFile) assertFalse(file.isOpen(), "the scratch file is closed with its array");
    }
}

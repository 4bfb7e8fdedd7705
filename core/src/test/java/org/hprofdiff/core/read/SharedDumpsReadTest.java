package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Object and class counts of real dumps written by other JVMs, against the counts several independent
 * readers agree on (../shared/dumps/README.md).
 */
class SharedDumpsReadTest {

    @ParameterizedTest(name = "{0} dump {1}")
    @CsvSource({
            "sun_jdk5_64bit.hprof, 1, 8, 3453, 411",
            "sun_jdk6_18_x32.hprof, 1, 4, 14850, 1260",
            // The README's 757 classes are the class dumps of both heap dumps together: 377 + 380.
            "sun_jdk6_31_hprofagent_compressedOops.hprof, 1, 4, 2456, 377",
            "sun_jdk6_31_hprofagent_compressedOops.hprof, 2, 4, 2506, 380",
            "openjdk_jdk11_04_x64.hprof.gz, 1, 8, 186037, 1912",
    })
    void countsMatchIndependentReaders(String name, int dump, int idSize, long objects, long classes) throws Exception {
        try (HprofFile file = HprofFile.open(SharedDumps.require(name))) {
            assertEquals(idSize, file.header().idSize());
            ObjectCounter counter = new ObjectCounter();
            ReadResult result = new HprofReader(file, new HprofReader.Options(dump)).read(counter);
            assertEquals(objects, counter.objects(), "objects");
            assertEquals(classes, counter.classDumps, "classes");
            assertTrue(result.truncation().isEmpty(), () -> "truncated: " + result.truncation());
            assertFalse(result.isPartial(), () -> "problems: " + result.problems());
        }
    }

    @Test
    void hprofAgentFileHoldsTwoHeapDumps() throws Exception {
        ReadResult result = HprofReader.read(SharedDumps.require("sun_jdk6_31_hprofagent_compressedOops.hprof"), new ObjectCounter());
        assertEquals(2, result.heapDumpCount());
        assertEquals(1, result.dumpNumber());
    }

    @Test
    void ibmPortableHeapDumpIsNamedAndRefused() {
        // require() outside the lambda: its skip (an assumption failure) must not count as the wrong exception
        java.nio.file.Path phd = SharedDumps.require("heapdump.20100112.141124.11580.0002.phd");
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> HprofFile.open(phd));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("IBM portable heap dump (PHD)"), e.getMessage());
    }
}

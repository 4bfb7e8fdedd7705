package org.hprofdiff.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HprofReader;
import org.hprofdiff.core.read.SharedDumps;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Summaries of Eclipse MAT's sample dumps (../shared/dumps): the layout each VM used, and the object
 * and class counts several independent readers agree on (../shared/dumps/README.md), plus one mirror
 * per class dump and the primitive types' mirrors in the java.lang.Class row.
 */
class SharedDumpsSummaryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, header, refs, array base aligned, fields packed, inferred, objects, classes
            "sun_jdk5_64bit.hprof, 16, 8, true, false, true, 3453, 411",
            "sun_jdk6_18_x32.hprof, 8, 4, false, false, true, 14850, 1260",
            // The hprof agent numbers objects: no layout fits, the 32-bit default is used.
            "sun_jdk6_31_hprofagent_compressedOops.hprof, 8, 4, false, false, false, 2456, 377",
            "openjdk_jdk11_04_x64.hprof.gz, 12, 4, true, false, true, 186037, 1912",
    })
    void layoutAndCounts(String name, int header, int refs, boolean aligned, boolean packed, boolean inferred, long objects, long classes)
            throws Exception {
        DumpSummary s;
        try (HprofFile file = HprofFile.open(SharedDumps.require(name))) {
            s = Summarizer.summarize(file, HprofReader.Options.DEFAULT, SizeModelOverrides.NONE).summary();
        }
        SizeModel m = s.sizeModel();
        assertEquals(List.of(header, refs, 8, aligned, packed),
                List.of(m.objectHeaderBytes(), m.referenceBytes(), m.objectAlignment(), m.arrayBaseAligned(), m.subclassFieldsFillGaps()), m.toString());
        assertEquals(inferred, m.origin().startsWith("inferred"), m.origin());
        // Totals count class dumps as java.lang.Class objects; the readers' object count does not.
        assertEquals(objects, s.totals().objects() - classes, "objects");
        assertEquals(classes, s.totals().classCount());
        assertTrue(s.totals().objectsByKind().get(ClassStats.Kind.CLASS) >= classes);
        assertEquals(name.endsWith(".gz") ? "gzip" : "none", s.dump().compression());
    }
}

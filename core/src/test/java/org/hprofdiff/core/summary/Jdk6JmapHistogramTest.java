package org.hprofdiff.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.SharedDumps;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.testdata.scenarios.ClassHistogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 32-bit Sun JDK 6u18 dump against {@code jmap -histo} of the same JVM (../shared/dumps). The
 * histogram was not taken at the dump's moment: it lists 1,852 objects where the dump holds 14,850, and
 * only 60 of the 140 classes in both have equal counts. What is sound to compare: the bytes of every
 * class whose count agrees, and, since all instances of a class have one size, the size per instance
 * of every (non-array) class in both.
 */
class Jdk6JmapHistogramTest {
    private static DumpSummary summary;
    private static Map<String, long[]> histogram;
    private static Map<String, long[]> dump;

    @BeforeAll
    static void read() throws Exception {
        Path dumpFile = SharedDumps.require("sun_jdk6_18_x32.hprof");
        Path histogramFile = SharedDumps.require("histogram_sun_jdk6_18_x32.txt");
        try (HprofFile file = HprofFile.open(dumpFile)) {
            summary = Summarizer.summarize(file);
        }
        histogram = new TreeMap<>();
        // jmap -histo of JDK 6, one class per line: "<instances> <bytes> <name>"; <...Klass> rows are perm-gen VM data.
        for (String line : Files.readAllLines(histogramFile)) {
            String[] p = line.trim().split("\\s+");
            if (p.length != 3 || p[2].startsWith("<")) continue;
            long[] v = histogram.computeIfAbsent(ClassHistogram.javaName(p[2]), k -> new long[2]);
            v[0] += Long.parseLong(p[0]);
            v[1] += Long.parseLong(p[1]);
        }
        dump = new TreeMap<>();
        for (ClassStats row : summary.classes()) {
            long[] v = dump.computeIfAbsent(row.name(), k -> new long[3]);
            v[0] += row.instances();
            v[1] += row.shallowBytes();
            if (row.kind() == ClassStats.Kind.INSTANCE || row.kind() == ClassStats.Kind.CLASS) v[2] = 1;
        }
    }

    @Test
    void ids4MeanA32BitLayout() {
        SizeModel m = summary.sizeModel();
        assertEquals(List.of(8, 4, 8, false), List.of(m.objectHeaderBytes(), m.referenceBytes(), m.objectAlignment(), m.arrayBaseAligned()), m.toString());
        assertTrue(m.origin().startsWith("inferred from object addresses"), m.origin());
    }

    @Test
    void classesCountedAlikeHaveEqualBytes() {
        int both = 0, sameCount = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, long[]> e : histogram.entrySet()) {
            long[] d = dump.get(e.getKey());
            if (d == null) continue;
            both++;
            if (d[0] != e.getValue()[0]) continue;
            sameCount++;
            if (d[1] != e.getValue()[1]) wrong.add(e.getKey() + ": histogram " + e.getValue()[1] + ", dump " + d[1]);
        }
        System.out.printf("JDK 6 32-bit: %d classes in both, %d with equal counts, %d of them with equal bytes%n", both, sameCount, sameCount - wrong.size());
        assertEquals(List.of(), wrong);
        assertEquals(140, both, "classes in both");
        assertEquals(60, sameCount, "classes with equal counts");
    }

    @Test
    void everyInstanceClassHasTheHistogramsSizePerInstance() {
        int compared = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, long[]> e : histogram.entrySet()) {
            long[] d = dump.get(e.getKey());
            long[] h = e.getValue();
            if (d == null || d[2] == 0 || h[0] == 0) continue;
            compared++;
            // Exact in integers: bytes/instances is whole on both sides for fixed-size objects.
            if (d[1] * h[0] != h[1] * d[0]) wrong.add(e.getKey() + ": histogram " + h[1] / h[0] + " bytes each, dump " + d[1] / d[0]);
        }
        System.out.printf("JDK 6 32-bit: %d instance classes in both, %d with the histogram's size per instance%n", compared, compared - wrong.size());
        assertEquals(List.of(), wrong);
        assertTrue(compared >= 100, "compared " + compared);
    }
}

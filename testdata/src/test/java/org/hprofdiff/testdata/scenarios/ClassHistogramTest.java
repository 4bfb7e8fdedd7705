package org.hprofdiff.testdata.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    /** Excerpt of a JDK 17 histogram: module column with version, rank without leading blanks past 999. */
    private static final String JDK17 = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          9673         446912  [B (java.base@17.0.15)
               2:          1982         241328  java.lang.Class (java.base@17.0.15)
               3:             3             80  [Lcom.example.Foo;
               4:             1             24  [[Lcom.example.Foo;
               5:             1             16  com.example.Foo$$Lambda$1/0x00007f5830001000
            1089:             2             32  sun.util.logging.internal.LoggingProviderImpl (java.logging@17.0.15)
            Total          11662         688392
            """;

    /** Excerpt of a JDK 25 histogram: hidden classes without the counter, G1's filler arrays. */
    private static final String JDK25 = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         11104         580408  [B (java.base@25.0.3)
               2:            60        1343504  [Ljava.util.HashMap$Node; (java.base@25.0.3)
               3:           412          43240  [Ljdk.internal.vm.FillerElement; (java.base@25.0.3)
               4:            20            480  org.hprofdiff.Foo$Bar
               5:             1             16  H$$Lambda/0x0000000039040c00
            Total         11597        1967648
            """;

    @Test
    void parsesJdk17Rows() {
        ClassHistogram histogram = ClassHistogram.parse(JDK17);
        assertEquals(6, histogram.rows().size());
        assertEquals(new ClassHistogram.Row(1, 9673, 446912, "[B", "java.base@17.0.15"), histogram.rows().get(0));
        assertEquals(new ClassHistogram.Row(3, 3, 80, "[Lcom.example.Foo;", ""), histogram.rows().get(2));
        assertEquals(1089, histogram.rows().get(5).rank());
        assertEquals("java.logging@17.0.15", histogram.rows().get(5).module());
        assertEquals("com.example.Foo$$Lambda$1/0x00007f5830001000", histogram.rows().get(4).className());
        assertEquals(11662, histogram.totalInstances());
        assertEquals(688392, histogram.totalBytes());
        assertTotalsMatchRows(histogram);
    }

    @Test
    void parsesJdk25Rows() {
        ClassHistogram histogram = ClassHistogram.parse(JDK25);
        assertEquals(60, histogram.instances("[Ljava.util.HashMap$Node;"));
        assertEquals(1343504, histogram.bytes("[Ljava.util.HashMap$Node;"));
        assertEquals("java.util.HashMap$Node[]", histogram.row("[Ljava.util.HashMap$Node;").orElseThrow().javaName());
        assertEquals("", histogram.row("org.hprofdiff.Foo$Bar").orElseThrow().module());
        assertEquals(0, histogram.instances("no.such.Class"));
        assertTotalsMatchRows(histogram);
    }

    @Test
    void sumsClassesOfTheSameNameFromDifferentLoaders() {
        ClassHistogram histogram = ClassHistogram.parse("""
                   1:             3             48  com.example.Plugin
                   2:             2             32  com.example.Plugin
                Total             5             80
                """);
        assertEquals(2, histogram.rows("com.example.Plugin").size());
        assertEquals(5, histogram.instances("com.example.Plugin"));
        assertEquals(80, histogram.bytes("com.example.Plugin"));
    }

    @Test
    void acceptsWindowsLineEnds() {
        ClassHistogram histogram = ClassHistogram.parse(JDK25.replace("\n", "\r\n"));
        assertEquals(5, histogram.rows().size());
    }

    @Test
    void rejectsTruncatedText() {
        String truncated = JDK17.substring(0, JDK17.indexOf("Total"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassHistogram.parse(truncated));
        assertTrue(e.getMessage().contains("no 'Total' line after 6 rows"), e.getMessage());
    }

    @Test
    void rejectsGarbageNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassHistogram.parse(JDK17.replace("   2:          1982", "   2:  lots")));
        assertTrue(e.getMessage().startsWith("line 4: "), e.getMessage());
    }

    @Test
    void convertsPrintedNamesToJavaForm() {
        assertEquals("byte[]", ClassHistogram.javaName("[B"));
        assertEquals("int[][]", ClassHistogram.javaName("[[I"));
        assertEquals("boolean[]", ClassHistogram.javaName("[Z"));
        assertEquals("java.util.HashMap$Node[]", ClassHistogram.javaName("[Ljava.util.HashMap$Node;"));
        assertEquals("java.lang.Object[][]", ClassHistogram.javaName("[[Ljava.lang.Object;"));
        assertEquals("java.util.HashMap$Node", ClassHistogram.javaName("java.util.HashMap$Node"));
        assertEquals("Foo$$Lambda/0x0000000039040c00", ClassHistogram.javaName("Foo$$Lambda/0x0000000039040c00"));
        for (Class<?> type : List.of(byte[].class, long[][].class, String[].class, Thread.State[].class)) {
            assertEquals(type.getTypeName(), ClassHistogram.javaName(type.getName()));
        }
    }

    static void assertTotalsMatchRows(ClassHistogram histogram) {
        assertEquals(histogram.totalInstances(), histogram.rows().stream().mapToLong(ClassHistogram.Row::instances).sum());
        assertEquals(histogram.totalBytes(), histogram.rows().stream().mapToLong(ClassHistogram.Row::bytes).sum());
    }
}

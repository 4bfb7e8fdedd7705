package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.Summarizer;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.WalkedGraph;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.hprofdiff.index.table.EdgeOrigin;
import org.hprofdiff.index.table.Edges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object, edge and root of the index against an independent decoding of the same dump: the
 * child-JVM dump of {@code KnownGraph} (JDK 25, 8-byte ids), testdata's synthetic dumps (Android, objects
 * in random order, a LargeDumpGenerator dump in parallel-dump order), and the shared real dumps where
 * present (4-byte ids, JDK 5/6, the hprof agent).
 */
class IndexEdgesTest {
    @TempDir
    static Path dir;
    private static final Map<Path, DumpIndex> INDEXES = new HashMap<>();
    private static final Map<Path, ReferenceDecoder> DECODED = new HashMap<>();

    static Stream<Path> dumps() throws Exception {
        return Stream.concat(Stream.of(TestDumps.knownGraph(), SyntheticDumps.android(), SyntheticDumps.shuffled(), SyntheticDumps.largeGenerated()),
                SharedDumps.present());
    }

    static synchronized DumpIndex index(Path dump) throws Exception {
        if (!INDEXES.containsKey(dump)) {
            IndexOptions options = IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(dir);
            INDEXES.put(dump, IndexCache.openOrBuild(dump, options, BuildProgress.SILENT));
            DECODED.put(dump, new ReferenceDecoder(dump));
        }
        return INDEXES.get(dump);
    }

    @AfterAll
    static void close() {
        INDEXES.values().forEach(DumpIndex::close);
        INDEXES.clear();
        DECODED.clear();
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void everyObjectOfTheDumpHasAnOrdinalAndBack(Path dump) throws Exception {
        DumpIndex index = index(dump);
        ReferenceDecoder expected = DECODED.get(dump);
        assertEquals(expected.kinds.size(), index.objectCount());
        for (long id : expected.kinds.keySet()) {
            long ord = index.ordinalOf(id);
            assertTrue(ord >= 0, () -> "id 0x" + Long.toHexString(id) + " not found");
            assertEquals(id, index.idOf(ord));
        }
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void idsThatAreNotObjectsAreNotFound(Path dump) throws Exception {
        DumpIndex index = index(dump);
        ReferenceDecoder expected = DECODED.get(dump);
        for (long id : expected.kinds.keySet()) {
            for (long probe : new long[] {id + 1, id + 4, id - 1, id + 8, id - 8}) {
                if (!expected.kinds.containsKey(probe)) assertEquals(-1, index.ordinalOf(probe), "0x" + Long.toHexString(probe));
            }
        }
        assertEquals(-1, index.ordinalOf(0));
        assertEquals(-1, index.ordinalOf(-1));
        assertEquals(-1, index.ordinalOf(Long.MIN_VALUE));
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void outboundEdgesEqualTheIndependentDecoding(Path dump) throws Exception {
        DumpIndex index = index(dump);
        ReferenceDecoder expected = DECODED.get(dump);
        Edges out = index.outbound();
        long edges = 0;
        for (long o = 0; o < index.objectCount(); o++) {
            long id = index.idOf(o);
            List<Long> actual = new ArrayList<>();
            for (long i = out.start(o); i < out.end(o); i++) actual.add(index.idOf(out.target(i)));
            assertEquals(expected.edges.get(id), actual, "outbound edges of 0x" + Long.toHexString(id) + " (" + expected.kinds.get(id) + ")");
            edges += actual.size();
        }
        assertEquals(edges, index.edgeCount());
        assertEquals(expected.missingReferences, index.manifest().counts().missingReferences());
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void everyEdgeKnowsItsOriginAndWhetherItIsWeak(Path dump) throws Exception {
        DumpIndex index = index(dump);
        ReferenceDecoder expected = DECODED.get(dump);
        Edges out = index.outbound();
        long weakEdges = 0;
        for (long o = 0; o < index.objectCount(); o++) {
            long id = index.idOf(o);
            List<String> labels = new ArrayList<>();
            List<Boolean> weak = new ArrayList<>();
            for (long i = out.start(o); i < out.end(o); i++) {
                labels.add(label(index.edgeOrigin(o, i)));
                weak.add(index.isWeakEdge(i));
                if (index.isWeakEdge(i)) weakEdges++;
            }
            assertEquals(expected.labels.get(id), labels, "origins of the edges of 0x" + Long.toHexString(id));
            assertEquals(expected.weak.get(id), weak, "weak edges of 0x" + Long.toHexString(id));
        }
        assertEquals(weakEdges, index.manifest().counts().weakEdges());
    }

    /**
     * The graph made for a walk over copies of the edge columns in memory answers as the graph over the mapped
     * index (checked above against the independent decoding), and gives its memory back when closed; a scratch
     * without memory to spare gives the graph itself.
     */
    @ParameterizedTest
    @MethodSource("dumps")
    void aGraphMadeForAWalkReadsTheSameEdgesFromMemory(Path dump) throws Exception {
        IndexGraph mapped = new IndexGraph(index(dump));
        long n = mapped.nodeCount();
        try (Scratch scratch = Scratch.inMemory()) {
            try (WalkedGraph walked = mapped.forWalk(scratch)) {
                assertTrue(walked.copied());
                assertTrue(scratch.memoryInUse() > 0);
                ObjectGraph copy = walked.graph();
                for (long o = 0; o <= n; o++) assertEquals(mapped.firstEdge(o), copy.firstEdge(o), "first edge of " + o);
                for (long e = 0, edges = mapped.firstEdge(n); e < edges; e++) {
                    assertEquals(mapped.edgeTarget(e), copy.edgeTarget(e), "target of edge " + e);
                    assertEquals(mapped.isWeakEdge(e), copy.isWeakEdge(e), "weak edge " + e);
                }
                assertEquals(mapped.rootCount(), copy.rootCount());
                for (long r = 0; r < mapped.rootCount(); r++) assertEquals(mapped.rootNode(r), copy.rootNode(r));
                for (int c = 0; c < mapped.classCount(); c++) assertEquals(mapped.permanentClass(c), copy.permanentClass(c), "class " + c);
            }
            assertEquals(0, scratch.memoryInUse(), "closed, the copies are given back");
        }
        try (Scratch files = Scratch.inDirectory(dir); WalkedGraph walked = mapped.forWalk(files)) {
            assertFalse(walked.copied());
            assertSame(mapped, walked.graph());
        }
    }

    private static String label(EdgeOrigin origin) {
        return switch (origin) {
            case EdgeOrigin.Internal i -> i.name();
            case EdgeOrigin.Field f -> "field " + f.name();
            case EdgeOrigin.StaticField s -> "static " + s.name();
            case EdgeOrigin.ArrayElement a -> "[" + a.index() + "]";
        };
    }

    /**
     * The graph's edge labels (which read an instance that holds all its reference fields by position, without
     * decoding its record) name the origin the decoder finds, for every edge of every object: fields set or null,
     * arrays, class objects.
     */
    @ParameterizedTest
    @MethodSource("dumps")
    void edgeLabelsNameTheDecodedOrigin(Path dump) throws Exception {
        DumpIndex index = index(dump);
        IndexGraph graph = new IndexGraph(index);
        Edges out = index.outbound();
        long positional = 0;
        for (long o = 0; o < index.objectCount(); o++) {
            for (long e = out.start(o); e < out.end(o); e++) {
                org.hprofdiff.index.graph.EdgeLabel label = graph.edgeLabel(o, e);
                String where = "edge " + e + " of object " + o + " (" + index.classOf(o).javaName() + ")";
                switch (index.edgeOrigin(o, e)) {
                    case EdgeOrigin.Field f -> {
                        String name = ((org.hprofdiff.index.graph.EdgeLabel.Field) label).name();
                        assertTrue(name.equals(f.name()) || name.equals(f.name() + " (" + index.classes().get(f.declaringClass()).javaName() + ")"),
                                where + ": " + name + " for " + f);
                        if (out.degree(o) == 1 + index.classes().referenceSlots(index.classIndexOf(o)).length) positional++;
                    }
                    case EdgeOrigin.StaticField st -> assertEquals(new org.hprofdiff.index.graph.EdgeLabel.StaticField(st.name()), label, where);
                    case EdgeOrigin.ArrayElement a -> assertTrue(label instanceof org.hprofdiff.index.graph.EdgeLabel.ArrayElement, where);
                    case EdgeOrigin.Internal i -> assertEquals(new org.hprofdiff.index.graph.EdgeLabel.Internal(i.name()), label, where);
                }
            }
        }
        assertTrue(positional > 0, "some instance holds all its fields, so its labels are read by position");
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void inboundEdgesAreExactlyTheTranspose(Path dump) throws Exception {
        // computed on first need beside the analyses, in an index of their own (closing the analysis closes it)
        IndexOptions options = IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(dir.resolve("inbound"));
        try (HeapAnalysis a = HeapAnalysis.over(IndexCache.openOrBuild(dump, options, BuildProgress.SILENT), HeapAnalysis.Options.DEFAULT,
                AnalysisProgress.SILENT)) {
            DumpIndex index = a.index();
            Map<Long, List<Long>> transpose = new HashMap<>();
            Edges out = index.outbound();
            for (long o = 0; o < index.objectCount(); o++) {
                for (long i = out.start(o); i < out.end(o); i++) transpose.computeIfAbsent(out.target(i), k -> new ArrayList<>()).add(o);
            }
            Edges in = a.inbound();
            for (long o = 0; o < index.objectCount(); o++) {
                List<Long> actual = new ArrayList<>();
                for (long i = in.start(o); i < in.end(o); i++) actual.add(in.target(i));
                assertEquals(transpose.getOrDefault(o, List.of()), actual, "inbound edges of object " + o);
            }
            assertEquals(List.of(), a.verify(), "the stored transpose passes the check");
            assertTrue(a.storedResults().stream().anyMatch(r -> r.startsWith("inbound references: ")), a.storedResults().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void rootsNameTheirObjects(Path dump) throws Exception {
        DumpIndex index = index(dump);
        ReferenceDecoder expected = DECODED.get(dump);
        assertEquals(expected.roots.size(), index.roots().size());
        for (int i = 0; i < expected.roots.size(); i++) {
            long id = expected.roots.get(i)[1];
            assertEquals(expected.kinds.containsKey(id) ? index.ordinalOf(id) : -1, index.roots().ordinal(i));
            assertEquals(id, index.roots().get(i).objectId());
        }
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void classOfEveryObjectMatches(Path dump) throws Exception {
        DumpIndex index = index(dump);
        ReferenceDecoder expected = DECODED.get(dump);
        for (long o = 0; o < index.objectCount(); o++) {
            long id = index.idOf(o);
            long classId = expected.classOf.get(id);
            if (expected.kinds.get(id) == 'C') {
                assertEquals("java/lang/Class", index.classOf(o).name());
                assertEquals(id, index.classes().get(index.classes().indexOfId(id)).classId());
            } else if (classId != 0) {
                assertEquals(expected.classNames.get(classId), index.classOf(o).name(), "class of 0x" + Long.toHexString(id));
            }
        }
    }

    /** The graph's class objects, read from the class table, are the objects the dump holds as class records, ascending. */
    @ParameterizedTest
    @MethodSource("dumps")
    void classObjectsAreTheDumpsClassRecords(Path dump) throws Exception {
        DumpIndex index = index(dump);
        ReferenceDecoder expected = DECODED.get(dump);
        long[] decoded = expected.kinds.entrySet().stream().filter(e -> e.getValue() == 'C')
                .mapToLong(e -> index.ordinalOf(e.getKey())).sorted().toArray();
        assertTrue(decoded.length > 0, "the dump has class records");
        assertArrayEquals(decoded, new IndexGraph(index).classObjects());
    }

    /** Objects and shallow bytes per class name: the index's per-object sizes add up to core's histogram of the dump. */
    @ParameterizedTest
    @MethodSource("dumps")
    void shallowSizesAddUpToTheHistogram(Path dump) throws Exception {
        DumpIndex index = index(dump);
        Map<String, long[]> histogram = new java.util.TreeMap<>();
        try (HprofFile file = HprofFile.open(dump)) {
            for (ClassStats row : Summarizer.summarize(file).classes()) {
                long[] t = histogram.computeIfAbsent(row.name(), k -> new long[2]);
                t[0] += row.instances();
                t[1] += row.shallowBytes();
            }
        }
        Map<String, long[]> indexed = new java.util.TreeMap<>();
        for (long o = 0; o < index.objectCount(); o++) {
            long[] t = indexed.computeIfAbsent(index.classOf(o).javaName(), k -> new long[2]);
            t[0]++;
            t[1] += index.shallowSize(o);
        }
        Map<String, String> differences = new java.util.TreeMap<>();
        for (String name : histogram.keySet()) {
            long[] h = histogram.get(name);
            long[] i = indexed.getOrDefault(name, new long[2]);
            if (h[0] != i[0] || h[1] != i[1]) differences.put(name, "histogram " + h[0] + "/" + h[1] + ", index " + i[0] + "/" + i[1]);
        }
        assertEquals(Map.of(), differences);
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void verifyFindsNothingWrong(Path dump) throws Exception {
        assertEquals(List.of(), index(dump).verify());
    }
}

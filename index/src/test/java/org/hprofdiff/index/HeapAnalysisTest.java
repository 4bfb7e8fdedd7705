package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.paths.PathNode;
import org.hprofdiff.index.graph.paths.PathStep;
import org.hprofdiff.index.graph.paths.PathTree;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.testprograms.KnownGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade over {@link KnownGraph}'s dump: results follow from how the program built its objects (sizes
 * from the layout rules KnownGraphShapeTest checks: 12-byte headers, 4-byte references, 8-byte alignment),
 * and stored results are reused, or recomputed when damaged.
 */
class HeapAnalysisTest {
    private static final String NODE = "org.hprofdiff.index.testprograms.KnownGraph$Node";
    /** Node: 12 + next + payload + int = 24; the payload of every odd node is its own Integer: 12 + 4 = 16. */
    private static final long CHAIN_RETAINED = KnownGraph.CHAIN * 24L + KnownGraph.CHAIN / 2 * 16L;
    /** LocalMarker: 12 + one reference = 16; its byte[100]: 16 + 100 = 116, aligned 120. */
    private static final long MARKER_RETAINED = 16 + 120;

    @TempDir
    Path dir;

    private IndexOptions options() {
        return IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(dir);
    }

    private static long onlyInstance(HeapAnalysis a, String javaName) {
        List<Integer> classes = a.index().classes().indicesOfName(javaName.replace('.', '/'));
        assertEquals(1, classes.size(), javaName);
        ClassInfo c = a.index().classes().get(classes.getFirst());
        long found = -1;
        for (long o = 0; o < a.index().objectCount(); o++) {
            if (a.index().classIndexOf(o) == c.index()) {
                assertEquals(-1, found, "one instance of " + javaName);
                found = o;
            }
        }
        return found;
    }

    private static long chainHead(HeapAnalysis a) throws IOException {
        ClassInfo node = a.index().classes().get(a.index().classes().indicesOfName(NODE.replace('.', '/')).getFirst());
        for (long o = 0; o < a.index().objectCount(); o++) {
            if (a.index().classIndexOf(o) == node.index() && a.index().fields().field(o, "index").orElseThrow() == 0) return o;
        }
        throw new AssertionError("no head node");
    }

    @Test
    void computesOnceThenReusesTheStoredResults() throws Exception {
        Path dump = TestDumps.knownGraph();
        long firstMs;
        try (HeapAnalysis a = HeapAnalysis.open(dump, options(), HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            long t0 = System.nanoTime();
            DominatorTree tree = a.dominators();
            a.shortestPaths();
            firstMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(a.dominatorsComputed());
            assertTrue(a.pathsComputed());
            assertEquals(CHAIN_RETAINED, tree.retainedSize(chainHead(a)));
            assertEquals(MARKER_RETAINED, tree.retainedSize(onlyInstance(a, "org.hprofdiff.index.testprograms.KnownGraph$LocalMarker")));
        }
        try (HeapAnalysis a = HeapAnalysis.open(dump, options(), HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            long t0 = System.nanoTime();
            DominatorTree tree = a.dominators();
            a.shortestPaths();
            long secondMs = (System.nanoTime() - t0) / 1_000_000;
            assertFalse(a.indexBuilt(), "the index is reused");
            assertFalse(a.dominatorsComputed(), "the stored tree is reused");
            assertFalse(a.pathsComputed(), "the stored paths are reused");
            assertEquals(CHAIN_RETAINED, tree.retainedSize(chainHead(a)));
            assertTrue(secondMs <= firstMs, "mapping the stored results (" + secondMs + " ms) is not slower than computing them (" + firstMs + " ms)");
        }
    }

    @Test
    void optionsGetTheirOwnStoredResults() throws Exception {
        Path dump = TestDumps.knownGraph();
        long strongRoot;
        try (HeapAnalysis a = HeapAnalysis.open(dump, options(), HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            strongRoot = a.dominators().retainedSize(a.dominators().virtualRoot());
        }
        HeapAnalysis.Options all = HeapAnalysis.Options.DEFAULT.withReferences(References.ALL);
        try (HeapAnalysis a = HeapAnalysis.open(dump, options(), all, AnalysisProgress.SILENT)) {
            assertEquals(References.ALL, a.dominators().references());
            assertTrue(a.dominatorsComputed(), "another variant is computed, not taken for the default one");
            // the dump is of live objects: every object is in the tree either way, so the virtual root retains the same
            assertEquals(strongRoot, a.dominators().retainedSize(a.dominators().virtualRoot()));
        }
        try (HeapAnalysis a = HeapAnalysis.open(dump, options(), HeapAnalysis.Options.DEFAULT.withKeepUnreachable(true), AnalysisProgress.SILENT)) {
            assertTrue(a.dominators().keepsUnreachable());
            assertTrue(a.dominatorsComputed());
        }
    }

    @Test
    void damagedStoredTreeIsComputedAgainWithANote() throws Exception {
        Path dump = TestDumps.knownGraph();
        Path stored;
        try (HeapAnalysis a = HeapAnalysis.open(dump, options(), HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            a.dominators();
            stored = a.index().location().resolve(HeapAnalysis.dominatorFile(HeapAnalysis.Options.DEFAULT));
        }
        try (FileChannel ch = FileChannel.open(stored, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[8]), 0); // the magic number
        }
        List<String> notes = new ArrayList<>();
        AnalysisProgress listen = new AnalysisProgress() {
            @Override public void note(String line) { notes.add(line); }
        };
        try (HeapAnalysis a = HeapAnalysis.open(dump, options(), HeapAnalysis.Options.DEFAULT, listen)) {
            assertEquals(CHAIN_RETAINED, a.dominators().retainedSize(chainHead(a)));
            assertTrue(a.dominatorsComputed());
        }
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.getFirst().startsWith("stored dominator tree is not usable (" + stored + ": at byte 0: expected the dominator tree magic number"), notes.getFirst());
        try (HeapAnalysis a = HeapAnalysis.open(dump, options(), HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            a.dominators();
            assertFalse(a.dominatorsComputed(), "the recomputed tree was stored");
        }
    }

    @Test
    void inboundReferencesAreStoredOnFirstNeedCheckedAndComputedAgainWhenDamaged() throws Exception {
        Path dump = TestDumps.knownGraph();
        Path stored;
        long edges;
        try (HeapAnalysis a = HeapAnalysis.open(dump, options(), HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            stored = a.index().location().resolve(HeapAnalysis.INBOUND);
            assertFalse(Files.exists(stored), "the index is built without them");
            edges = a.inbound().count();
            assertEquals(a.index().outbound().count(), edges);
            assertEquals(List.of(), a.verify());
        }
        // a source changed in place: the sizes still fit, the check of the transpose finds it
        Path sources = stored.resolve(org.hprofdiff.index.store.IndexFiles.IN_SOURCES);
        byte[] bytes = Files.readAllBytes(sources);
        bytes[org.hprofdiff.index.store.IndexFormat.HEADER_BYTES] ^= 1;
        Files.write(sources, bytes);
        try (HeapAnalysis a = HeapAnalysis.open(dump, options(), HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            List<String> problems = a.verify();
            assertTrue(problems.stream().anyMatch(p -> p.contains(sources.toString())), problems.toString());
        }
        // cut short: not usable, computed again with a note, then whole
        Files.write(sources, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        List<String> notes = new ArrayList<>();
        AnalysisProgress listen = new AnalysisProgress() {
            @Override public void note(String line) { notes.add(line); }
        };
        try (HeapAnalysis a = HeapAnalysis.open(dump, options(), HeapAnalysis.Options.DEFAULT, listen)) {
            assertEquals(edges, a.inbound().count());
            assertEquals(List.of(), a.verify());
        }
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("stored inbound references is not usable (" + sources)), notes.toString());
    }

    @Test
    void noCacheLeavesNothingBehind() throws Exception {
        Path dump = TestDumps.copy(TestDumps.knownGraph(), Files.createDirectory(dir.resolve("dumps")));
        try (HeapAnalysis a = HeapAnalysis.open(dump, options().withNoCache(true), HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            assertEquals(CHAIN_RETAINED, a.dominators().retainedSize(chainHead(a)));
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("dumps")), left.toList());
        }
    }

    @Test
    void mergedPathsOfTheChainStartAtTheStaticField() throws Exception {
        try (HeapAnalysis a = HeapAnalysis.open(TestDumps.knownGraph(), options(), HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            PathTree tree = a.mergedPaths(Pattern.compile(Pattern.quote(NODE) + "$"));
            assertEquals(KnownGraph.CHAIN, tree.targets());
            assertEquals(0, tree.withoutPath());
            assertEquals(CHAIN_RETAINED, tree.retainedBytes(), "the head retains the chain; the others are inside it");
            assertEquals(1, tree.top().children().size());
            PathNode start = tree.top().children().getFirst();
            assertEquals("static org.hprofdiff.index.testprograms.KnownGraph.head", start.signature());
            List<String> below = start.children().stream().map(n -> n.signature() + " | " + n.objects() + " | " + n.retainedBytes()).toList();
            assertEquals(List.of(
                    start.signature() + " → " + NODE + " | 1 | " + CHAIN_RETAINED,
                    start.signature() + " → " + NODE + ".next+ | " + (KnownGraph.CHAIN - 1) + " | 0"), below);
            assertEquals("static KnownGraph.head → KnownGraph$Node.next+ → KnownGraph$Node", start.children().get(1).children().getFirst().display());
        }
    }

    @Test
    void aThreadLocalVariableIsAFrameRootWithThreadAndMethod() throws Exception {
        try (HeapAnalysis a = HeapAnalysis.open(TestDumps.knownGraph(), options(), HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            PathTree tree = a.mergedPaths(Pattern.compile("KnownGraph\\$LocalMarker$"));
            assertEquals(1, tree.targets());
            assertEquals(MARKER_RETAINED, tree.retainedBytes());
            PathNode start = tree.top().children().getFirst();
            PathStep.Root root = (PathStep.Root) start.step();
            assertEquals(GcRootKind.JAVA_FRAME, root.kind());
            assertEquals(KnownGraph.WORKER, root.thread(), "no digits in the name, so none replaced");
            assertTrue(root.frame().startsWith("org.hprofdiff.index.testprograms.KnownGraph.lambda$main$"), root.frame());
            assertTrue(start.display().startsWith("thread \"known-graph-worker\" local in KnownGraph.lambda$main$"), start.display());
        }
    }
}

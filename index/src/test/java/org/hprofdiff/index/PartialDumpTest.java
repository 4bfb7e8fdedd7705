package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.Reachability;
import org.hprofdiff.index.graph.paths.ShortestPaths;
import org.hprofdiff.testdata.scenarios.Jdks;
import org.hprofdiff.testdata.scenarios.Scenario;
import org.hprofdiff.testdata.scenarios.ScenarioLaunch;
import org.hprofdiff.testdata.scenarios.ScenarioRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real dumps cut short, as a dump written at OutOfMemoryError may be, analysed by the rule of docs/semantics.md,
 * section 14. Dumps of the connection-reaper scenario from a JDK 17 child (a serial dump: every GC root after
 * every object) and a JDK 25 child (a parallel dump: the roots first), each cut at 10, 40, 60 and 90 % of its
 * bytes, inside a record header, inside a heap segment, and inside the GC roots. What the cut file holds is
 * decoded independently ({@link ReferenceDecoder} with the cut: only records whose bytes all come before it), and
 * the expectations follow from that decoding alone: the objects indexed, the roots read, the bootstrap classes
 * that stand in for lost system-class roots, and which objects those roots reach over the dump's references
 * (strong ones, then all) — every other object stays in the tree as kept.
 */
class PartialDumpTest {
    @TempDir
    static Path dir;
    /** A complete one-round dump per JDK feature version installed. */
    private static final Map<Integer, Path> DUMPS = new LinkedHashMap<>();
    /** The same, decoded whole (where its GC roots are). */
    private static final Map<Integer, ReferenceDecoder> WHOLE = new LinkedHashMap<>();

    @BeforeAll
    static void dumps() throws Exception {
        for (int feature : new int[] {17, 25}) {
            var java = Jdks.find(feature);
            if (java.isEmpty()) continue;
            var run = ScenarioRunner.run(ScenarioLaunch.of(Scenario.CONNECTION_REAPER, java.get(), 1, dir.resolve("jdk" + feature)));
            DUMPS.put(feature, run.dumps().getFirst());
            WHOLE.put(feature, new ReferenceDecoder(run.dumps().getFirst()));
        }
    }

    static Stream<Arguments> cuts() {
        List<Arguments> all = new ArrayList<>();
        for (int feature : new int[] {17, 25}) {
            for (String cut : List.of("10%", "40%", "60%", "90%", "in a record header", "in a heap segment", "in the GC roots")) {
                all.add(Arguments.of(feature, cut));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "JDK {0}, cut {1}")
    @MethodSource("cuts")
    void theGraphOfTheBytesReadWithStandInsForTheLostRoots(int feature, String cutName) throws Exception {
        Path whole = DUMPS.get(feature);
        assumeTrue(whole != null, "no JDK " + feature + " installed; skipped");
        byte[] bytes = Files.readAllBytes(whole);
        ReferenceDecoder complete = WHOLE.get(feature);
        long cut = offset(cutName, bytes, complete);
        Path file = dir.resolve("jdk" + feature + "-" + cutName.replace(' ', '-').replace("%", "pct") + ".hprof");
        Files.write(file, java.util.Arrays.copyOf(bytes, (int) cut));
        ReferenceDecoder read = new ReferenceDecoder(whole, cut);

        // the two layouts (heapDumper.cpp): JDK 17 writes the roots after the objects, JDK 25 before them
        if (feature == 17) assertTrue(complete.firstRootAt > bytes.length * 0.9, "JDK 17: roots at " + complete.firstRootAt);
        if (feature == 25) assertTrue(complete.lastRootEnd < bytes.length * 0.5, "JDK 25: roots end at " + complete.lastRootEnd);
        if (cut <= complete.firstRootAt) assertEquals(List.of(), read.roots, "cut before the first GC root");

        IndexOptions options = IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(dir.resolve("indexes"));
        try (HeapAnalysis a = HeapAnalysis.open(file, options, HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            assertTrue(a.partial());
            assertTrue(a.index().completeness().truncation().startsWith("byte " + cut + ": "), a.index().completeness().truncation());
            assertTrue(a.options().keepUnreachable(), "a partial dump keeps what no root read reaches");

            // exactly the objects whose records were read whole
            assertEquals(read.kinds.size(), a.index().objectCount());
            for (long id : read.kinds.keySet()) assertTrue(a.index().ordinalOf(id) >= 0, () -> "object " + Long.toHexString(id));

            // the roots read (those whose object is in the dump), then the bootstrap classes whose system-class root was lost
            Set<Long> rootIds = new HashSet<>();
            for (long[] r : read.roots) if (read.kinds.containsKey(r[1])) rootIds.add(r[1]);
            Set<Long> standIns = new TreeSet<>();
            for (Map.Entry<Long, Character> o : read.kinds.entrySet()) {
                long id = o.getKey();
                String name = read.classNames.get(id);
                if (o.getValue() == 'C' && read.loaderOf(id) == 0 && name != null && !name.startsWith("[") && !name.contains("+") && !rootIds.contains(id)) {
                    standIns.add(id);
                }
            }
            assertEquals(standIns.size(), a.graph().standInRootCount());
            Set<Long> graphRoots = new HashSet<>();
            for (long r = 0; r < a.graph().rootCount(); r++) graphRoots.add(a.graph().rootNode(r));
            Set<Long> expectedRoots = new HashSet<>();
            for (long id : rootIds) expectedRoots.add(a.index().ordinalOf(id));
            for (long id : standIns) expectedRoots.add(a.index().ordinalOf(id));
            assertEquals(expectedRoots, graphRoots);
            // a cut after the last root (a parallel dump's usual case) leaves nothing to stand in for; a serial dump cut before it, or
            // any cut inside the roots, leaves classes without their system-class root
            if (cut >= complete.lastRootEnd) assertEquals(0, standIns.size(), "all roots read: nothing stands in");
            else if (read.kinds.values().contains('C')) assertFalse(standIns.isEmpty(), "system-class roots lost: classes stand in");

            // which objects those roots reach, over the references the decoder found: strong ones, then all
            Set<Long> rootSet = new HashSet<>(rootIds);
            rootSet.addAll(standIns);
            Set<Long> strong = reach(rootSet, read, false);
            Set<Long> any = reach(rootSet, read, true);
            DominatorTree tree = a.dominators();
            assertEquals(strong.size(), tree.summary().of(Reachability.STRONG).objects());
            assertEquals(any.size() - strong.size(), tree.summary().of(Reachability.WEAK).objects());
            assertEquals(read.kinds.size() - any.size(), tree.summary().of(Reachability.UNREACHABLE_KEPT).objects());
            assertEquals(0, tree.summary().of(Reachability.UNREACHABLE).objects(), "nothing is dropped as garbage");
            for (long id : read.kinds.keySet()) {
                long node = a.index().ordinalOf(id);
                Reachability expected = strong.contains(id) ? Reachability.STRONG : any.contains(id) ? Reachability.WEAK : Reachability.UNREACHABLE_KEPT;
                assertEquals(expected, tree.reachability(node), () -> "object " + Long.toHexString(id));
            }
            // every strongly reached object has a shortest path from a root read or a stand-in
            ShortestPaths paths = a.shortestPaths();
            long withPath = 0;
            for (long n = 0; n < a.index().objectCount(); n++) if (paths.hasPath(n)) withPath++;
            assertEquals(strong.size(), withPath);
        }
    }

    /** Ids reached from {@code roots} over the decoded references (weak ones too when {@code weak}). */
    private static Set<Long> reach(Set<Long> roots, ReferenceDecoder d, boolean weak) {
        Set<Long> seen = new HashSet<>(roots);
        ArrayDeque<Long> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            long id = todo.poll();
            List<Long> out = d.edges.getOrDefault(id, List.of());
            List<Boolean> isWeak = d.weak.getOrDefault(id, List.of());
            for (int i = 0; i < out.size(); i++) {
                if (!weak && isWeak.get(i)) continue;
                if (seen.add(out.get(i))) todo.add(out.get(i));
            }
        }
        return seen;
    }

    /** Where to cut: a share of the file, or a place found by walking the whole dump's records. */
    private static long offset(String cut, byte[] bytes, ReferenceDecoder complete) {
        if (cut.endsWith("%")) {
            long at = bytes.length * Long.parseLong(cut.substring(0, cut.length() - 1)) / 100;
            // 10 % of a one-round JDK 25 dump lies among its strings, before the first heap record; a cut exactly at a
            // record boundary there leaves a file without a heap dump, which the commands refuse (cli's
            // PartialGraphCommandsTest): cut one byte further, inside a record, as a cut by chance nearly always is
            boolean atBoundary = topLevelRecords(bytes).stream().anyMatch(r -> r[0] == at);
            return atBoundary ? at + 1 : at;
        }
        List<long[]> segments = topLevelRecords(bytes).stream().filter(r -> r[1] == 0x1C).map(r -> new long[] {r[0], r[2]}).toList(); // {start, length}
        long[] middle = segments.get(segments.size() / 2);
        return switch (cut) {
            case "in a record header" -> middle[0] + 4; // after the tag and part of the time field
            case "in a heap segment" -> middle[0] + 9 + middle[1] / 2;
            case "in the GC roots" -> (complete.firstRootAt + complete.lastRootEnd) / 2;
            default -> throw new IllegalArgumentException(cut);
        };
    }

    /** Start, tag and body length of every top-level record, from the record headers alone. */
    private static List<long[]> topLevelRecords(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.get() != 0) { /* the format name */ }
        b.position(b.position() + 12); // id size, time
        List<long[]> records = new ArrayList<>();
        while (b.remaining() >= 9) {
            int start = b.position();
            int tag = b.get() & 0xFF;
            b.getInt();
            long length = b.getInt() & 0xFFFFFFFFL;
            records.add(new long[] {start, tag, length});
            b.position((int) Math.min(bytes.length, b.position() + length));
        }
        return records;
    }
}

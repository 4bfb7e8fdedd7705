package org.hprofdiff.index.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.index.AnalysisProgress;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexOptions;
import org.hprofdiff.index.graph.paths.MergedPaths;
import org.hprofdiff.index.graph.paths.PathNode;
import org.hprofdiff.index.graph.paths.PathStep;
import org.hprofdiff.index.graph.paths.PathTrie;
import org.hprofdiff.testdata.scenarios.Jdks;
import org.hprofdiff.testdata.scenarios.Scenario;
import org.hprofdiff.testdata.scenarios.ScenarioLaunch;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.hprofdiff.testdata.scenarios.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many rows' paths in one pass are each row's paths merged alone: on a real dump of the connection-reaper leak, every
 * row's leaves (signatures, objects, bytes retained each counted once within the row, first objects, loaders) equal
 * what {@link MergedPaths} — a separate algorithm, one target set at a time, its own dominator-chain test for
 * "dominated by another target" — gives for that row, and do not depend on which other rows share the pass.
 */
class RowLeavesTest {
    @TempDir
    Path dir;

    private static final List<String> CLASSES = List.of("org.hprofdiff.testdata.scenarios.incident.http.PoolingHttpClientConnectionManager",
            "java.util.HashMap$Node", "java.util.HashMap$Node[]", "byte[]", "java.lang.String", "java.util.concurrent.ConcurrentHashMap$Node");

    /** A leaf as "signature | objects | retained | samples | loaders". */
    private static String line(List<PathStep> steps, long objects, long retained, long[] samples, java.util.Set<Long> loaders) {
        return DumpPaths.signature(steps) + " | " + objects + " | " + retained + " | " + java.util.Arrays.toString(samples) + " | " + loaders;
    }

    @Test
    void eachRowsLeavesAreItsMergedPathsWhateverRowsShareThePass() throws Exception {
        ScenarioRun run = ScenarioRunner.run(ScenarioLaunch.of(Scenario.CONNECTION_REAPER, Jdks.current(), 1, dir));
        IndexOptions options = IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(dir.resolve("idx"));
        try (HeapAnalysis a = HeapAnalysis.open(run.dumps().getFirst(), options, HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
            List<RowTargets.Key> keys = CLASSES.stream().map(c -> new RowTargets.Key(c, loaderOf(c), null)).toList();
            // the class rows share the pass with an arrays-by-length row whose arrays are also in a class row
            List<RowTargets.Key> arrayKey = List.of(new RowTargets.Key("java.util.HashMap$Node[]", ClassStats.BOOTSTRAP, 16384));
            List<List<RowLeaves.Leaf>> together;
            List<RowLeaves.Leaf> arraysTogether;
            try (PathTrie trie = new PathTrie(a.graph(), a.shortestPaths(), true, a.scratch())) {
                var both = RowLeaves.of(a, trie, List.of(new RowLeaves.Rows(RowTargets.classes(keys, a.index()), keys.size()),
                        new RowLeaves.Rows(RowTargets.arrays(arrayKey, a.index()), 1)));
                together = both.get(0);
                arraysTogether = both.get(1).getFirst();
            }
            try (PathTrie trie = new PathTrie(a.graph(), a.shortestPaths(), true, a.scratch())) {
                var arraysAlone = RowLeaves.of(a, trie, List.of(new RowLeaves.Rows(RowTargets.arrays(arrayKey, a.index()), 1))).getFirst().getFirst();
                assertTrue(!arraysAlone.isEmpty(), "the leak's HashMap$Node[16384] arrays have paths");
                assertEquals(arraysAlone.stream().map(l -> line(l.steps(), l.objects(), l.retainedBytes(), l.samples(), l.loaders())).toList(),
                        arraysTogether.stream().map(l -> line(l.steps(), l.objects(), l.retainedBytes(), l.samples(), l.loaders())).toList());
            }
            for (int r = 0; r < keys.size(); r++) {
                List<String> expected = merged(a, CLASSES.get(r));
                List<String> got = together.get(r).stream().map(l -> line(l.steps(), l.objects(), l.retainedBytes(), l.samples(), l.loaders())).sorted().toList();
                assertTrue(!expected.isEmpty(), CLASSES.get(r) + " has objects with paths");
                assertEquals(expected, got, CLASSES.get(r));
                List<List<RowLeaves.Leaf>> alone;
                try (PathTrie trie = new PathTrie(a.graph(), a.shortestPaths(), true, a.scratch())) {
                    alone = RowLeaves.of(a, trie, List.of(new RowLeaves.Rows(RowTargets.classes(List.of(keys.get(r)), a.index()), 1))).getFirst();
                }
                assertEquals(got, alone.getFirst().stream().map(l -> line(l.steps(), l.objects(), l.retainedBytes(), l.samples(), l.loaders())).sorted().toList(),
                        CLASSES.get(r) + " alone");
            }
        }
    }

    /** The scenario's classes are the application loader's; the JDK's the bootstrap loader's. */
    private static String loaderOf(String className) {
        return className.startsWith("org.hprofdiff.") ? "jdk.internal.loader.ClassLoaders$AppClassLoader" : ClassStats.BOOTSTRAP;
    }

    /** The leaves of {@link MergedPaths}'s tree for the instances of exactly {@code className}, as lines, sorted. */
    private static List<String> merged(HeapAnalysis a, String className) throws Exception {
        var tree = a.mergedPaths(Pattern.compile("^" + Pattern.quote(className) + "$"));
        List<String> lines = new ArrayList<>();
        Deque<PathNode> pending = new ArrayDeque<>(tree.top().children());
        while (!pending.isEmpty()) {
            PathNode node = pending.pop();
            pending.addAll(node.children());
            if (node.step() instanceof PathStep.Target) {
                lines.add(line(node.steps(), node.objects(), node.retainedBytes(), node.samples(), node.loaders()));
            }
        }
        return lines.stream().sorted().toList();
    }
}

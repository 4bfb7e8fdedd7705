package org.hprofdiff.index.analysis.paths;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.index.analysis.EdgeLabel;
import org.hprofdiff.index.analysis.NodeFilter;
import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.dominators.DominatorTree;
import org.hprofdiff.index.analysis.offheap.Bits;
import org.hprofdiff.index.analysis.offheap.LongStack;
import org.hprofdiff.index.analysis.offheap.NodeArray;
import org.hprofdiff.index.analysis.offheap.Scratch;

/**
 * Merges the shortest paths of many objects into one tree by path signature (docs/semantics.md, section 10),
 * like MAT's "merge shortest paths to GC roots", but keyed by class and field names so the same path can be
 * found again in another dump. Each object's path signature is built once per object on any target's path
 * and memoised off-heap, so a million targets on a ten-million-long list cost one walk of the list.
 */
public final class MergedPaths {
    private MergedPaths() {}

    /**
     * @param collapseChains  one or more steps through the same field of the same class (a linked list, a
     *                        hash bucket's {@code next} chain) become one step marked {@code +}
     */
    public record Options(boolean collapseChains) {
        public static final Options DEFAULT = new Options(true);
    }

    public static PathTree merge(ObjectGraph graph, ShortestPaths paths, DominatorTree dominators, NodeFilter targets,
                                 Options options, Scratch scratch) {
        try (Merger merger = new Merger(graph, paths, dominators, targets, options, scratch)) {
            return merger.run();
        }
    }

    private record TrieKey(int parent, PathStep step) {}

    private static final class Merger implements AutoCloseable {
        private static final Comparator<PathNode> ORDER = Comparator.comparingLong(PathNode::retainedBytes).reversed()
                .thenComparing(Comparator.comparingLong(PathNode::objects).reversed())
                .thenComparing(n -> n.step().signature());

        private final ObjectGraph graph;
        private final ShortestPaths paths;
        private final DominatorTree dominators;
        private final NodeFilter targets;
        private final Options options;
        private final NodeArray memo;      // object → trie id of its path's prefix, + 1
        private final Bits known;          // whether "a target at or above" is known for an object
        private final Bits targetAbove;    // ... and its value
        private final LongStack walk;
        private final List<PathNode> trie = new ArrayList<>();
        private final Map<TrieKey, Integer> index = new HashMap<>();
        private final Map<Integer, String> classNames = new HashMap<>();

        Merger(ObjectGraph graph, ShortestPaths paths, DominatorTree dominators, NodeFilter targets, Options options, Scratch scratch) {
            this.graph = graph;
            this.paths = paths;
            this.dominators = dominators;
            this.targets = targets;
            this.options = options;
            long n = graph.nodeCount();
            memo = scratch.nodes(n, false);
            known = scratch.bits(n);
            targetAbove = scratch.bits(n);
            walk = new LongStack(scratch, 64);
            trie.add(new PathNode(null, null));
        }

        PathTree run() {
            long count = 0;
            long withoutPath = 0;
            long retainedTotal = 0;
            for (long node = 0, n = graph.nodeCount(); node < n; node++) {
                if (!targets.test(node)) continue;
                count++;
                long retained = dominators.reachability(node).inTree() && !dominatedByTarget(node) ? dominators.retainedSize(node) : 0;
                retainedTotal += retained;
                if (!paths.hasPath(node)) {
                    withoutPath++;
                    continue;
                }
                boolean loader = graph.definesClasses(node);
                String loaderName = loader ? PathStep.Loader.fold(graph.loaderName(node)) : null;
                PathNode leaf = trie.get(child(prefixOf(node), new PathStep.Target(className(graph.classIndex(node)), loaderName)));
                leaf.sample(node);
                if (loader) leaf.loader(node);
                leaf.objects++;
                leaf.retainedBytes += retained;
            }
            for (int id = trie.size() - 1; id > 0; id--) {
                PathNode node = trie.get(id);
                node.parent().objects += node.objects;
                node.parent().retainedBytes += node.retainedBytes;
            }
            for (PathNode node : trie) {
                node.children.removeIf(c -> c.objects == 0); // prefixes only passed on the way to a static field
                node.children.sort(ORDER);
            }
            return new PathTree(trie.get(0), count, withoutPath, retainedTotal);
        }

        /** Whether another target dominates {@code node}; memoised along the dominator chain (two walks, no stack). */
        private boolean dominatedByTarget(long node) {
            long root = dominators.virtualRoot();
            long outside = dominators.notInTree();
            long start = dominators.immediateDominator(node);
            long x = start;
            boolean answer;
            while (true) {
                if (x == root || x == outside) { answer = false; break; }
                if (known.get(x)) { answer = targetAbove.get(x); break; }
                if (targets.test(x)) { answer = true; break; }
                x = dominators.immediateDominator(x);
            }
            for (long y = start; y != x; y = dominators.immediateDominator(y)) {
                known.set(y);
                if (answer) targetAbove.set(y);
            }
            return answer;
        }

        /** Trie id of the path signature up to and including {@code node} (without the target step). */
        private int prefixOf(long node) {
            long m = memo.get(node);
            if (m != 0) return (int) (m - 1);
            walk.clear();
            long x = node;
            while (memo.get(x) == 0 && !paths.isPathStart(x)) {
                walk.push(x);
                x = ShortestPaths.source(graph, paths.parentEdge(x));
            }
            int prefix;
            if (memo.get(x) != 0) {
                prefix = (int) (memo.get(x) - 1);
            } else {
                // a static start is the field alone: its class object's own path is not part of it
                prefix = paths.isRoot(x) ? child(0, rootStep(x)) : staticStep(x);
                memo.set(x, prefix + 1L);
            }
            long holder = x;
            while (!walk.isEmpty()) {
                long y = walk.pop();
                prefix = append(prefix, holder, paths.parentEdge(y), y);
                memo.set(y, prefix + 1L);
                holder = y;
            }
            return prefix;
        }

        /** Trie id of the one-step path of an object whose path is a static field. */
        private int staticStep(long node) {
            long edge = paths.parentEdge(node);
            long holder = ShortestPaths.source(graph, edge);
            EdgeLabel.StaticField f = (EdgeLabel.StaticField) graph.edgeLabel(holder, edge);
            int stands = graph.classObjectIndex(holder);
            return child(0, new PathStep.Static(className(stands >= 0 ? stands : graph.classIndex(holder)), f.name()));
        }

        private PathStep rootStep(long node) {
            return PathStep.Root.of(graph, paths.rootEntry(node));
        }

        private int append(int prefix, long holder, long edge, long child) {
            boolean chain = options.collapseChains() && graph.classIndex(holder) == graph.classIndex(child);
            PathStep step = PathStep.of(graph, holder, edge, child, chain, this::className);
            if (chain && step.equals(trie.get(prefix).step())) return prefix;
            int id = child(prefix, step);
            if (step instanceof PathStep.Loader) trie.get(id).loader(child);
            return id;
        }

        private int child(int parent, PathStep step) {
            TrieKey key = new TrieKey(parent, step);
            Integer id = index.get(key);
            if (id != null) return id;
            PathNode node = new PathNode(step, trie.get(parent));
            trie.get(parent).children.add(node);
            trie.add(node);
            index.put(key, trie.size() - 1);
            return trie.size() - 1;
        }

        private String className(int classIndex) {
            return classNames.computeIfAbsent(classIndex, graph::className);
        }

        @Override
        public void close() {
            walk.close();
            targetAbove.close();
            known.close();
            memo.close();
        }
    }
}

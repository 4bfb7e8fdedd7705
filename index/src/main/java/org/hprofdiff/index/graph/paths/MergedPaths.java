package org.hprofdiff.index.graph.paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.index.graph.NodeFilter;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.offheap.Bits;
import org.hprofdiff.index.graph.offheap.Scratch;

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

    /** The merged paths of every object {@code targets} accepts (one pass over all objects). */
    public static PathTree merge(ObjectGraph graph, ShortestPaths paths, DominatorTree dominators, NodeFilter targets,
                                 Options options, Scratch scratch) {
        return merge(graph, paths, dominators, targets, options, scratch, false);
    }

    /**
     * As {@link #merge(ObjectGraph, ShortestPaths, DominatorTree, NodeFilter, Options, Scratch)}; {@code few} when the
     * filter accepts few objects (a class of a handful of instances): the per-object memos then take pages only where
     * the paths go ({@link Scratch#allocateSparse}) instead of being faulted in whole.
     */
    public static PathTree merge(ObjectGraph graph, ShortestPaths paths, DominatorTree dominators, NodeFilter targets,
                                 Options options, Scratch scratch, boolean few) {
        try (Merger merger = new Merger(graph, paths, dominators, targets, options, scratch, few)) {
            for (long node = 0, n = graph.nodeCount(); node < n; node++) {
                if (targets.test(node)) merger.add(node);
            }
            return merger.finish();
        }
    }

    /**
     * The merged paths of a few objects named one by one (a suspect's path): no pass over all objects, and the
     * per-object memos take pages only where the paths go ({@link Scratch#allocateSparse}).
     */
    public static PathTree mergeFew(ObjectGraph graph, ShortestPaths paths, DominatorTree dominators, long[] targets,
                                    Options options, Scratch scratch) {
        long[] sorted = Arrays.stream(targets).sorted().distinct().toArray();
        try (Merger merger = new Merger(graph, paths, dominators, node -> Arrays.binarySearch(sorted, node) >= 0, options, scratch, true)) {
            for (long node : sorted) merger.add(node);
            return merger.finish();
        }
    }

    private static final class Merger implements AutoCloseable {
        private static final Comparator<PathNode> ORDER = Comparator.comparingLong(PathNode::retainedBytes).reversed()
                .thenComparing(Comparator.comparingLong(PathNode::objects).reversed())
                .thenComparing(n -> n.step().signature());

        private final ObjectGraph graph;
        private final ShortestPaths paths;
        private final DominatorTree dominators;
        private final NodeFilter targets;
        private final PathTrie trie;
        private final Bits known;          // whether "a target at or above" is known for an object
        private final Bits targetAbove;    // ... and its value
        private final Map<Integer, PathNode> nodes = new HashMap<>();

        private long count;
        private long withoutPath;
        private long retainedTotal;

        /** @param few whether only a few targets will be added: the per-object memos then take pages only where touched */
        Merger(ObjectGraph graph, ShortestPaths paths, DominatorTree dominators, NodeFilter targets, Options options, Scratch scratch,
               boolean few) {
            this.graph = graph;
            this.paths = paths;
            this.dominators = dominators;
            this.targets = targets;
            long n = Math.max(1, graph.nodeCount());
            trie = new PathTrie(graph, paths, options.collapseChains(), scratch, few);
            known = few ? scratch.sparseBits(n) : scratch.bits(n);
            targetAbove = few ? scratch.sparseBits(n) : scratch.bits(n);
            nodes.put(PathTrie.TOP, new PathNode(null, null));
        }

        /** Merges the path of {@code node}, a target, in ascending order of targets. */
        void add(long node) {
            count++;
            long retained = dominators.reachability(node).inTree() && !dominatedByTarget(node) ? dominators.retainedSize(node) : 0;
            retainedTotal += retained;
            if (!paths.hasPath(node)) {
                withoutPath++;
                return;
            }
            boolean loader = graph.definesClasses(node);
            String loaderName = loader ? PathStep.Loader.fold(graph.loaderName(node)) : null;
            PathNode leaf = node(trie.child(trie.prefixOf(node), new PathStep.Target(trie.className(graph.classIndex(node)), loaderName)));
            leaf.sample(node);
            long pinned = trie.firstLoader(node);
            if (pinned != PathTrie.NO_LOADER) leaf.loader(pinned);
            else if (loader) leaf.loader(node);
            leaf.objects++;
            leaf.retainedBytes += retained;
        }

        /** The tree of the targets added: each node's totals summed up, children largest first. */
        PathTree finish() {
            List<Integer> ids = new ArrayList<>(nodes.keySet());
            ids.sort(Comparator.reverseOrder()); // a child's id is larger than its parent's
            for (int id : ids) {
                if (id == PathTrie.TOP) continue;
                PathNode node = nodes.get(id);
                node.parent().objects += node.objects;
                node.parent().retainedBytes += node.retainedBytes;
            }
            for (PathNode node : nodes.values()) node.children.sort(ORDER);
            return new PathTree(nodes.get(PathTrie.TOP), count, withoutPath, retainedTotal);
        }

        /** The tree node of trie id {@code id}, made with its ancestors on first use. */
        private PathNode node(int id) {
            PathNode node = nodes.get(id);
            if (node != null) return node;
            PathNode parent = node(trie.parent(id));
            node = new PathNode(trie.step(id), parent);
            parent.children.add(node);
            nodes.put(id, node);
            return node;
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

        @Override
        public void close() {
            targetAbove.close();
            known.close();
            trie.close();
        }
    }
}

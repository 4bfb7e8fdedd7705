package org.hprofdiff.index.graph.suspects;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.hprofdiff.index.graph.paths.MergedPaths;
import org.hprofdiff.index.graph.paths.PathNode;
import org.hprofdiff.index.graph.paths.PathTree;
import org.hprofdiff.index.graph.paths.ShortestPaths;

/**
 * Leak suspects in the manner of Eclipse MAT's leak suspects report (docs/semantics.md, section 11):
 * objects directly below the virtual root of the dominator tree that retain more than a share of the heap,
 * each with its accumulation point; then classes whose directly-rooted instances together retain more than
 * that share, each with the path most of them share.
 */
public final class LeakSuspects {
    private LeakSuspects() {}

    /**
     * @param threshold     share of the heap (bytes in the dominator tree) a suspect retains, MAT's default 10 %
     * @param bigDropRatio  descent towards the accumulation point stops where the largest child retains less
     *                      than this share of its parent (MAT: 0.7)
     * @param commonShare   a group's common path goes on while one branch holds this share of the objects (MAT: 0.8)
     */
    public record Options(double threshold, double bigDropRatio, double commonShare) {
        public static final Options DEFAULT = new Options(0.10, 0.7, 0.8);
    }

    /** A suspect: one object, or a class whose instances together retain much. */
    public sealed interface Suspect {
        long retainedBytes();

        /** Share of the heap, 0..1. */
        double share();
    }

    /**
     * One object that retains more than the threshold.
     *
     * @param accumulation where the retained bytes stop being concentrated in one child: the object whose
     *                     largest child retains less than {@code bigDropRatio} of it, or the head of a chain
     * @param depth        dominator-tree levels from the suspect down to the accumulation point
     */
    public record SingleObject(long node, int classIndex, long retainedBytes, double share, long accumulation,
                               long accumulationRetained, long depth) implements Suspect {}

    /**
     * A class whose instances directly below the virtual root retain more than the threshold together.
     *
     * @param commonPath the deepest node of their merged path tree that most of them share, or null when no
     *                   paths were given or fewer than {@code commonShare} of them share even the first step
     */
    public record ClassGroup(int classIndex, long instances, long retainedBytes, double share, PathNode commonPath) implements Suspect {}

    /** Dominator levels the accumulation search goes down at most (MAT's limit). */
    static final int MAX_DEPTH = 1000;

    /** Finds the suspects, largest first; {@code paths} may be null (then groups have no common path). */
    public static List<Suspect> find(ObjectGraph graph, DominatorTree tree, ShortestPaths paths, Options options, Scratch scratch) {
        long heap = tree.retainedSize(tree.virtualRoot());
        List<Suspect> suspects = new ArrayList<>();
        if (heap == 0) return suspects;
        long threshold = (long) (options.threshold() * heap);
        Set<Integer> singleClasses = new HashSet<>();
        int most = (int) Math.ceil(1 / Math.max(options.threshold(), 1e-9)) + 1;
        for (long node : tree.largestChildren(tree.virtualRoot(), most)) {
            long retained = tree.retainedSize(node);
            if (retained <= threshold) break;
            singleClasses.add(graph.classIndex(node));
            suspects.add(single(graph, tree, node, options, heap));
        }
        long[] bytes = new long[graph.classCount()];
        long[] counts = new long[graph.classCount()];
        long root = tree.virtualRoot();
        for (long i = 0, n = tree.childCount(root); i < n; i++) {
            long node = tree.child(root, i);
            int c = graph.classIndex(node);
            bytes[c] += tree.retainedSize(node);
            counts[c]++;
        }
        List<ClassGroup> groups = new ArrayList<>();
        for (int c = 0; c < bytes.length; c++) {
            if (bytes[c] <= threshold || singleClasses.contains(c)) continue;
            PathNode common = paths == null ? null : commonPath(graph, tree, paths, c, options, scratch);
            groups.add(new ClassGroup(c, counts[c], bytes[c], (double) bytes[c] / heap, common));
        }
        groups.sort((a, b) -> Long.compare(b.retainedBytes(), a.retainedBytes()));
        suspects.addAll(groups);
        return suspects;
    }

    private static SingleObject single(ObjectGraph graph, DominatorTree tree, long suspect, Options options, long heap) {
        long current = suspect;
        long previousClass = -1;
        long depth = 0;
        while (depth < MAX_DEPTH) {
            long[] largest = tree.largestChildren(current, 1);
            if (largest.length == 0) break;
            long child = largest[0];
            if ((double) tree.retainedSize(child) / tree.retainedSize(current) < options.bigDropRatio()) break;
            int childClass = graph.classIndex(child);
            // a chain (linked list, alternating node types): its head is where the objects accumulate
            if (childClass == graph.classIndex(current) || childClass == previousClass) break;
            previousClass = graph.classIndex(current);
            current = child;
            depth++;
        }
        long retained = tree.retainedSize(suspect);
        return new SingleObject(suspect, graph.classIndex(suspect), retained, (double) retained / heap, current,
                tree.retainedSize(current), depth);
    }

    private static PathNode commonPath(ObjectGraph graph, DominatorTree tree, ShortestPaths paths, int classIndex,
                                       Options options, Scratch scratch) {
        long root = tree.virtualRoot();
        PathTree merged = MergedPaths.merge(graph, paths, tree,
                node -> graph.classIndex(node) == classIndex && tree.immediateDominator(node) == root, MergedPaths.Options.DEFAULT, scratch);
        PathNode at = merged.top();
        PathNode common = null;
        while (!at.children().isEmpty()) {
            PathNode next = at.children().getFirst();
            for (PathNode c : at.children()) if (c.objects() > next.objects()) next = c;
            if (next.objects() < options.commonShare() * merged.targets()) break;
            if (common != null && (double) next.retainedBytes() / common.retainedBytes() < options.bigDropRatio()) break;
            common = next;
            at = next;
        }
        return common;
    }
}

package org.hprofdiff.index.growth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hprofdiff.index.analysis.paths.PathNode;
import org.hprofdiff.index.analysis.paths.PathStep;
import org.hprofdiff.index.analysis.paths.PathTree;

/**
 * One dump's merged retention paths of one row, keyed by the signature that matches them across dumps: the
 * merged tree's own signatures with the chains left out (docs/growth-analysis.md, section 6). Whether an object
 * sits at the head of a hash bucket or three nodes down its {@code next} chain, or where in a linked list,
 * depends on hash codes and insertion order, which change from dump to dump; kept, the chains would split one
 * path into branches whose numbers jump about.
 */
final class DumpPaths {

    /**
     * @param steps              root side first, ending at the row's class
     * @param alsoReachableFrom  other roots on the path's first objects, as people read them
     * @param objects            objects of the row whose shortest path this is
     * @param retainedBytes      bytes they retain, each counted once
     */
    record Found(List<PathStep> steps, List<String> alsoReachableFrom, long objects, long retainedBytes) {}

    private DumpPaths() {}

    /** The leaves of {@code tree} (one per distinct path), matched up by the rules above; in the tree's order. */
    static Map<String, Found> of(PathTree tree, OtherRoots otherRoots) {
        Map<String, Found> found = new LinkedHashMap<>();
        Deque<PathNode> pending = new ArrayDeque<>(tree.top().children().reversed());
        while (!pending.isEmpty()) {
            PathNode node = pending.pop();
            for (PathNode child : node.children().reversed()) pending.push(child);
            if (!(node.step() instanceof PathStep.Target)) continue;
            List<PathStep> steps = withoutChains(node.steps());
            Found here = new Found(steps, otherRoots.of(steps.getFirst()), node.objects(), node.retainedBytes());
            found.merge(signature(steps), here, DumpPaths::plus);
        }
        return found;
    }

    /** The steps without the repeated steps of chains ({@code Node.next+}, nested arrays {@code [*]+}). */
    static List<PathStep> withoutChains(List<PathStep> steps) {
        List<PathStep> kept = new ArrayList<>(steps.size());
        for (PathStep s : steps) {
            boolean chain = s instanceof PathStep.Field f && f.repeated() || s instanceof PathStep.Element e && e.repeated();
            if (!chain) kept.add(s);
        }
        return List.copyOf(kept);
    }

    static String signature(List<PathStep> steps) {
        return String.join(" → ", steps.stream().map(PathStep::signature).toList());
    }

    private static Found plus(Found a, Found b) {
        Set<String> also = new LinkedHashSet<>(a.alsoReachableFrom());
        for (String s : b.alsoReachableFrom()) if (also.size() < OtherRoots.MAX) also.add(s);
        return new Found(a.steps(), List.copyOf(also), a.objects() + b.objects(), a.retainedBytes() + b.retainedBytes());
    }
}

package org.hprofdiff.index.graph.paths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.index.graph.EdgeHolders;
import org.hprofdiff.index.graph.EdgeLabel;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.offheap.LongStack;
import org.hprofdiff.index.graph.offheap.NodeArray;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * The signatures of the shortest paths of many objects, as one trie of steps (docs/semantics.md, section 10):
 * each object's path prefix is built once and memoised off-heap, so a million objects on a ten-million-long list
 * cost one walk of the list, and every object on the way knows its prefix for the next one. Also memoised: the
 * first class loader object a path passes through a {@code <classloader>} step (what keeps a plugin's class).
 * Shared by {@link MergedPaths} (one set of objects) and the growth analysis (many rows at once); the trie's ids
 * depend only on the paths, never on which objects were asked about first.
 */
public final class PathTrie implements AutoCloseable {
    /** The id of the empty prefix, above every path start. */
    public static final int TOP = 0;
    /** {@link #firstLoader} when a path passes no {@code <classloader>} step. */
    public static final long NO_LOADER = -1;

    private record Key(int parent, PathStep step) {}

    private final ObjectGraph graph;
    private final ShortestPaths paths;
    private final EdgeHolders holders;
    private final boolean collapseChains;
    private final NodeArray memo;    // object → trie id of its path's prefix, + 1 (0: not known yet)
    private final NodeArray loaders; // object → first loader on its path, + 2 (1: none; 0: not known yet)
    private final LongStack walk;
    private final List<PathStep> steps = new ArrayList<>();
    private final List<Integer> parents = new ArrayList<>();
    private final Map<Key, Integer> ids = new HashMap<>();
    private final String[] classNames; // by class index, filled on first use (asked for every step merged)

    /** @param collapseChains one or more steps through the same field of the same class become one step marked {@code +} */
    public PathTrie(ObjectGraph graph, ShortestPaths paths, boolean collapseChains, Scratch scratch) {
        this(graph, paths, collapseChains, scratch, false);
    }

    /** As {@link #PathTrie(ObjectGraph, ShortestPaths, boolean, Scratch)}; {@code few}: the paths of a few objects only ({@link Scratch#allocateSparse}). */
    PathTrie(ObjectGraph graph, ShortestPaths paths, boolean collapseChains, Scratch scratch, boolean few) {
        this.graph = graph;
        this.paths = paths;
        this.holders = new EdgeHolders(graph);
        this.collapseChains = collapseChains;
        this.classNames = new String[graph.classCount()];
        long n = Math.max(1, graph.nodeCount());
        boolean wide = NodeArray.needsWide(n + 2);
        NodeArray m = few ? scratch.sparseNodes(n, wide) : scratch.nodes(n, wide);
        try {
            loaders = few ? scratch.sparseNodes(n, wide) : scratch.nodes(n, wide);
        } catch (RuntimeException | Error e) {
            m.close();
            throw e;
        }
        memo = m;
        walk = new LongStack(scratch, 64);
        steps.add(null);
        parents.add(-1);
    }

    /** Number of trie ids, {@link #TOP} included. */
    public int size() { return steps.size(); }

    /** The step of trie id {@code id}; null for {@link #TOP}. */
    public PathStep step(int id) { return steps.get(id); }

    /** The parent of trie id {@code id}; -1 for {@link #TOP}. */
    public int parent(int id) { return parents.get(id); }

    /** The steps from the top to {@code id}, root side first. */
    public List<PathStep> steps(int id) {
        List<PathStep> out = new ArrayList<>();
        for (int x = id; x != TOP; x = parents.get(x)) out.add(steps.get(x));
        return out.reversed();
    }

    /** The trie id of {@code step} below {@code parent}, made on first use. */
    public int child(int parent, PathStep step) {
        Key key = new Key(parent, step);
        Integer id = ids.get(key);
        if (id != null) return id;
        steps.add(step);
        parents.add(parent);
        ids.put(key, steps.size() - 1);
        return steps.size() - 1;
    }

    /** The class's Java name, cached. */
    public String className(int classIndex) {
        String name = classNames[classIndex];
        if (name == null) classNames[classIndex] = name = graph.className(classIndex);
        return name;
    }

    /** Trie id of the path signature up to and including {@code node} (not the target step); {@code node} must have a path. */
    public int prefixOf(long node) {
        long m = memo.get(node);
        if (m != 0) return (int) (m - 1);
        walk.clear();
        long x = node;
        while (memo.get(x) == 0 && !paths.isPathStart(x)) {
            walk.push(x);
            x = holders.of(paths.parentEdge(x));
        }
        int prefix;
        if (memo.get(x) != 0) {
            prefix = (int) (memo.get(x) - 1);
        } else {
            // a static start is the field alone: its class object's own path is not part of it
            prefix = paths.isRoot(x) ? child(TOP, PathStep.Root.of(graph, paths.rootEntry(x))) : staticStep(x);
            memo.set(x, prefix + 1L);
            loaders.set(x, 1);
        }
        long holder = x;
        while (!walk.isEmpty()) {
            long y = walk.pop();
            prefix = append(prefix, holder, paths.parentEdge(y), y);
            memo.set(y, prefix + 1L);
            long above = loaders.get(holder);
            loaders.set(y, above != 1 ? above : steps.get(prefix) instanceof PathStep.Loader ? y + 2 : 1);
            holder = y;
        }
        return prefix;
    }

    /**
     * The first class loader object {@code node}'s path passes through a {@code <classloader>} step, the one that
     * cannot be unloaded while the path holds it; {@link #NO_LOADER} when there is none.
     */
    public long firstLoader(long node) {
        prefixOf(node);
        long v = loaders.get(node);
        return v < 2 ? NO_LOADER : v - 2;
    }

    /** Trie id of the one-step path of an object whose path is a static field. */
    private int staticStep(long node) {
        long edge = paths.parentEdge(node);
        long holder = holders.of(edge);
        EdgeLabel.StaticField f = (EdgeLabel.StaticField) graph.edgeLabel(holder, edge);
        int stands = graph.classObjectIndex(holder);
        return child(TOP, new PathStep.Static(className(stands >= 0 ? stands : graph.classIndex(holder)), f.name()));
    }

    private int append(int prefix, long holder, long edge, long child) {
        boolean chain = collapseChains && graph.classIndex(holder) == graph.classIndex(child);
        PathStep step = PathStep.of(graph, holder, edge, child, chain, this::className);
        if (chain && step.equals(steps.get(prefix))) return prefix;
        return child(prefix, step);
    }

    @Override
    public void close() {
        walk.close();
        loaders.close();
        memo.close();
    }
}

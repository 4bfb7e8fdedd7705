package org.hprofdiff.index.growth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.PermanentLoaders;
import org.hprofdiff.index.graph.EdgeLabel;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.paths.PathStep;
import org.hprofdiff.index.graph.paths.RootFamily;
import org.hprofdiff.index.table.Edges;

/**
 * The other kinds of holder of one object, in one dump (docs/growth-analysis.md, section 6): a growing path
 * names the holder of the first {@link RootFamily family} that reaches it — the static field
 * {@code IdleConnectionReaper.INSTANCE} — but the collection where the objects accumulate may be held from
 * other families too — the reaper thread's task refers to the same map. A fix must let go of it there as well,
 * so the answer says so: for each other family, its shortest way to the object.
 *
 * <p>Found by a breadth-first search backwards over the retaining references into the object (the index's
 * inbound edges), bounded so that an object held from everywhere costs no more than a glance. The search does
 * not go behind the class objects and loaders of permanent classes: the JVM holds those.
 */
final class OtherHolders {
    /** Objects visited and inbound edges read per object asked about, at most. */
    static final int MAX_VISITED = 100_000;
    static final long MAX_EDGES = 2_000_000;
    /**
     * References a holder may be away from the object: a thread that reaches a registry through thirty steps of
     * JMX and module tables holds it only by the way, and naming it would bury the holder that matters.
     */
    static final int MAX_STEPS = 8;

    private final IndexGraph graph;
    private final Edges inbound;
    private final PermanentLoaders permanent;
    private final boolean followWeak;
    private final References references;
    private final Map<Integer, String> names = new HashMap<>();
    private Map<Long, List<Long>> rootsByObject;

    OtherHolders(IndexGraph graph, Edges inbound, References references) {
        this.graph = graph;
        this.inbound = inbound;
        this.permanent = graph.permanentLoaders();
        this.references = references;
        this.followWeak = references.followsWeakEdges();
    }

    /**
     * For each family other than {@code leading} that holds {@code point}, in family order: the shortest path
     * from that family to {@code point} (its start first, then the steps, the last one into {@code point}).
     */
    List<List<PathStep>> of(long point, RootFamily leading) {
        Map<RootFamily, List<PathStep>> found = new EnumMap<>(RootFamily.class);
        Map<Long, long[]> toward = new HashMap<>(); // object → {the object it holds on the way to point, by which edge}
        Map<Long, Integer> steps = new HashMap<>();
        Deque<Long> queue = new ArrayDeque<>();
        toward.put(point, null);
        steps.put(point, 0);
        queue.add(point);
        long edgesRead = 0;
        int wanted = RootFamily.values().length - 1;
        while (!queue.isEmpty() && found.size() < wanted && toward.size() < MAX_VISITED && edgesRead < MAX_EDGES) {
            long v = queue.poll();
            for (long r : rootsByObject().getOrDefault(v, List.of())) {
                RootFamily family = RootFamily.of(graph.rootKind(r));
                if (family != leading && !found.containsKey(family)) found.put(family, chain(PathStep.Root.of(graph, r), v, toward));
            }
            // the bounds hold inside one object's references too: a class object or a shared constant has millions
            for (long i = inbound.start(v), end = inbound.end(v); i < end && toward.size() < MAX_VISITED && edgesRead < MAX_EDGES; i++) {
                edgesRead++;
                long s = inbound.target(i);
                if (toward.containsKey(s)) continue;
                long e = retainingEdge(s, v);
                if (e < 0) continue;
                int stands = graph.classObjectIndex(s);
                if (stands >= 0 && graph.permanentClass(stands)) {
                    if (graph.edgeLabel(s, e) instanceof EdgeLabel.StaticField f && leading != RootFamily.STATIC_FIELD
                            && !found.containsKey(RootFamily.STATIC_FIELD)) {
                        found.put(RootFamily.STATIC_FIELD, chain(new PathStep.Static(name(stands), f.name()), v, toward));
                    }
                    continue; // the JVM holds a permanent class: what else refers to it says nothing
                }
                if (permanent.permanentLoader(s) || steps.get(v) >= MAX_STEPS) continue;
                toward.put(s, new long[] {v, e});
                steps.put(s, steps.get(v) + 1);
                queue.add(s);
            }
        }
        return List.copyOf(found.values());
    }

    /** {@code start}, then the steps from {@code from} along {@code toward} to the object asked about. */
    private List<PathStep> chain(PathStep start, long from, Map<Long, long[]> toward) {
        List<PathStep> steps = new ArrayList<>();
        steps.add(start);
        for (long x = from; toward.get(x) != null; x = toward.get(x)[0]) {
            long[] next = toward.get(x);
            steps.add(PathStep.of(graph, x, next[1], next[0], false, this::name));
        }
        return steps;
    }

    /** The first retaining edge from {@code holder} to {@code target}, or -1 when every such edge is weak. */
    private long retainingEdge(long holder, long target) {
        for (long e = graph.firstEdge(holder), end = graph.firstEdge(holder + 1); e < end; e++) {
            if (graph.edgeTarget(e) == target && (followWeak || !graph.isWeakEdge(e))) return e;
        }
        return -1;
    }

    private String name(int classIndex) {
        return names.computeIfAbsent(classIndex, graph::className);
    }

    /** Retaining root entries by their object, built on first use: there are few roots next to objects. */
    private Map<Long, List<Long>> rootsByObject() {
        if (rootsByObject == null) {
            rootsByObject = new HashMap<>();
            for (long r = 0, n = graph.rootCount(); r < n; r++) {
                if (references.retains(graph.rootKind(r))) rootsByObject.computeIfAbsent(graph.rootNode(r), k -> new ArrayList<>(1)).add(r);
            }
        }
        return rootsByObject;
    }
}

package org.hprofdiff.index.growth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.index.DumpIndex;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.analysis.EdgeLabel;
import org.hprofdiff.index.analysis.References;
import org.hprofdiff.index.analysis.paths.PathStep;
import org.hprofdiff.index.analysis.paths.ShortestPaths;
import org.hprofdiff.index.graph.ClassInfo;
import org.hprofdiff.index.graph.Edges;

/**
 * Who holds the first object of a merged path in one dump, besides the root the shortest path came from.
 * A shortest path may start at a thread's local variable (distance 0) while a static field holds the same
 * object for the life of the class: the static is what people fix, and it is also the start that stays the
 * same from dump to dump (threads come and go), so a path whose first objects are all held by one static
 * field starts there, and the roots it started at are named as "also reachable from"
 * (docs/growth-analysis.md, section 6).
 */
final class Holders {
    /** Other roots named per path: enough to say where else it is held, not a list of every frame. */
    static final int MAX_OTHER_ROOTS = 3;

    /** How a path that starts with a given step is told: maybe from another start, with the roots that also hold it. */
    record Start(PathStep first, List<String> alsoReachableFrom) {}

    private final IndexGraph graph;
    private final DumpIndex index;
    private final ShortestPaths paths;
    private final References references;
    private final Map<PathStep, Start> starts = new HashMap<>();
    private Map<Long, List<Long>> rootsByObject;
    private Map<String, List<ClassInfo>> classesByName;

    Holders(IndexGraph graph, ShortestPaths paths) {
        this.graph = graph;
        this.index = graph.index();
        this.paths = paths;
        this.references = paths.references();
    }

    /** The start of every path whose first step is {@code first}. */
    Start startOf(PathStep first) {
        return starts.computeIfAbsent(first, this::findStart);
    }

    private Start findStart(PathStep first) {
        return switch (first) {
            case PathStep.Root root -> fromRoot(root);
            case PathStep.Static s -> new Start(s, otherRoots(valuesOf(s), null));
            default -> new Start(first, List.of());
        };
    }

    /** A path from a root entry: from a static field instead when one static holds every object the root stands for. */
    private Start fromRoot(PathStep.Root root) {
        List<Long> anchors = new ArrayList<>();
        for (long r = 0, n = graph.rootCount(); r < n; r++) {
            if (graph.rootKind(r) != root.kind()) continue;
            long node = graph.rootNode(r);
            if (paths.isRoot(node) && paths.rootEntry(node) == r && RootSteps.of(graph, r).equals(root)) anchors.add(node);
        }
        Set<PathStep.Static> common = null;
        for (long anchor : anchors) {
            Set<PathStep.Static> holding = staticsHolding(anchor);
            if (common == null) common = holding;
            else common.retainAll(holding);
        }
        if (common == null || common.isEmpty()) return new Start(root, otherRoots(anchors, root));
        List<String> also = new ArrayList<>();
        also.add(root.display());
        for (String other : otherRoots(anchors, root)) if (also.size() < MAX_OTHER_ROOTS && !also.contains(other)) also.add(other);
        return new Start(common.iterator().next(), also);
    }

    /** Static fields that refer to {@code node} by a retaining reference from a class that is itself reachable; by signature. */
    private Set<PathStep.Static> staticsHolding(long node) {
        Set<PathStep.Static> found = new TreeSet<>(Comparator.comparing(PathStep.Static::signature));
        Edges in = index.inbound();
        for (long i = in.start(node), end = in.end(node); i < end; i++) {
            long holder = in.target(i);
            int stands = graph.classObjectIndex(holder);
            if (stands < 0 || !paths.hasPath(holder)) continue;
            for (long e = graph.firstEdge(holder), last = graph.firstEdge(holder + 1); e < last; e++) {
                if (graph.edgeTarget(e) != node || (!references.followsWeakEdges() && graph.isWeakEdge(e))) continue;
                if (graph.edgeLabel(holder, e) instanceof EdgeLabel.StaticField f) {
                    found.add(new PathStep.Static(graph.className(stands), f.name()));
                }
            }
        }
        return found;
    }

    /** The objects a static field refers to (one per class of that name: several loaders may define it). */
    private List<Long> valuesOf(PathStep.Static field) {
        if (classesByName == null) {
            classesByName = new HashMap<>();
            for (ClassInfo c : index.classes().all()) classesByName.computeIfAbsent(c.javaName(), k -> new ArrayList<>(1)).add(c);
        }
        List<Long> values = new ArrayList<>();
        for (ClassInfo c : classesByName.getOrDefault(field.declaringClass(), List.of())) {
            for (ClassInfo.Static s : c.statics()) {
                if (s.type() != BasicType.OBJECT || s.value() == 0 || !s.name().equals(field.field())) continue;
                long node = index.ordinalOf(s.value());
                if (node >= 0) values.add(node);
            }
        }
        return values;
    }

    /**
     * Retaining root entries on {@code objects}, as people read them; at most {@link #MAX_OTHER_ROOTS}. Left out:
     * {@code start} itself, and the other roots of its thread (a thread's own frames hold its {@code Thread}
     * object: that says nothing new).
     */
    private List<String> otherRoots(List<Long> objects, PathStep.Root start) {
        Set<String> also = new LinkedHashSet<>();
        for (long node : objects) {
            for (long r : rootsByObject().getOrDefault(node, List.of())) {
                PathStep.Root step = RootSteps.of(graph, r);
                boolean sameThread = start != null && start.thread() != null && start.thread().equals(step.thread());
                if (!step.equals(start) && !sameThread && also.size() < MAX_OTHER_ROOTS) also.add(step.display());
            }
        }
        return List.copyOf(also);
    }

    /** Root entries by their object, built on first use: there are few roots next to objects. */
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

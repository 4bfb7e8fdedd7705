package org.hprofdiff.index.growth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.index.DumpIndex;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.analysis.paths.PathStep;
import org.hprofdiff.index.analysis.paths.ShortestPaths;
import org.hprofdiff.index.graph.ClassInfo;

/**
 * The GC roots that also hold the first object of a merged path, in one dump: a path names one start (a static
 * field, else the root its shortest path came from), but the same object may be a thread's local variable as
 * well ({@code static IdleConnectionReaper.INSTANCE}, also reachable from thread "idle-connection-reaper"):
 * worth saying, because a fix must let go of it there too (docs/growth-analysis.md, section 6).
 */
final class OtherRoots {
    /** Roots named per path: enough to say where else it is held, not a list of every frame. */
    static final int MAX = 3;

    private final IndexGraph graph;
    private final DumpIndex index;
    private final ShortestPaths paths;
    private final Map<PathStep, List<String>> byStart = new HashMap<>();
    private Map<Long, List<Long>> rootsByObject;
    private Map<String, List<ClassInfo>> classesByName;

    OtherRoots(IndexGraph graph, ShortestPaths paths) {
        this.graph = graph;
        this.index = graph.index();
        this.paths = paths;
    }

    /** The other roots on the first objects of every path that starts with {@code first}, as people read them; at most {@link #MAX}. */
    List<String> of(PathStep first) {
        return byStart.computeIfAbsent(first, step -> switch (step) {
            case PathStep.Root root -> others(startsOf(root), root);
            case PathStep.Static field -> others(valuesOf(field), null);
            default -> List.of();
        });
    }

    /** The objects whose path starts at a root entry that reads as {@code root}. */
    private List<Long> startsOf(PathStep.Root root) {
        List<Long> objects = new ArrayList<>();
        for (long r = 0, n = graph.rootCount(); r < n; r++) {
            if (graph.rootKind(r) != root.kind()) continue;
            long node = graph.rootNode(r);
            if (paths.isRoot(node) && paths.rootEntry(node) == r && PathStep.Root.of(graph, r).equals(root)) objects.add(node);
        }
        return objects;
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
     * Retaining root entries on {@code objects}. Left out: {@code start} itself, and the other roots of its thread
     * (a thread's own frames hold its {@code Thread} object: that says nothing new).
     */
    private List<String> others(List<Long> objects, PathStep.Root start) {
        Set<String> also = new LinkedHashSet<>();
        for (long node : objects) {
            for (long r : rootsByObject().getOrDefault(node, List.of())) {
                PathStep.Root step = PathStep.Root.of(graph, r);
                boolean sameThread = start != null && start.thread() != null && start.thread().equals(step.thread());
                if (!step.equals(start) && !sameThread && also.size() < MAX) also.add(step.display());
            }
        }
        return List.copyOf(also);
    }

    /** Retaining root entries by their object, built on first use: there are few roots next to objects. */
    private Map<Long, List<Long>> rootsByObject() {
        if (rootsByObject == null) {
            rootsByObject = new HashMap<>();
            for (long r = 0, n = graph.rootCount(); r < n; r++) {
                if (paths.references().retains(graph.rootKind(r))) {
                    rootsByObject.computeIfAbsent(graph.rootNode(r), k -> new ArrayList<>(1)).add(r);
                }
            }
        }
        return rootsByObject;
    }
}

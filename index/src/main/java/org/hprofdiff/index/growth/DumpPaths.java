package org.hprofdiff.index.growth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.paths.PathStep;
import org.hprofdiff.index.graph.paths.RootFamily;
import org.hprofdiff.index.graph.paths.ShortestPaths;
import org.hprofdiff.index.table.ClassInfo;

/**
 * One dump's merged retention paths of one row, keyed by the signature that matches them across dumps: the
 * merged tree's own signatures with the chains left out (docs/growth-analysis.md, section 6). Whether an object
 * sits at the head of a hash bucket or three nodes down its {@code next} chain, or where in a linked list,
 * depends on hash codes and insertion order, which change from dump to dump; kept, the chains would split one
 * path into branches whose numbers jump about. Each path also gets the other families of holder of the object
 * where its targets accumulate ({@link OtherHolders}) and, when it runs through a class loader that could be
 * unloaded, what that loader keeps.
 */
final class DumpPaths {

    /**
     * @param steps       root side first, ending at the row's class
     * @param alsoHeldBy  for each other family of holder of the accumulation point, its path there
     * @param objects     objects of the row whose shortest path this is
     * @param retainedBytes bytes they retain, each counted once
     * @param loaders     the class loader objects the path runs through (none when it runs through none)
     * @param loaderFacts what those loaders keep, or null when there are none
     */
    record Found(List<PathStep> steps, List<List<PathStep>> alsoHeldBy, long objects, long retainedBytes, Set<Long> loaders,
                 LoaderFacts loaderFacts) {}

    /** What the loaders on a path keep: how many loaders, the classes they define, the bytes they retain together. */
    record LoaderFacts(long loaders, long classes, long retainedBytes) {}

    private final IndexGraph graph;
    private final ShortestPaths paths;
    private final DominatorTree dominators;
    private final HeapAnalysis analysis;
    /** Made on first need: it reads the inbound references, which are computed then if no earlier run stored them. */
    private OtherHolders otherHolders;
    private Map<Long, Integer> classesByLoader;

    DumpPaths(HeapAnalysis analysis) throws IOException {
        this.analysis = analysis;
        this.graph = analysis.graph();
        this.paths = analysis.shortestPaths();
        this.dominators = analysis.dominators();
    }

    private OtherHolders otherHolders() throws IOException {
        if (otherHolders == null) otherHolders = new OtherHolders(graph, analysis.inbound(), paths.references());
        return otherHolders;
    }

    /** A row's paths ({@link RowLeaves}), matched up by the rules above. */
    Map<String, Found> of(List<RowLeaves.Leaf> leaves) throws IOException {
        Map<String, Found> found = new LinkedHashMap<>();
        for (RowLeaves.Leaf leaf : leaves) {
            List<PathStep> steps = withoutChains(leaf.steps());
            long point = accumulationPoint(leaf.samples());
            List<List<PathStep>> also = point < 0 ? List.of() : otherHolders().of(point, family(steps.getFirst()));
            found.merge(signature(steps), new Found(steps, also, leaf.objects(), leaf.retainedBytes(), leaf.loaders(), null), DumpPaths::plus);
        }
        found.replaceAll((signature, f) -> f.loaders().isEmpty() ? f
                : new Found(f.steps(), f.alsoHeldBy(), f.objects(), f.retainedBytes(), f.loaders(), facts(f.loaders())));
        return found;
    }

    /** What the loaders {@code loaders} keep in this dump. */
    private LoaderFacts facts(Set<Long> loaders) {
        if (classesByLoader == null) {
            classesByLoader = new HashMap<>();
            for (ClassInfo c : graph.index().classes().all()) if (c.loaderOrdinal() >= 0) classesByLoader.merge(c.loaderOrdinal(), 1, Integer::sum);
        }
        long classes = 0;
        long retained = 0;
        for (long loader : loaders) {
            classes += classesByLoader.getOrDefault(loader, 0);
            if (dominators.reachability(loader).inTree()) retained += dominators.retainedSize(loader);
        }
        return new LoaderFacts(loaders.size(), classes, retained);
    }

    /**
     * Where the targets of one path accumulate: along the paths of the sampled targets, the deepest object
     * before they part more than they did at their starts (the collection that holds them all: the registry's
     * table; with one start per thread, the first thread's table). -1 when there is no such object.
     */
    private long accumulationPoint(long[] samples) {
        List<long[]> objectPaths = new ArrayList<>();
        int shortest = Integer.MAX_VALUE;
        for (long s : samples) {
            long[] p = paths.path(graph, s);
            if (p.length < 2) continue;
            objectPaths.add(p);
            shortest = Math.min(shortest, p.length);
        }
        if (objectPaths.isEmpty()) return -1;
        int starts = distinctAt(objectPaths, 0);
        int depth = 0;
        for (int d = 1; d < shortest - 1; d++) {
            if (distinctAt(objectPaths, d) > starts) break;
            depth = d;
        }
        return objectPaths.getFirst()[depth];
    }

    private static int distinctAt(List<long[]> objectPaths, int depth) {
        Set<Long> seen = new HashSet<>();
        for (long[] p : objectPaths) seen.add(p[depth]);
        return seen.size();
    }

    private static RootFamily family(PathStep first) {
        return first instanceof PathStep.Root root ? RootFamily.of(root.kind()) : RootFamily.STATIC_FIELD;
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
        List<List<PathStep>> also = new ArrayList<>(a.alsoHeldBy());
        for (List<PathStep> p : b.alsoHeldBy()) if (!also.contains(p)) also.add(p);
        Set<Long> loaders = new LinkedHashSet<>(a.loaders());
        loaders.addAll(b.loaders());
        return new Found(a.steps(), List.copyOf(also), a.objects() + b.objects(), a.retainedBytes() + b.retainedBytes(), loaders, null);
    }
}

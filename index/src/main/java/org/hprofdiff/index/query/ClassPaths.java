package org.hprofdiff.index.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.graph.paths.PathNode;
import org.hprofdiff.index.graph.paths.PathTree;

/** The merged shortest paths of the instances of the classes a pattern matches, cut for display. */
public final class ClassPaths {
    /**
     * Steps shown below a path start at most: a chain of alternating classes (A.b → B.a → A.b ...) does not
     * collapse and could be as long as the heap; the rest of such a path is counted, not listed.
     */
    public static final int MAX_DEPTH = 64;

    private ClassPaths() {}

    /**
     * @param classes       Java names of the classes the pattern matched, sorted
     * @param targets       their instances
     * @param withoutPath   of those, objects no path reaches
     * @param retainedBytes bytes the instances retain together, each counted once
     * @param paths         the path starts, each with the steps below it
     */
    public record Result(List<String> classes, long targets, long withoutPath, long retainedBytes, List<Branch> paths) {}

    /**
     * One step of the merged tree.
     *
     * @param node     the step, its objects and bytes
     * @param children the steps that follow, most retained first (cut to {@code top})
     * @param hidden   branches cut by {@code top} (or by {@link #MAX_DEPTH}), or null when none were
     */
    public record Branch(PathNode node, List<Branch> children, Hidden hidden) {}

    /** Branches not shown and what they hold together. */
    public record Hidden(long branches, long objects, long retainedBytes) {}

    /** @param top branches kept per node, null for all */
    public static Result of(HeapAnalysis analysis, Pattern classes, Integer top) throws IOException {
        boolean[] matched = analysis.classesMatching(classes);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < matched.length; c++) if (matched[c]) names.add(analysis.graph().className(c));
        PathTree tree = analysis.mergedPaths(matched);
        return new Result(names.stream().sorted().distinct().toList(), tree.targets(), tree.withoutPath(), tree.retainedBytes(),
                branches(tree.top(), top, 0));
    }

    private static List<Branch> branches(PathNode parent, Integer top, int depth) {
        List<PathNode> children = parent.children();
        int shown = top == null ? children.size() : Math.min(top, children.size());
        List<Branch> out = new ArrayList<>(shown);
        for (PathNode c : children.subList(0, shown)) {
            boolean deeper = depth + 1 < MAX_DEPTH;
            out.add(new Branch(c, deeper ? branches(c, top, depth + 1) : List.of(), deeper ? hidden(c.children(), top) : hidden(c.children(), 0)));
        }
        return out;
    }

    /** What the branches past the first {@code shown} hold, or null when all are shown. */
    private static Hidden hidden(List<PathNode> children, Integer shown) {
        int from = shown == null ? children.size() : Math.min(shown, children.size());
        if (from == children.size()) return null;
        long objects = 0;
        long bytes = 0;
        for (PathNode c : children.subList(from, children.size())) {
            objects += c.objects();
            bytes += c.retainedBytes();
        }
        return new Hidden(children.size() - from, objects, bytes);
    }
}

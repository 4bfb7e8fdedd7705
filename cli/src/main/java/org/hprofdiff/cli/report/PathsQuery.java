package org.hprofdiff.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hprofdiff.cli.report.PathsReport.Branch;
import org.hprofdiff.cli.report.PathsReport.Hidden;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.analysis.paths.PathNode;
import org.hprofdiff.index.analysis.paths.PathStep;
import org.hprofdiff.index.analysis.paths.PathTree;

/** The paths report: merged shortest paths of the instances of the classes a pattern matches. */
public final class PathsQuery {
    /**
     * Steps shown below a path start at most: a chain of alternating classes (A.b → B.a → A.b ...) does not
     * collapse and could be as long as the heap; the rest of such a path is counted, not listed.
     */
    static final int MAX_DEPTH = 64;

    private PathsQuery() {}

    public static PathsReport run(HeapAnalysis analysis, String dump, int dumpNumber, Pattern classes, Integer top) throws IOException {
        GraphHeap heap = new GraphFacts(analysis).heap(dump, dumpNumber);
        boolean[] matched = analysis.classesMatching(classes);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < matched.length; c++) if (matched[c]) names.add(analysis.graph().className(c));
        PathTree tree = analysis.mergedPaths(matched);
        return new PathsReport(heap, classes.pattern(), names.stream().sorted().distinct().toList(), tree.targets(), tree.withoutPath(),
                tree.retainedBytes(), top, branches(tree.top(), top, 0));
    }

    private static List<Branch> branches(PathNode parent, Integer top, int depth) {
        List<PathNode> children = parent.children();
        int shown = top == null ? children.size() : Math.min(top, children.size());
        List<Branch> out = new ArrayList<>(shown);
        for (PathNode c : children.subList(0, shown)) {
            boolean deeper = depth + 1 < MAX_DEPTH;
            out.add(new Branch(c.step().display(), c.signature(), c.objects(), c.retainedBytes(), c.step() instanceof PathStep.Target,
                    deeper ? branches(c, top, depth + 1) : List.of(), deeper ? hidden(c.children(), top) : hidden(c.children(), 0)));
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

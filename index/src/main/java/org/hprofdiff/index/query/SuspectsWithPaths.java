package org.hprofdiff.index.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.graph.paths.MergedPaths;
import org.hprofdiff.index.graph.paths.PathNode;
import org.hprofdiff.index.graph.paths.PathTree;
import org.hprofdiff.index.graph.suspects.LeakSuspects;

/** Leak suspects as Eclipse MAT finds them, each with the path that holds it. */
public final class SuspectsWithPaths {
    private SuspectsWithPaths() {}

    /**
     * @param suspect the suspect
     * @param path    for one object, the last step of its shortest path from the GC roots; for a class, the step most
     *                of its instances' paths share; null when there is none
     */
    public record Found(LeakSuspects.Suspect suspect, PathNode path) {}

    /** @param thresholdPercent share of the heap a suspect retains at least (MAT: 10) */
    public static List<Found> find(HeapAnalysis analysis, double thresholdPercent) throws IOException {
        LeakSuspects.Options defaults = LeakSuspects.Options.DEFAULT;
        List<Found> out = new ArrayList<>();
        for (LeakSuspects.Suspect s : analysis.suspects(new LeakSuspects.Options(thresholdPercent / 100, defaults.bigDropRatio(), defaults.commonShare()))) {
            out.add(new Found(s, switch (s) {
                case LeakSuspects.SingleObject o -> pathOf(analysis, o.node());
                case LeakSuspects.ClassGroup g -> g.commonPath();
            }));
        }
        return out;
    }

    /** One object's shortest path, as the leaf of a merged tree of one path; null when no path reaches it. */
    private static PathNode pathOf(HeapAnalysis analysis, long node) throws IOException {
        PathTree tree = analysis.mergedPathsOf(node);
        PathNode at = tree.top();
        while (!at.children().isEmpty()) at = at.children().getFirst();
        return at == tree.top() ? null : at;
    }
}

package org.hprofdiff.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.cli.report.SuspectsReport.Accumulation;
import org.hprofdiff.cli.report.SuspectsReport.Path;
import org.hprofdiff.cli.report.SuspectsReport.Suspect;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.analysis.paths.MergedPaths;
import org.hprofdiff.index.analysis.paths.PathNode;
import org.hprofdiff.index.analysis.paths.PathTree;
import org.hprofdiff.index.analysis.suspects.LeakSuspects;

/** The suspects report from the dominator tree and the shortest paths. */
public final class SuspectsQuery {
    private SuspectsQuery() {}

    /** @param thresholdPercent share of the heap a suspect retains at least (MAT: 10) */
    public static SuspectsReport run(HeapAnalysis analysis, String dump, int dumpNumber, double thresholdPercent) throws IOException {
        GraphFacts facts = new GraphFacts(analysis);
        GraphHeap heap = facts.heap(dump, dumpNumber);
        LeakSuspects.Options defaults = LeakSuspects.Options.DEFAULT;
        List<LeakSuspects.Suspect> found = analysis.suspects(new LeakSuspects.Options(thresholdPercent / 100, defaults.bigDropRatio(), defaults.commonShare()));
        List<Suspect> out = new ArrayList<>();
        for (LeakSuspects.Suspect s : found) {
            int rank = out.size() + 1;
            out.add(switch (s) {
                case LeakSuspects.SingleObject o -> new Suspect(rank, "object", facts.classOf(o.node()), facts.objectId(o.node()), 1,
                        o.retainedBytes(), GraphFacts.percent(o.retainedBytes(), heap.treeBytes()), pathOf(analysis, o.node()),
                        new Accumulation(facts.classOf(o.accumulation()), facts.objectId(o.accumulation()), o.accumulationRetained(),
                                GraphFacts.percent(o.accumulationRetained(), heap.treeBytes()), o.depth()));
                case LeakSuspects.ClassGroup g -> new Suspect(rank, "class", facts.classLabel(g.classIndex()), null, g.instances(),
                        g.retainedBytes(), GraphFacts.percent(g.retainedBytes(), heap.treeBytes()),
                        g.commonPath() == null ? null : new Path(g.commonPath().display(), g.commonPath().signature()), null);
            });
        }
        return new SuspectsReport(heap, thresholdPercent, out);
    }

    /** One object's shortest path, as a merged tree of one path. */
    private static Path pathOf(HeapAnalysis analysis, long node) throws IOException {
        PathTree tree = analysis.mergedPaths(n -> n == node, MergedPaths.Options.DEFAULT);
        PathNode at = tree.top();
        while (!at.children().isEmpty()) at = at.children().getFirst();
        return at == tree.top() ? null : new Path(at.display(), at.signature());
    }
}

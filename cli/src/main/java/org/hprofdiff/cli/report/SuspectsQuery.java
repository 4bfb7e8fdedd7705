package org.hprofdiff.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.cli.report.SuspectsReport.Accumulation;
import org.hprofdiff.cli.report.SuspectsReport.Path;
import org.hprofdiff.cli.report.SuspectsReport.Suspect;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.graph.suspects.LeakSuspects;
import org.hprofdiff.index.query.HeapTotals;
import org.hprofdiff.index.query.SuspectsWithPaths;

/** The suspects report: the index's leak suspects and their paths, labelled. */
public final class SuspectsQuery {
    private SuspectsQuery() {}

    /** @param thresholdPercent share of the heap a suspect retains at least (MAT: 10) */
    public static SuspectsReport run(HeapAnalysis analysis, String dump, int dumpNumber, double thresholdPercent) throws IOException {
        GraphHeap heap = GraphHeap.of(dump, dumpNumber, HeapTotals.of(analysis));
        ObjectLabels labels = new ObjectLabels(analysis.index());
        List<Suspect> out = new ArrayList<>();
        for (SuspectsWithPaths.Found found : SuspectsWithPaths.find(analysis, thresholdPercent)) {
            int rank = out.size() + 1;
            Path path = found.path() == null ? null : new Path(found.path().display(), found.path().signature());
            out.add(switch (found.suspect()) {
                case LeakSuspects.SingleObject o -> new Suspect(rank, "object", labels.classOf(o.node()), labels.objectId(o.node()), 1,
                        o.retainedBytes(), heap.percent(o.retainedBytes()), path,
                        new Accumulation(labels.classOf(o.accumulation()), labels.objectId(o.accumulation()), o.accumulationRetained(),
                                heap.percent(o.accumulationRetained()), o.depth()));
                case LeakSuspects.ClassGroup g -> new Suspect(rank, "class", labels.classLabel(g.classIndex()), null, g.instances(),
                        g.retainedBytes(), heap.percent(g.retainedBytes()), path, null);
            });
        }
        return new SuspectsReport(heap, thresholdPercent, out);
    }
}

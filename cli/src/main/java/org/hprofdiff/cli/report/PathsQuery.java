package org.hprofdiff.cli.report;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.hprofdiff.cli.report.PathsReport.Branch;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.graph.paths.PathStep;
import org.hprofdiff.index.query.ClassPaths;
import org.hprofdiff.index.query.HeapTotals;

/** The paths report: the index's merged shortest paths of the instances of the classes a pattern matches, as steps people read. */
public final class PathsQuery {
    private PathsQuery() {}

    public static PathsReport run(HeapAnalysis analysis, String dump, int dumpNumber, Pattern classes, Integer top) throws IOException {
        GraphHeap heap = GraphHeap.of(dump, dumpNumber, HeapTotals.of(analysis));
        ClassPaths.Result paths = ClassPaths.of(analysis, classes, top);
        return new PathsReport(heap, classes.pattern(), paths.classes(), paths.targets(), paths.withoutPath(), paths.retainedBytes(), top,
                branches(paths.paths()));
    }

    private static List<Branch> branches(List<ClassPaths.Branch> steps) {
        return steps.stream().map(b -> new Branch(b.node().step().display(), b.node().signature(), b.node().objects(), b.node().retainedBytes(),
                b.node().step() instanceof PathStep.Target, branches(b.children()), b.hidden())).toList();
    }
}

package org.hprofdiff.index.query;

import java.io.IOException;
import java.nio.file.Path;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.ReachabilitySummary;

/**
 * What every graph answer is about: the index, the options the dominator tree was computed with, and the heap the
 * shares are of.
 *
 * @param index           the index directory used
 * @param references      which references retain (the default: not a {@code Reference.referent} nor the finalizer queue)
 * @param keepUnreachable whether unreachable objects were put in the dominator tree
 * @param treeBytes       bytes in the dominator tree
 * @param reachability    the dump's objects by reachability
 * @param completeness    whether the dump was read to its end
 * @param standInRoots    for a partial dump, the bootstrap classes made system-class roots because the dump lost theirs
 */
public record HeapTotals(Path index, References references, boolean keepUnreachable, long treeBytes,
                         ReachabilitySummary reachability, DumpSummary.Completeness completeness, long standInRoots) {

    /** Computes the dominator tree if it was not yet. */
    public static HeapTotals of(HeapAnalysis analysis) throws IOException {
        DominatorTree tree = analysis.dominators();
        return new HeapTotals(analysis.index().location(), analysis.options().references(), analysis.options().keepUnreachable(),
                tree.retainedSize(tree.virtualRoot()), tree.summary(), analysis.index().completeness(), analysis.graph().standInRootCount());
    }
}

package org.hprofdiff.index.graph;

import org.hprofdiff.core.format.GcRootKind;

/**
 * Which references keep objects alive for reachability, dominators, retained sizes and paths
 * (docs/semantics.md, sections 3 and 4).
 */
public enum References {
    /**
     * The default: {@code Reference.referent}, the finalizer queue ({@code Finalizer.unfinalized}) and finalizer
     * roots do not retain. Objects reachable only through them form the separate "weakly reachable" group.
     */
    STRONG,
    /** Every edge and every root retains, as in Eclipse MAT's dominator tree and retained sizes. */
    ALL;

    /** Whether an edge the graph marks weak is followed as a retaining edge. */
    public boolean followsWeakEdges() {
        return this == ALL;
    }

    /** Whether a root entry of this kind keeps its object alive. */
    public boolean retains(GcRootKind kind) {
        return this == ALL || kind != GcRootKind.FINALIZING;
    }
}

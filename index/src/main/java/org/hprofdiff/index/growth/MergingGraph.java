package org.hprofdiff.index.growth;

import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.analysis.EdgeLabel;
import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.RootContext;
import org.hprofdiff.index.graph.ClassInfo;
import org.hprofdiff.index.graph.EdgeOrigin;

/**
 * The index's graph as path merging reads it. The one difference: an object array's element edges are
 * labelled without decoding the array. The index finds an edge's origin by decoding its object again up to
 * that edge, so labelling every element of an array of k elements costs k²/2 element reads (a JDK table of
 * 8,000 strings: most of a path analysis), and merged paths never show an element's index
 * ({@code Node[] [*]}): here the element label carries index -1.
 */
final class MergingGraph implements ObjectGraph {
    /** The index of an element label given without decoding the array. */
    static final long UNKNOWN_INDEX = -1;

    private final IndexGraph graph;
    private final boolean[] objectArray;
    private final long[] classObject;

    MergingGraph(IndexGraph graph) {
        this.graph = graph;
        int n = graph.classCount();
        objectArray = new boolean[n];
        classObject = new long[n];
        for (ClassInfo c : graph.index().classes().all()) {
            objectArray[c.index()] = c.kind() == ClassInfo.Kind.OBJECT_ARRAY;
            classObject[c.index()] = c.ordinal();
        }
    }

    @Override
    public EdgeLabel edgeLabel(long node, long edge) {
        int c = graph.classIndex(node);
        if (!objectArray[c]) return graph.edgeLabel(node, edge);
        // an array's edges: its class (when the dump holds the class object), then its non-null elements
        boolean classEdge = edge == graph.firstEdge(node) && graph.edgeTarget(edge) == classObject[c];
        return classEdge ? new EdgeLabel.Internal(EdgeOrigin.CLASS.name()) : new EdgeLabel.ArrayElement(UNKNOWN_INDEX);
    }

    @Override public long nodeCount() { return graph.nodeCount(); }

    @Override public long shallowSize(long node) { return graph.shallowSize(node); }

    @Override public int classIndex(long node) { return graph.classIndex(node); }

    @Override public int classCount() { return graph.classCount(); }

    @Override public String className(int classIndex) { return graph.className(classIndex); }

    @Override public int classObjectIndex(long node) { return graph.classObjectIndex(node); }

    @Override public long firstEdge(long node) { return graph.firstEdge(node); }

    @Override public long edgeTarget(long edge) { return graph.edgeTarget(edge); }

    @Override public boolean isWeakEdge(long edge) { return graph.isWeakEdge(edge); }

    @Override public long rootCount() { return graph.rootCount(); }

    @Override public long rootNode(long root) { return graph.rootNode(root); }

    @Override public GcRootKind rootKind(long root) { return graph.rootKind(root); }

    @Override public RootContext rootContext(long root) { return graph.rootContext(root); }
}

package org.hprofdiff.index.growth;

import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.RootContext;
import org.hprofdiff.index.analysis.paths.PathStep;

/**
 * The path step a GC root entry starts, exactly as merged paths name it (docs/semantics.md, section 10):
 * root kind, the object's class ({@code class X} for a class object that is not a system-class root), the
 * thread's name with digits as {@code #}, the frame's method. Needed to find the objects where a merged
 * path starts, which the merged tree does not keep.
 */
final class RootSteps {
    private RootSteps() {}

    static PathStep.Root of(ObjectGraph graph, long rootEntry) {
        long node = graph.rootNode(rootEntry);
        GcRootKind kind = graph.rootKind(rootEntry);
        RootContext context = graph.rootContext(rootEntry);
        int stands = graph.classObjectIndex(node);
        String objectClass = stands < 0 ? graph.className(graph.classIndex(node))
                : (kind == GcRootKind.STICKY_CLASS ? "" : "class ") + graph.className(stands);
        String thread = context.threadName() == null ? null : context.threadName().replaceAll("[0-9]+", "#");
        return new PathStep.Root(kind, objectClass, thread, context.frameMethod());
    }
}

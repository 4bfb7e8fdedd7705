package org.hprofdiff.index.graph;

/** Which objects a query is about (all instances of some classes, one object, ...); a primitive predicate. */
@FunctionalInterface
public interface NodeFilter {
    boolean test(long node);

    /** All objects whose class is set in {@code classes} (indexed by class-table index). */
    static NodeFilter ofClasses(ObjectGraph graph, boolean[] classes) {
        return node -> classes[graph.classIndex(node)];
    }
}

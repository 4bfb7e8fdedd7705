package org.hprofdiff.index.graph;

import java.util.Arrays;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * The object graph of one heap dump as the analyses (dominators, retained sizes, paths, suspects) read it.
 * The on-disk index implements it over its mapped files; tests implement it in memory.
 *
 * <p>Nodes are object ordinals {@code 0 .. nodeCount()-1}. Outbound references are in CSR form: the edges
 * of node {@code n} are the edge numbers {@code firstEdge(n) .. firstEdge(n+1)-1}, in the order the object
 * holds them (field order, array index order), nulls and references to objects absent from the dump left
 * out. Every edge number and count is 64-bit.
 *
 * <p>Methods marked hot are called once per node or per edge of the whole graph, several times: they must
 * answer in O(1) without allocating. The cold ones are called only for the few objects a report prints.
 */
public interface ObjectGraph {

    /** Number of objects (instances, arrays, class objects). */
    long nodeCount();

    /** Hot. Shallow size in bytes, as the JVM counts it. */
    long shallowSize(long node);

    /** Hot. Index into the class table ({@code 0 .. classCount()-1}) of the object's class. */
    int classIndex(long node);

    int classCount();

    /** Cold. The class's name in Java form: {@code java.util.HashMap$Node[]}, {@code int[]}. */
    String className(int classIndex);

    /**
     * Cold. When {@code node} is a {@code java.lang.Class} object: the class-table index of the class it
     * stands for (so a path can say {@code static Foo.INSTANCE}); otherwise -1.
     */
    int classObjectIndex(long node);

    /**
     * Cold. The objects that stand for a class ({@link #classObjectIndex} not -1), ascending, each once. This default
     * asks every object; a graph that knows its class table answers from it.
     */
    default long[] classObjects() {
        long[] found = new long[16];
        int count = 0;
        for (long node = 0, n = nodeCount(); node < n; node++) {
            if (classObjectIndex(node) < 0) continue;
            if (count == found.length) found = Arrays.copyOf(found, count * 2);
            found[count++] = node;
        }
        return Arrays.copyOf(found, count);
    }

    /** Hot. First edge number of {@code node}; {@code firstEdge(nodeCount())} is the number of edges. */
    long firstEdge(long node);

    /** Hot. The object an edge points to. */
    long edgeTarget(long edge);

    /**
     * Hot. Whether an edge does not keep its target alive (docs/semantics.md, section 3). True exactly for
     * <ul>
     *   <li>the {@code referent} field declared by {@code java.lang.ref.Reference}, in instances of any subclass
     *       (soft, weak, phantom and final references, {@code java.lang.ref.Finalizer}, {@code WeakHashMap$Entry},
     *       {@code jdk.internal.ref.Cleaner}, user subclasses), and</li>
     *   <li>the static field {@code unfinalized} of {@code java.lang.ref.Finalizer}, the head of the JDK's list of
     *       objects registered for finalization (the finalizer queue).</li>
     * </ul>
     * All other edges, including {@code Reference.next}, {@code queue} and {@code discovered}, are strong.
     */
    boolean isWeakEdge(long edge);

    /** Number of GC root entries; one object may be the target of several. */
    long rootCount();

    /** Hot. The object a root entry points at (entries whose object is absent from the dump are left out). */
    long rootNode(long root);

    /** Hot. The kind of a root entry. */
    GcRootKind rootKind(long root);

    /** Cold. Thread and frame of a root entry where the dump says; {@link RootContext#NONE} otherwise. */
    RootContext rootContext(long root);

    /** Cold. How {@code node} holds {@code edge} (one of its own edges): field, static, array slot, or internal. */
    EdgeLabel edgeLabel(long node, long edge);

    /**
     * Cold (once per class). Whether the class's defining loader lives as long as the JVM: the bootstrap,
     * platform and application loaders and the loaders the JVM keeps (docs/semantics.md, section 9). Retention
     * paths start at the static fields of such classes; a class of any other loader could be unloaded, so what
     * keeps it alive (its loader, and whatever holds the loader) belongs to the path. A graph without class
     * loaders answers true.
     */
    default boolean permanentClass(int classIndex) {
        return true;
    }

    /**
     * Warm (once per object a query asks about). Whether {@code node} is a class loader that defines classes of
     * the dump. A graph without class loaders answers false.
     */
    default boolean definesClasses(long node) {
        return false;
    }

    /**
     * Cold. The name a class loader object was given (the JDK 9+ {@code ClassLoader.name}); null when it has none
     * or {@code node} is no class loader that defines classes.
     */
    default String loaderName(long node) {
        return null;
    }

    /**
     * This graph for one walk that reads the edges at random ({@link WalkedGraph}): a graph over mapped files copies
     * its edge columns into {@code scratch}'s memory when the machine has room. Ask after the walk's own arrays, so
     * that they take the budget first. A graph in memory answers itself.
     */
    default WalkedGraph forWalk(Scratch scratch) {
        return WalkedGraph.asIs(this);
    }
}

package org.hprofdiff.index;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.summary.ClassNames;
import org.hprofdiff.index.graph.EdgeLabel;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.RootContext;
import org.hprofdiff.index.graph.WalkedGraph;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.hprofdiff.index.store.PackedColumn;
import org.hprofdiff.index.table.ClassTable;
import org.hprofdiff.index.table.EdgeOrigin;
import org.hprofdiff.index.table.Edges;
import org.hprofdiff.index.table.GcRoot;
import org.hprofdiff.index.table.RootTable;
import org.hprofdiff.index.table.ThreadInfo;

/**
 * A {@link DumpIndex} seen as the {@link ObjectGraph} the analyses read: nodes are the index's ordinals,
 * edges its outbound references (same numbering), roots its root table less the entries whose object the
 * dump does not hold, then, for a partial dump, the {@link StandInRoots} for the roots it lost (system-class
 * roots, after the table's). The hot methods are one or two reads of mapped columns; the cold ones decode
 * from the dump. Reading only, so as thread-safe as the index.
 */
public final class IndexGraph implements ObjectGraph {
    private final DumpIndex index;
    private final Edges out;
    /** The outbound edges' weak flags (the index's, or a copy in memory: {@link #forWalk}). */
    private final PackedColumn weakFlags;
    private final RootTable roots;
    private final ClassTable classes;
    /** Root-table entries whose object is in the dump, in table order; null when that is every entry. */
    private final long[] presentRoots;
    /** Root-table entries the graph uses (those whose object is in the dump). */
    private final long tableRoots;
    /** For a partial dump: class objects that stand in for lost roots, numbered after the table's roots. */
    private final long[] standIns;
    private final long rootCount;
    /** Per class: whether it is an object-array class, and the ordinal of its class object (edge 0 of its arrays). */
    private final boolean[] objectArrayClass;
    /** Per class: whether its objects are plain instances (not arrays, not the class objects of java.lang.Class). */
    private final boolean[] instanceClass;
    private final long[] classObjectOrdinal;
    /** The loader objects that define classes, and whether a class's objects may be one (a cheap test first). */
    private final java.util.Set<Long> definingLoaders = new java.util.HashSet<>();
    private final boolean[] loaderClass;
    private final java.util.Set<String>[] shadowedNames;
    /** Which loaders live as long as the JVM; decided on first use (a few field reads). */
    private volatile PermanentLoaders permanentLoaders;

    public IndexGraph(DumpIndex index) {
        this.index = index;
        this.out = index.outbound();
        this.weakFlags = index.weakFlags();
        this.roots = index.roots();
        this.classes = index.classes();
        long all = roots.size();
        long present = 0;
        for (long r = 0; r < all; r++) if (roots.ordinal(r) >= 0) present++;
        if (present == all) {
            presentRoots = null;
        } else {
            presentRoots = new long[Math.toIntExact(present)];
            int i = 0;
            for (long r = 0; r < all; r++) if (roots.ordinal(r) >= 0) presentRoots[i++] = r;
        }
        tableRoots = present;
        standIns = index.completeness().partial() ? StandInRoots.of(classes, roots) : new long[0];
        rootCount = present + standIns.length;
        objectArrayClass = new boolean[classes.size()];
        instanceClass = new boolean[classes.size()];
        classObjectOrdinal = new long[classes.size()];
        loaderClass = new boolean[classes.size()];
        shadowedNames = shadowedNames(classes);
        for (ClassInfo c : classes.all()) {
            objectArrayClass[c.index()] = c.kind() == ClassInfo.Kind.OBJECT_ARRAY;
            instanceClass[c.index()] = c.kind() == ClassInfo.Kind.INSTANCE && !c.name().equals("java/lang/Class");
            classObjectOrdinal[c.index()] = c.ordinal();
            if (c.loaderOrdinal() >= 0 && definingLoaders.add(c.loaderOrdinal())) loaderClass[index.classIndexOf(c.loaderOrdinal())] = true;
        }
    }

    /** {@code base} reading its edges and weak flags from {@code out} and {@code weakFlags} (copies in memory). */
    private IndexGraph(IndexGraph base, Edges out, PackedColumn weakFlags) {
        this.index = base.index;
        this.out = out;
        this.weakFlags = weakFlags;
        this.roots = base.roots;
        this.classes = base.classes;
        this.presentRoots = base.presentRoots;
        this.tableRoots = base.tableRoots;
        this.standIns = base.standIns;
        this.rootCount = base.rootCount;
        this.objectArrayClass = base.objectArrayClass;
        this.instanceClass = base.instanceClass;
        this.classObjectOrdinal = base.classObjectOrdinal;
        this.definingLoaders.addAll(base.definingLoaders);
        this.loaderClass = base.loaderClass;
        this.shadowedNames = base.shadowedNames;
        this.permanentLoaders = base.permanentLoaders;
    }

    /**
     * Copies the edge columns a walk reads at random (row starts, targets, weak flags: about 6.5 bytes per edge)
     * into native memory placed {@link Scratch.Placement#MEMORY_WHILE_AVAILABLE}; without the room, this graph as it
     * is. Measured on a 39.8 GB dump (1.4 billion references, 7.3 GB copied in 3.8 s) on the 2-core VM: the
     * breadth-first search after the tree 41–55 s reading the mapped index, 29–41 s from the copies.
     */
    @Override
    public WalkedGraph forWalk(Scratch scratch) {
        long edgeBytes = out.bytesToCopy();
        Scratch.Allocation memory = scratch.allocate(edgeBytes + weakFlags.fileBytes(), Scratch.Placement.MEMORY_WHILE_AVAILABLE);
        if (!memory.inMemory()) {
            memory.close(); // a sparse scratch file, never touched
            return WalkedGraph.asIs(this);
        }
        try {
            MemorySegment m = memory.segment();
            return new WalkedGraph(new IndexGraph(this, out.copiedInto(m), weakFlags.copiedInto(m.asSlice(edgeBytes))), memory);
        } catch (RuntimeException | Error e) {
            memory.close();
            throw e;
        }
    }

    public DumpIndex index() { return index; }

    @Override public long nodeCount() { return index.objectCount(); }

    @Override public long shallowSize(long node) { return index.shallowSize(node); }

    @Override public int classIndex(long node) { return index.classIndexOf(node); }

    @Override public int classCount() { return classes.size(); }

    @Override public String className(int classIndex) { return classes.get(classIndex).javaName(); }

    @Override public int classObjectIndex(long node) { return index.classObjectIndex(node); }

    /** From the class table (a scan of every object's class took 2–3 s on a 39.8 GB dump before each path search). */
    @Override
    public long[] classObjects() {
        return Arrays.stream(classObjectOrdinal).filter(o -> o >= 0).sorted().distinct().toArray();
    }

    @Override public long firstEdge(long node) { return out.start(node); }

    @Override public long edgeTarget(long edge) { return out.target(edge); }

    @Override public boolean isWeakEdge(long edge) { return DumpIndex.isWeakEdge(weakFlags, edge); }

    @Override public long rootCount() { return rootCount; }

    /** Roots that stand in for those a partial dump lost (docs/semantics.md, section 14); 0 for a complete dump. */
    public long standInRootCount() { return standIns.length; }

    /** The root-table entry (see {@link DumpIndex#roots()}) behind the graph's root {@code root}; -1 for a stand-in. */
    public long rootTableEntry(long root) {
        if (root >= tableRoots) return -1;
        return presentRoots == null ? root : presentRoots[Math.toIntExact(root)];
    }

    @Override
    public long rootNode(long root) {
        return root < tableRoots ? roots.ordinal(rootTableEntry(root)) : standIns[Math.toIntExact(root - tableRoots)];
    }

    /** A stand-in is what HotSpot would have written for it: a system-class root. */
    @Override
    public GcRootKind rootKind(long root) {
        return root < tableRoots ? roots.kind(rootTableEntry(root)) : GcRootKind.STICKY_CLASS;
    }

    @Override
    public RootContext rootContext(long root) {
        if (root >= tableRoots) return RootContext.NONE;
        GcRoot g = roots.get(rootTableEntry(root));
        ThreadInfo thread = g.threadSerial() < 0 ? null : index.threads().bySerial(g.threadSerial());
        if (thread == null) return RootContext.NONE;
        String name = thread.name().isEmpty() ? null : thread.name();
        String method = null;
        if (g.frame() >= 0 && g.frame() < thread.frames().size()) {
            ThreadInfo.Frame f = thread.frames().get(g.frame());
            method = ClassNames.javaName(f.className()) + "." + f.methodName();
        }
        return new RootContext(name, method);
    }

    @Override
    public EdgeLabel edgeLabel(long node, long edge) {
        int c = index.classIndexOf(node);
        if (objectArrayClass[c]) {
            // An array's edges are its class (when the dump holds the class object), then its non-null elements.
            // The element's index is not decoded: finding it means re-reading the array up to that edge, so
            // labelling every element of a k-element array would cost k²/2 reads, and no path shows it ([*]).
            boolean classEdge = edge == out.start(node) && out.target(edge) == classObjectOrdinal[c];
            return classEdge ? new EdgeLabel.Internal(EdgeOrigin.CLASS.name()) : new EdgeLabel.ArrayElement(EdgeLabel.ArrayElement.NOT_DECODED);
        }
        if (instanceClass[c]) {
            // An instance that holds every reference field it declares has as edges its class, then those fields in
            // layout order (docs/index-format.md, "Edges"): the k-th edge is the k-th field without decoding the record
            // again, which labelling the paths of millions of objects would otherwise do once per object, at random.
            int[] slots = classes.referenceSlots(c);
            long first = out.start(node);
            long k = edge - first;
            if (out.end(node) - first == 1 + slots.length && k >= 0 && k <= slots.length) {
                if (k == 0) return new EdgeLabel.Internal(EdgeOrigin.CLASS.name());
                ClassTable.FieldSlot f = classes.layout(c).get(slots[(int) k - 1]);
                return new EdgeLabel.Field(fieldName(c, f.name(), f.declaringClass()));
            }
        }
        return switch (index.edgeOrigin(node, edge)) {
            case EdgeOrigin.Field f -> new EdgeLabel.Field(fieldName(c, f.name(), f.declaringClass()));
            case EdgeOrigin.StaticField s -> new EdgeLabel.StaticField(s.name());
            case EdgeOrigin.ArrayElement a -> new EdgeLabel.ArrayElement(a.index());
            case EdgeOrigin.Internal i -> new EdgeLabel.Internal(i.name());
        };
    }

    @Override
    public boolean permanentClass(int classIndex) {
        return permanentLoaders().permanentClass(classIndex);
    }

    /** Which of the dump's class loaders live as long as the JVM. */
    public PermanentLoaders permanentLoaders() {
        PermanentLoaders p = permanentLoaders;
        if (p == null) permanentLoaders = p = PermanentLoaders.of(index);
        return p;
    }

    @Override
    public boolean definesClasses(long node) {
        return loaderClass[classIndex(node)] && definingLoaders.contains(node);
    }

    @Override
    public String loaderName(long node) {
        return definesClasses(node) ? index.fields().string(index.fields().referenceField(node, "name")) : null;
    }

    /** The field's name, with its declaring class when a superclass declares a field of the same name (shadowing). */
    private String fieldName(int classIndex, String name, int declaringClass) {
        return shadowedNames[classIndex].contains(name) ? name + " (" + classes.get(declaringClass).javaName() + ")" : name;
    }

    /** Per class: the field names its layout holds more than once (a superclass's field shadowed); asked per path step. */
    private static java.util.Set<String>[] shadowedNames(ClassTable classes) {
        @SuppressWarnings("unchecked")
        java.util.Set<String>[] shadowed = new java.util.Set[classes.size()];
        for (int c = 0; c < shadowed.length; c++) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.Set<String> twice = new java.util.HashSet<>();
            for (ClassTable.FieldSlot s : classes.layout(c)) if (!seen.add(s.name())) twice.add(s.name());
            shadowed[c] = twice.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(twice);
        }
        return shadowed;
    }
}

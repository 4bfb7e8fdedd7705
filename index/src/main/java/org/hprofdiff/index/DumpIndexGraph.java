package org.hprofdiff.index;

import java.util.List;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.analysis.EdgeLabel;
import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.RootContext;
import org.hprofdiff.index.graph.ClassTable;
import org.hprofdiff.index.graph.EdgeOrigin;
import org.hprofdiff.index.graph.Edges;
import org.hprofdiff.index.graph.RootTable;
import org.hprofdiff.index.graph.ThreadInfo;

/**
 * The analyses' view ({@link ObjectGraph}) of an opened {@link DumpIndex}: nodes are ordinals, edges its
 * outbound CSR, weak edges its bitmap, roots its root table without the entries whose object the dump
 * lacks. Hot methods are one or two mapped reads each; labels and root contexts are read on demand.
 */
public final class DumpIndexGraph implements ObjectGraph {
    private final DumpIndex index;
    private final Edges out;
    private final RootTable roots;
    /** Root table entries whose object is in the dump, in table order. */
    private final long[] rootEntries;

    public DumpIndexGraph(DumpIndex index) {
        this.index = index;
        this.out = index.outbound();
        this.roots = index.roots();
        long present = 0;
        for (long r = 0; r < roots.size(); r++) if (roots.ordinal(r) >= 0) present++;
        if (present > Integer.MAX_VALUE - 8) throw new IllegalStateException(present + " GC roots; at most " + (Integer.MAX_VALUE - 8) + " supported");
        rootEntries = new long[(int) present];
        int k = 0;
        for (long r = 0; r < roots.size(); r++) if (roots.ordinal(r) >= 0) rootEntries[k++] = r;
    }

    @Override
    public long nodeCount() { return index.objectCount(); }

    @Override
    public long shallowSize(long node) { return index.shallowSize(node); }

    @Override
    public int classIndex(long node) { return index.classIndexOf(node); }

    @Override
    public int classCount() { return index.classes().size(); }

    @Override
    public String className(int classIndex) { return index.classes().get(classIndex).javaName(); }

    @Override
    public int classObjectIndex(long node) { return index.classObjectIndex(node); }

    @Override
    public long firstEdge(long node) { return out.start(node); }

    @Override
    public long edgeTarget(long edge) { return out.target(edge); }

    @Override
    public boolean isWeakEdge(long edge) { return index.isWeakEdge(edge); }

    @Override
    public long rootCount() { return rootEntries.length; }

    @Override
    public long rootNode(long root) { return roots.ordinal(rootEntries[(int) root]); }

    @Override
    public GcRootKind rootKind(long root) { return roots.kind(rootEntries[(int) root]); }

    @Override
    public RootContext rootContext(long root) {
        var r = roots.get(rootEntries[(int) root]);
        if (r.threadSerial() < 0) return RootContext.NONE;
        ThreadInfo thread = index.threads().bySerial(r.threadSerial());
        if (thread == null) return RootContext.NONE;
        String method = null;
        if (r.frame() >= 0 && r.frame() < thread.frames().size()) {
            ThreadInfo.Frame f = thread.frames().get(r.frame());
            method = org.hprofdiff.core.summary.ClassNames.javaName(f.className()) + "." + f.methodName();
        }
        return new RootContext(thread.name().isEmpty() ? null : thread.name(), method);
    }

    @Override
    public EdgeLabel edgeLabel(long node, long edge) {
        return switch (index.edgeOrigin(node, edge)) {
            case EdgeOrigin.Field f -> new EdgeLabel.Field(fieldName(node, f));
            case EdgeOrigin.StaticField s -> new EdgeLabel.StaticField(s.name());
            case EdgeOrigin.ArrayElement a -> new EdgeLabel.ArrayElement(a.index());
            case EdgeOrigin.Internal i -> new EdgeLabel.Internal(i.name());
        };
    }

    /** The field's name, qualified by its declaring class when the object's layout has another field of that name. */
    private String fieldName(long node, EdgeOrigin.Field f) {
        ClassTable classes = index.classes();
        List<ClassTable.FieldSlot> layout = classes.layout(index.classIndexOf(node));
        long sameName = layout.stream().filter(s -> s.name().equals(f.name())).count();
        if (sameName <= 1) return f.name();
        String declaring = classes.get(f.declaringClass()).javaName();
        return declaring.substring(declaring.lastIndexOf('.') + 1) + "." + f.name();
    }
}

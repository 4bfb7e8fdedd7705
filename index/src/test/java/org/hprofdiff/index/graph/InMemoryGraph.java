package org.hprofdiff.index.graph;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.format.GcRootKind;

/** A small object graph held on the heap, built edge by edge; for tests only. */
public final class InMemoryGraph implements ObjectGraph {
    private final List<String> classNames;
    private final int[] classOf;
    private final int[] classObjectOf;
    private final long[] sizes;
    private final long[] firstEdge;
    private final int[] targets;
    private final boolean[] weak;
    private final EdgeLabel[] labels;
    private final int[] rootNodes;
    private final GcRootKind[] rootKinds;
    private final RootContext[] rootContexts;
    private final java.util.Set<Integer> transientClasses;
    private final java.util.Map<Integer, String> loaderNames;

    private InMemoryGraph(Builder b) {
        classNames = List.copyOf(b.classNames);
        int n = b.nodeClass.size();
        classOf = new int[n];
        classObjectOf = new int[n];
        sizes = new long[n];
        firstEdge = new long[n + 1];
        int edges = 0;
        for (int i = 0; i < n; i++) edges += b.out.get(i).size();
        targets = new int[edges];
        weak = new boolean[edges];
        labels = new EdgeLabel[edges];
        int e = 0;
        for (int i = 0; i < n; i++) {
            classOf[i] = b.nodeClass.get(i);
            classObjectOf[i] = b.classObjectOf.get(i);
            sizes[i] = b.nodeSize.get(i);
            firstEdge[i] = e;
            for (Edge edge : b.out.get(i)) {
                targets[e] = edge.to;
                weak[e] = edge.weak;
                labels[e] = edge.label;
                e++;
            }
        }
        firstEdge[n] = e;
        rootNodes = b.roots.stream().mapToInt(Root::node).toArray();
        rootKinds = b.roots.stream().map(Root::kind).toArray(GcRootKind[]::new);
        rootContexts = b.roots.stream().map(Root::context).toArray(RootContext[]::new);
        transientClasses = java.util.Set.copyOf(b.transientClasses);
        loaderNames = java.util.Map.copyOf(b.loaderNames);
    }

    @Override public boolean permanentClass(int classIndex) { return !transientClasses.contains(classIndex); }

    @Override public String loaderName(long node) { return loaderNames.get((int) node); }

    public static Builder builder() {
        return new Builder();
    }

    @Override public long nodeCount() { return classOf.length; }
    @Override public long shallowSize(long node) { return sizes[(int) node]; }
    @Override public int classIndex(long node) { return classOf[(int) node]; }
    @Override public int classCount() { return classNames.size(); }
    @Override public String className(int classIndex) { return classNames.get(classIndex); }
    @Override public int classObjectIndex(long node) { return classObjectOf[(int) node]; }
    @Override public long firstEdge(long node) { return firstEdge[(int) node]; }
    @Override public long edgeTarget(long edge) { return targets[(int) edge]; }
    @Override public boolean isWeakEdge(long edge) { return weak[(int) edge]; }
    @Override public long rootCount() { return rootNodes.length; }
    @Override public long rootNode(long root) { return rootNodes[(int) root]; }
    @Override public GcRootKind rootKind(long root) { return rootKinds[(int) root]; }
    @Override public RootContext rootContext(long root) { return rootContexts[(int) root]; }

    @Override
    public EdgeLabel edgeLabel(long node, long edge) {
        if (edge < firstEdge[(int) node] || edge >= firstEdge[(int) node + 1]) {
            throw new IllegalArgumentException("edge " + edge + " is not an edge of " + node);
        }
        return labels[(int) edge];
    }

    private record Edge(int to, boolean weak, EdgeLabel label) {}

    private record Root(int node, GcRootKind kind, RootContext context) {}

    public static final class Builder {
        private final List<String> classNames = new ArrayList<>();
        private final List<Integer> nodeClass = new ArrayList<>();
        private final List<Integer> classObjectOf = new ArrayList<>();
        private final List<Long> nodeSize = new ArrayList<>();
        private final List<List<Edge>> out = new ArrayList<>();
        private final List<Root> roots = new ArrayList<>();
        private final java.util.Set<Integer> transientClasses = new java.util.HashSet<>();
        private final java.util.Map<Integer, String> loaderNames = new java.util.HashMap<>();

        /** Marks a class as defined by a loader that could be unloaded: its statics start no path. */
        public Builder transientClass(int classIndex) {
            transientClasses.add(classIndex);
            return this;
        }

        /** Names a class loader object (the JDK 9+ {@code ClassLoader.name}). */
        public Builder loaderName(int loader, String name) {
            loaderNames.put(loader, name);
            return this;
        }

        /** A reference the dump implies: {@code <class>}, {@code <classloader>}, ... */
        public Builder internal(int from, String name, int to) {
            out.get(from).add(new Edge(to, false, new EdgeLabel.Internal(name)));
            return this;
        }

        /** Adds a class and returns its index. */
        public int type(String name) {
            classNames.add(name);
            return classNames.size() - 1;
        }

        /** Adds an object and returns its ordinal. */
        public int object(int classIndex, long size) {
            nodeClass.add(classIndex);
            classObjectOf.add(-1);
            nodeSize.add(size);
            out.add(new ArrayList<>());
            return nodeClass.size() - 1;
        }

        /** Adds the {@code java.lang.Class} object of class {@code stands}; {@code javaLangClass} is its own class. */
        public int classObject(int javaLangClass, int stands, long size) {
            int node = object(javaLangClass, size);
            classObjectOf.set(node, stands);
            return node;
        }

        public Builder field(int from, String name, int to) {
            out.get(from).add(new Edge(to, false, new EdgeLabel.Field(name)));
            return this;
        }

        public Builder staticField(int classObject, String name, int to) {
            out.get(classObject).add(new Edge(to, false, new EdgeLabel.StaticField(name)));
            return this;
        }

        public Builder element(int array, long index, int to) {
            out.get(array).add(new Edge(to, false, new EdgeLabel.ArrayElement(index)));
            return this;
        }

        /** The {@code referent} of a {@code java.lang.ref.Reference}. */
        public Builder referent(int reference, int to) {
            out.get(reference).add(new Edge(to, true, new EdgeLabel.Field("referent")));
            return this;
        }

        public Builder edge(int from, int to, boolean weak) {
            out.get(from).add(new Edge(to, weak, new EdgeLabel.Field(weak ? "referent" : "f" + out.get(from).size())));
            return this;
        }

        public Builder root(int node, GcRootKind kind) {
            return root(node, kind, RootContext.NONE);
        }

        public Builder root(int node, GcRootKind kind, RootContext context) {
            roots.add(new Root(node, kind, context));
            return this;
        }

        public int size() {
            return nodeClass.size();
        }

        public InMemoryGraph build() {
            return new InMemoryGraph(this);
        }
    }
}

package org.hprofdiff.index.graph.paths;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.graph.EdgeLabel;
import org.hprofdiff.index.graph.NodeFilter;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.WalkedGraph;
import org.hprofdiff.index.graph.Workers;
import org.hprofdiff.index.graph.offheap.Bits;
import org.hprofdiff.index.graph.offheap.NodeArray;
import org.hprofdiff.index.graph.offheap.OutputFile;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.hprofdiff.index.graph.offheap.StagedSection;

/**
 * A retention path from the GC roots to every object (docs/semantics.md, section 9), found by one
 * breadth-first search over the retaining references that enters the {@link RootFamily families} of path
 * starts one after the other: first every static field of a class whose loader lives as long as the JVM
 * ({@link ObjectGraph#permanentClass}), then the threads with their frames, then the JVM's other roots. So an
 * object takes the shortest path of the first family that reaches it at all: {@code static
 * IdleConnectionReaper.INSTANCE → connectionManagers} wins over the reaper thread's local variable that is
 * one step closer, and a static field of a class that could be unloaded is never a start: what keeps that
 * class (its loader, and what holds the loader) is part of the path. A static field's path never runs through
 * a live thread's object: a static that reaches a thread (a pool's worker list, a lock's waiters) holds what the
 * thread holds only through it, so the thread starts those paths. One pass over the graph, whatever the
 * number of families; stored in one file and mapped, like the dominator tree.
 *
 * <p>File: a 4 KiB header (magic, version, flags, node count, entry width), then one entry per object of
 * {@code width} bytes (4, 5, 6 or 8: the fewest that hold the largest edge number), little-endian:
 * the top two bits say what the rest is — {@code 00} the edge from the object's parent, {@code 01} a static
 * field edge where its path starts, {@code 10} the root entry whose object it is — and all ones means no
 * retaining path reaches it.
 */
public final class ShortestPaths implements AutoCloseable {

    private static final long MAGIC = 0x48504454_50415434L; // "HPDTPAT4"
    /**
     * 3: static fields' paths stop short of live threads; 4: only classes reached from the roots start paths. A file
     * of another version is computed again.
     */
    private static final int VERSION = 4;
    private static final long HEADER = 4096;
    private static final int FLAG_ALL_REFERENCES = 1;
    private static final int[] WIDTHS = {4, 5, 6, 8};

    private final Arena arena;
    private final long nodes;
    private final References references;
    private final Entries entries;

    private ShortestPaths(Arena arena, MemorySegment file, long nodes, int width, References references) {
        this.arena = arena;
        this.nodes = nodes;
        this.references = references;
        this.entries = new Entries(file, width);
    }

    /**
     * Computes the paths with {@code references} deciding which edges and roots count, and stores them in {@code file};
     * every class object counts as reachable (a graph whose class objects all are).
     */
    public static ShortestPaths compute(ObjectGraph graph, References references, Path file, Scratch scratch,
                                        PhaseListener listener) throws IOException {
        return compute(graph, references, staticStartClasses(graph, node -> true), file, scratch, listener);
    }

    /**
     * The class objects whose static fields start paths, ascending: those of permanent classes
     * ({@link ObjectGraph#permanentClass}) that {@code reachable} accepts. Split from the search so that the search
     * can run beside the dominator tree, which knows what is reachable long before it is done (see
     * {@code HeapAnalysis}).
     */
    public static long[] staticStartClasses(ObjectGraph graph, NodeFilter reachable) {
        boolean[] classClass = new boolean[graph.classCount()];
        for (int c = 0; c < classClass.length; c++) classClass[c] = graph.className(c).equals("java.lang.Class");
        return Arrays.stream(graph.classObjects()).filter(node -> {
            int stands = graph.classObjectIndex(node);
            return classClass[graph.classIndex(node)] && stands >= 0 && graph.permanentClass(stands) && reachable.test(node);
        }).toArray();
    }

    /**
     * Computes the paths from the class objects whose static fields start them ({@link #staticStartClasses}: in a dump
     * cut short a class whose loader was lost is not reached from the roots read, and its statics must not make objects
     * look held that the dominator tree calls unreachable) and the roots, and stores them in {@code file}.
     */
    public static ShortestPaths compute(ObjectGraph graph, References references, long[] startClasses, Path file, Scratch scratch,
                                        PhaseListener listener) throws IOException {
        long n = graph.nodeCount();
        int width = Entries.widthFor(Math.max(graph.firstEdge(n), graph.rootCount()));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Arena arena = Arena.ofShared();
        long size = HEADER + n * width + Long.BYTES; // slack: an entry is read and written as one unaligned long
        long searched = 0;
        try (OutputFile output = OutputFile.create(temporary, size, arena)) {
            MemorySegment out = output.mapping();
            // the search writes the entries at random: in memory when there is room, then copied to the file in order
            try (StagedSection staged = StagedSection.of(output, out, scratch); Workers workers = Workers.forMachine()) {
                MemorySegment filled = staged.segment();
                filled.set(ValueLayout.JAVA_LONG, 0, MAGIC);
                filled.set(ValueLayout.JAVA_INT, 8, VERSION);
                filled.set(ValueLayout.JAVA_INT, 12, references == References.ALL ? FLAG_ALL_REFERENCES : 0);
                filled.set(ValueLayout.JAVA_LONG, 16, n);
                filled.set(ValueLayout.JAVA_INT, 24, width);
                new Search(graph, new Entries(filled, width), references, startClasses, n, listener).run(scratch);
                searched = System.nanoTime();
                staged.copyToFile(workers);
            }
            ShortestPaths paths = new ShortestPaths(arena, out, n, width, references);
            output.force();
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            listener.phaseDone("paths: store", (System.nanoTime() - searched) / 1_000_000);
            return paths;
        } catch (IOException | RuntimeException | Error e) {
            arena.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /**
     * Bytes the search holds while it runs on a graph of {@code nodes} objects and {@code edges} references: its queue
     * and thread flags (scratch memory) and the entries it writes (a mapped file), for a caller deciding whether it
     * fits in memory beside other work.
     */
    public static long bytesWhileSearching(long nodes, long edges) {
        long queue = nodes * (NodeArray.needsWide(nodes) ? 8 : 4);
        return queue + nodes / 8 + nodes * Entries.widthFor(edges);
    }

    /** Opens stored paths; a missing, truncated or foreign file is an IOException naming file and offset. */
    public static ShortestPaths open(Path file) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            if (seg.byteSize() < HEADER || seg.get(ValueLayout.JAVA_LONG, 0) != MAGIC) {
                throw new IOException(file + ": at byte 0: expected the shortest-paths magic number of format version " + VERSION);
            }
            int version = seg.get(ValueLayout.JAVA_INT, 8);
            if (version != VERSION) throw new IOException(file + ": at byte 8: expected format version " + VERSION + ", found " + version);
            long n = seg.get(ValueLayout.JAVA_LONG, 16);
            int width = seg.get(ValueLayout.JAVA_INT, 24);
            if (!Entries.validWidth(width)) throw new IOException(file + ": at byte 24: expected an entry width of 4, 5, 6 or 8 bytes, found " + width);
            long expected = HEADER + n * width + Long.BYTES;
            if (seg.byteSize() != expected) {
                throw new IOException(file + ": at byte 16: expected a file of " + expected + " bytes, found " + seg.byteSize());
            }
            int flags = seg.get(ValueLayout.JAVA_INT, 12);
            References refs = (flags & FLAG_ALL_REFERENCES) != 0 ? References.ALL : References.STRONG;
            return new ShortestPaths(arena, seg, n, width, refs);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** The breadth-first search, family by family (see the class comment). */
    private static final class Search {
        /** The graph searched; in {@link #run}, the one made for the walk (its edges may be copies that live as long). */
        private ObjectGraph graph;
        private final Entries entries;
        private final boolean followWeak;
        private final References references;
        private final long[] startClasses;
        private final long nodes;
        private NodeArray queue;
        private long tail;
        /** The objects of live threads (retaining thread roots): static fields' paths stop short of them. */
        private Bits threads;
        /** Told the objects whose edges were followed so far, every {@link #REPORT_EVERY} (a 40 GB dump's search takes a minute). */
        private final PhaseListener listener;
        private static final long REPORT_EVERY = 1 << 20;

        Search(ObjectGraph graph, Entries entries, References references, long[] startClasses, long nodes, PhaseListener listener) {
            this.listener = listener;
            this.graph = graph;
            this.entries = entries;
            this.references = references;
            this.startClasses = startClasses;
            this.followWeak = references.followsWeakEdges();
            this.nodes = nodes;
        }

        void run(Scratch scratch) {
            long started = System.nanoTime();
            entries.fill(nodes);
            // the edges in memory for the walk, asked for after its arrays so that they take the budget first
            try (NodeArray q = scratch.nodes(Math.max(nodes, 1), NodeArray.needsWide(nodes)); Bits t = scratch.bits(Math.max(nodes, 1));
                 WalkedGraph walked = graph.forWalk(scratch)) {
                graph = walked.graph();
                long ready = System.nanoTime();
                listener.phaseDone(walked.copied() ? "paths: arrays, edges copied to memory" : "paths: arrays", (ready - started) / 1_000_000);
                queue = q;
                threads = t;
                for (long r = 0, roots = graph.rootCount(); r < roots; r++) {
                    if (graph.rootKind(r) == GcRootKind.THREAD_OBJECT && references.retains(GcRootKind.THREAD_OBJECT)) threads.set(graph.rootNode(r));
                }
                long head = 0;
                for (RootFamily family : RootFamily.values()) {
                    if (family == RootFamily.STATIC_FIELD) enterStaticFields();
                    else enterRoots(family);
                    head = expand(head, family == RootFamily.STATIC_FIELD);
                }
                listener.phaseDone("paths: breadth-first search", (System.nanoTime() - ready) / 1_000_000);
            }
        }

        /**
         * Every retaining static field of the start classes (permanent, reached from the roots) starts a path, in
         * object order, then field order, so the result depends on nothing but the dump.
         */
        private void enterStaticFields() {
            for (long node : startClasses) {
                for (long e = graph.firstEdge(node), end = graph.firstEdge(node + 1); e < end; e++) {
                    if (!followWeak && graph.isWeakEdge(e)) continue;
                    long target = graph.edgeTarget(e);
                    if (entries.reached(target) || threads.get(target) || !(graph.edgeLabel(node, e) instanceof EdgeLabel.StaticField)) continue;
                    entries.set(target, Entries.STATIC_START | e);
                    queue.set(tail++, target);
                }
            }
        }

        private void enterRoots(RootFamily family) {
            for (GcRootKind kind : family.rootKinds) {
                if (!references.retains(kind)) continue;
                for (long r = 0, roots = graph.rootCount(); r < roots; r++) {
                    if (graph.rootKind(r) != kind) continue;
                    long node = graph.rootNode(r);
                    if (entries.reached(node)) continue;
                    entries.set(node, Entries.ROOT | r);
                    queue.set(tail++, node);
                }
            }
        }

        /**
         * Follows the retaining edges of the queued objects from {@code head} until the queue is empty; with
         * {@code stopAtThreads}, not into a live thread's object, which starts paths of its own in the next family.
         */
        private long expand(long head, boolean stopAtThreads) {
            for (; head < tail; head++) {
                if ((head & (REPORT_EVERY - 1)) == 0) listener.advance(head);
                long u = queue.get(head);
                for (long e = graph.firstEdge(u), end = graph.firstEdge(u + 1); e < end; e++) {
                    if (!followWeak && graph.isWeakEdge(e)) continue;
                    long t = graph.edgeTarget(e);
                    if (entries.reached(t) || stopAtThreads && threads.get(t)) continue;
                    entries.set(t, e);
                    queue.set(tail++, t);
                }
            }
            return head;
        }
    }

    /**
     * The stored entries: {@code width} bytes each, read and written as one unaligned little-endian long and a
     * mask (the file has eight bytes of slack after the last entry).
     */
    private static final class Entries {
        private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        /** Tags in the top two bits of an entry of 64 bits; shifted down to the entry's width when stored. */
        static final long STATIC_START = 1L << 62;
        static final long ROOT = 2L << 62;
        private static final long TAG = 3L << 62;

        private final MemorySegment file;
        private final int width;
        private final int shift;
        private final long mask;

        Entries(MemorySegment file, int width) {
            this.file = file;
            this.width = width;
            this.shift = 64 - 8 * width;
            this.mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
        }

        /** The fewest bytes whose entries hold {@code largest} (an edge count or a root count) beside the tag. */
        static int widthFor(long largest) {
            for (int w : WIDTHS) if (w == 8 || largest < (1L << (8 * w - 2)) - 1) return w;
            throw new AssertionError();
        }

        static boolean validWidth(int w) {
            for (int x : WIDTHS) if (x == w) return true;
            return false;
        }

        /** The entry of {@code node} as a 64-bit value: tag in the top two bits, -1 for "no path". */
        long get(long node) {
            long raw = file.get(LONG, HEADER + node * width) & mask;
            if (raw == mask) return -1;
            return (raw >>> (8 * width - 2)) << 62 | raw & (mask >>> 2);
        }

        boolean reached(long node) {
            return (file.get(LONG, HEADER + node * width) & mask) != mask;
        }

        void set(long node, long value) {
            long offset = HEADER + node * width;
            long stored = (value & TAG) >>> shift | value & ~TAG;
            file.set(LONG, offset, file.get(LONG, offset) & ~mask | stored);
        }

        /** Every entry "no path". */
        void fill(long nodes) {
            file.asSlice(HEADER, nodes * width).fill((byte) 0xFF);
        }
    }

    public long nodeCount() { return nodes; }

    /** Which references the paths follow. */
    public References references() { return references; }

    /** Whether a retaining path from a GC root reaches {@code node}. */
    public boolean hasPath(long node) { return entries.reached(node); }

    /** Whether {@code node}'s path starts at it: it is the object of a root entry. */
    public boolean isRoot(long node) {
        long v = entries.get(node);
        return v != -1 && (v & Entries.TAG) == Entries.ROOT;
    }

    /** Whether {@code node}'s path is one static field (of the class object {@code source(parentEdge(node))}). */
    public boolean isStaticStart(long node) {
        long v = entries.get(node);
        return v != -1 && (v & Entries.TAG) == Entries.STATIC_START;
    }

    /** Whether {@code node}'s path starts at it: a root's object or the object of a static field. */
    public boolean isPathStart(long node) {
        long v = entries.get(node);
        return v != -1 && (v & Entries.TAG) != 0;
    }

    /** The family {@code node}'s path starts in (its start's), or null when it has no path. Walks the path. */
    public RootFamily family(ObjectGraph graph, long node) {
        if (!hasPath(node)) return null;
        long x = node;
        while (!isPathStart(x)) x = source(graph, parentEdge(x));
        return isStaticStart(x) ? RootFamily.STATIC_FIELD : RootFamily.of(graph.rootKind(rootEntry(x)));
    }

    /** The root entry a root object's path starts from. */
    public long rootEntry(long node) {
        if (!isRoot(node)) throw new IllegalArgumentException("object " + node + " is not the object of the root its path starts at");
        return entries.get(node) & ~Entries.TAG;
    }

    /** The edge by which {@code node} is reached from the previous object on its path (for a static start: the field). */
    public long parentEdge(long node) {
        long v = entries.get(node);
        if (v == -1) throw new IllegalArgumentException("object " + node + " has no path");
        if ((v & Entries.TAG) == Entries.ROOT) throw new IllegalArgumentException("object " + node + " is a root");
        return v & ~Entries.TAG;
    }

    /** The object that holds {@code edge} (binary search over the graph's edge offsets). */
    public static long source(ObjectGraph graph, long edge) {
        long lo = 0;
        long hi = graph.nodeCount() - 1;
        while (lo < hi) { // largest node whose first edge is ≤ edge
            long mid = (lo + hi + 1) >>> 1;
            if (graph.firstEdge(mid) <= edge) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /**
     * The objects on {@code node}'s path, root first; empty when it has none. A path that starts at a static
     * field starts with the class object that holds the field.
     */
    public long[] path(ObjectGraph graph, long node) {
        if (!hasPath(node)) return new long[0];
        int length = 1;
        long x = node;
        while (!isPathStart(x)) {
            x = source(graph, parentEdge(x));
            length++;
        }
        if (isStaticStart(x)) length++; // the class object that holds the field
        long[] path = new long[length];
        x = node;
        for (int i = length - 1; i >= 0; i--) {
            path[i] = x;
            if (i > 0) x = source(graph, parentEdge(x));
        }
        return path;
    }

    @Override
    public void close() {
        arena.close();
    }
}

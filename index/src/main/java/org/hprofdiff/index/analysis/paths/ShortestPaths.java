package org.hprofdiff.index.analysis.paths;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.PhaseListener;
import org.hprofdiff.index.analysis.References;
import org.hprofdiff.index.analysis.offheap.LongArray;
import org.hprofdiff.index.analysis.offheap.NodeArray;
import org.hprofdiff.index.analysis.offheap.Scratch;

/**
 * A shortest path from the GC roots to every object (docs/semantics.md, section 9): a breadth-first search
 * from all retaining roots at once over the retaining references, storing per object the edge it was first
 * reached by. Roots are seeded kind by kind in {@link #ROOT_PREFERENCE} order, so among paths of equal
 * length the one from the more telling root wins. Stored in one file and mapped, like the dominator tree.
 *
 * <p>File: a 4 KiB header (magic, version, flags, node count), then one long per object: the edge number
 * from its parent (≥ 0), {@code -1} when no retaining path reaches it, or {@code -2 - r} when it is the
 * object of root entry {@code r}.
 */
public final class ShortestPaths implements AutoCloseable {
    /** Which root kind a path starts from when several reach an object at the same distance. */
    public static final List<GcRootKind> ROOT_PREFERENCE = List.of(GcRootKind.STICKY_CLASS, GcRootKind.JNI_GLOBAL,
            GcRootKind.THREAD_OBJECT, GcRootKind.JAVA_FRAME, GcRootKind.JNI_LOCAL, GcRootKind.NATIVE_STACK,
            GcRootKind.THREAD_BLOCK, GcRootKind.MONITOR_USED, GcRootKind.INTERNED_STRING, GcRootKind.VM_INTERNAL,
            GcRootKind.JNI_MONITOR, GcRootKind.DEBUGGER, GcRootKind.REFERENCE_CLEANUP, GcRootKind.UNKNOWN,
            GcRootKind.FINALIZING);

    private static final long MAGIC = 0x48504454_50415431L; // "HPDTPAT1"
    private static final int VERSION = 1;
    private static final long HEADER = 4096;
    private static final long NO_PATH = -1;

    private final Arena arena;
    private final long nodes;
    private final References references;
    private final LongArray parentEdge;

    private ShortestPaths(Arena arena, MemorySegment file, long nodes, References references) {
        this.arena = arena;
        this.nodes = nodes;
        this.references = references;
        this.parentEdge = new LongArray(file.asSlice(HEADER, nodes * 8), nodes, null);
    }

    /** Computes the paths with {@code references} deciding which edges and roots count, and stores them in {@code file}. */
    public static ShortestPaths compute(ObjectGraph graph, References references, Path file, Scratch scratch,
                                        PhaseListener listener) throws IOException {
        long started = System.nanoTime();
        long n = graph.nodeCount();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Arena arena = Arena.ofShared();
        try {
            MemorySegment out;
            try (FileChannel ch = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long size = HEADER + n * 8;
                ch.position(size - 1);
                ch.write(java.nio.ByteBuffer.wrap(new byte[1]));
                out = ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
            }
            out.set(ValueLayout.JAVA_LONG, 0, MAGIC);
            out.set(ValueLayout.JAVA_INT, 8, VERSION);
            out.set(ValueLayout.JAVA_INT, 12, references == References.ALL ? 1 : 0);
            out.set(ValueLayout.JAVA_LONG, 16, n);
            ShortestPaths paths = new ShortestPaths(arena, out, n, references);
            paths.search(graph, scratch);
            out.force();
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            listener.phaseDone("paths: breadth-first search", (System.nanoTime() - started) / 1_000_000);
            return paths;
        } catch (IOException | RuntimeException | Error e) {
            arena.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Opens stored paths; a missing, truncated or foreign file is an IOException naming file and offset. */
    public static ShortestPaths open(Path file) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            if (seg.byteSize() < HEADER || seg.get(ValueLayout.JAVA_LONG, 0) != MAGIC) {
                throw new IOException(file + ": at byte 0: expected the shortest-paths magic number");
            }
            int version = seg.get(ValueLayout.JAVA_INT, 8);
            if (version != VERSION) throw new IOException(file + ": at byte 8: expected format version " + VERSION + ", found " + version);
            long n = seg.get(ValueLayout.JAVA_LONG, 16);
            if (seg.byteSize() != HEADER + n * 8) {
                throw new IOException(file + ": at byte 16: expected a file of " + (HEADER + n * 8) + " bytes, found " + seg.byteSize());
            }
            References refs = seg.get(ValueLayout.JAVA_INT, 12) == 1 ? References.ALL : References.STRONG;
            return new ShortestPaths(arena, seg, n, refs);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private void search(ObjectGraph graph, Scratch scratch) {
        parentEdge.fill(NO_PATH);
        boolean followWeak = references.followsWeakEdges();
        try (NodeArray queue = scratch.nodes(Math.max(nodes, 1), NodeArray.needsWide(nodes))) {
            long tail = 0;
            for (GcRootKind kind : ROOT_PREFERENCE) {
                if (!references.retains(kind)) continue;
                for (long r = 0, roots = graph.rootCount(); r < roots; r++) {
                    if (graph.rootKind(r) != kind) continue;
                    long node = graph.rootNode(r);
                    if (parentEdge.get(node) != NO_PATH) continue;
                    parentEdge.set(node, -2 - r);
                    queue.set(tail++, node);
                }
            }
            for (long head = 0; head < tail; head++) {
                long u = queue.get(head);
                for (long e = graph.firstEdge(u), end = graph.firstEdge(u + 1); e < end; e++) {
                    if (!followWeak && graph.isWeakEdge(e)) continue;
                    long t = graph.edgeTarget(e);
                    if (parentEdge.get(t) != NO_PATH) continue;
                    parentEdge.set(t, e);
                    queue.set(tail++, t);
                }
            }
        }
    }

    public long nodeCount() { return nodes; }

    /** Which references the paths follow. */
    public References references() { return references; }

    /** Whether a retaining path from a GC root reaches {@code node}. */
    public boolean hasPath(long node) { return parentEdge.get(node) != NO_PATH; }

    /** Whether {@code node}'s path starts at it: it is the object of a root entry. */
    public boolean isRoot(long node) { return parentEdge.get(node) <= -2; }

    /** The root entry a root object's path starts from. */
    public long rootEntry(long node) {
        long v = parentEdge.get(node);
        if (v > -2) throw new IllegalArgumentException("object " + node + " is not where a path starts");
        return -2 - v;
    }

    /** The edge by which {@code node} is reached from the previous object on its path. */
    public long parentEdge(long node) {
        long v = parentEdge.get(node);
        if (v < 0) throw new IllegalArgumentException("object " + node + (v == NO_PATH ? " has no path" : " is a root"));
        return v;
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

    /** The objects on {@code node}'s path, root first; empty when it has none. */
    public long[] path(ObjectGraph graph, long node) {
        if (!hasPath(node)) return new long[0];
        int length = 1;
        for (long x = node; !isRoot(x); x = source(graph, parentEdge(x))) length++;
        long[] path = new long[length];
        long x = node;
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

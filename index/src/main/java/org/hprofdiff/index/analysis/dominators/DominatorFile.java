package org.hprofdiff.index.analysis.dominators;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * Layout of a stored dominator tree. A 4 KiB header, then page-aligned sections, all in node space
 * (indexed by object ordinal; index {@code nodeCount} is the virtual root):
 * <pre>
 *   idom          nodeCount node numbers (4 or 8 bytes)   immediate dominator; virtual root = nodeCount; not in tree = nodeCount+1
 *   retained      nodeCount+1 longs                      retained bytes; 0 for objects not in the tree
 *   reachability  nodeCount bytes                        {@link Reachability} ordinal
 *   childStart    nodeCount+2 longs                      children of x are children[childStart[x] .. childStart[x+1])
 *   children      treeSize node numbers                   ascending ordinal within each list
 *   classRetained classCount longs                       MAT's class-level retained bytes
 * </pre>
 * Native byte order; the magic number, read in another order, tells a foreign file apart. Written under a
 * temporary name and renamed into place when complete.
 */
final class DominatorFile {
    static final long MAGIC = 0x48504454_444F4D31L; // "HPDTDOM1"
    static final int VERSION = 1;
    static final long HEADER_BYTES = 4096;

    static final int FLAG_WIDE = 1;
    static final int FLAG_ALL_REFERENCES = 2;
    static final int FLAG_KEEP_UNREACHABLE = 4;

    // header fields, byte offsets
    private static final long MAGIC_AT = 0;
    private static final long VERSION_AT = 8;
    private static final long FLAGS_AT = 12;
    private static final long NODES_AT = 16;
    private static final long CLASSES_AT = 24;
    private static final long TREE_SIZE_AT = 32;
    private static final long TOTALS_AT = 40; // 4 reachability groups × (objects, bytes)
    private static final long FILE_SIZE_AT = 40 + 8 * 8;

    final long nodeCount;
    final long classCount;
    final long treeSize;
    final boolean wide;
    final long idomAt;
    final long retainedAt;
    final long reachabilityAt;
    final long childStartAt;
    final long childrenAt;
    final long classRetainedAt;
    final long fileSize;

    DominatorFile(long nodeCount, long classCount, long treeSize, boolean wide) {
        this.nodeCount = nodeCount;
        this.classCount = classCount;
        this.treeSize = treeSize;
        this.wide = wide;
        long entry = wide ? 8 : 4;
        idomAt = HEADER_BYTES;
        retainedAt = page(idomAt + nodeCount * entry);
        reachabilityAt = page(retainedAt + (nodeCount + 1) * 8);
        childStartAt = page(reachabilityAt + nodeCount);
        childrenAt = page(childStartAt + (nodeCount + 2) * 8);
        classRetainedAt = page(childrenAt + treeSize * entry);
        fileSize = page(classRetainedAt + classCount * 8);
    }

    private static long page(long offset) {
        return (offset + 4095) & ~4095L;
    }

    void writeHeader(MemorySegment file, int flags, ReachabilitySummary summary) {
        file.set(ValueLayout.JAVA_LONG, MAGIC_AT, MAGIC);
        file.set(ValueLayout.JAVA_INT, VERSION_AT, VERSION);
        file.set(ValueLayout.JAVA_INT, FLAGS_AT, flags | (wide ? FLAG_WIDE : 0));
        file.set(ValueLayout.JAVA_LONG, NODES_AT, nodeCount);
        file.set(ValueLayout.JAVA_LONG, CLASSES_AT, classCount);
        file.set(ValueLayout.JAVA_LONG, TREE_SIZE_AT, treeSize);
        long at = TOTALS_AT;
        for (Reachability r : Reachability.values()) {
            file.set(ValueLayout.JAVA_LONG, at, summary.of(r).objects());
            file.set(ValueLayout.JAVA_LONG, at + 8, summary.of(r).bytes());
            at += 16;
        }
        file.set(ValueLayout.JAVA_LONG, FILE_SIZE_AT, fileSize);
    }

    /** Reads and checks a header; the problem is named with the file and the offset. */
    static DominatorFile readHeader(Path path, MemorySegment file) throws IOException {
        if (file.byteSize() < HEADER_BYTES) throw problem(path, 0, "a dominator tree header of " + HEADER_BYTES + " bytes");
        if (file.get(ValueLayout.JAVA_LONG, MAGIC_AT) != MAGIC) throw problem(path, MAGIC_AT, "the dominator tree magic number");
        int version = file.get(ValueLayout.JAVA_INT, VERSION_AT);
        if (version != VERSION) throw problem(path, VERSION_AT, "format version " + VERSION + ", found " + version);
        int flags = file.get(ValueLayout.JAVA_INT, FLAGS_AT);
        DominatorFile layout = new DominatorFile(file.get(ValueLayout.JAVA_LONG, NODES_AT),
                file.get(ValueLayout.JAVA_LONG, CLASSES_AT), file.get(ValueLayout.JAVA_LONG, TREE_SIZE_AT),
                (flags & FLAG_WIDE) != 0);
        long recorded = file.get(ValueLayout.JAVA_LONG, FILE_SIZE_AT);
        if (recorded != layout.fileSize || file.byteSize() != layout.fileSize) {
            throw problem(path, FILE_SIZE_AT, "a file of " + layout.fileSize + " bytes, found " + file.byteSize());
        }
        return layout;
    }

    static int flags(MemorySegment file) {
        return file.get(ValueLayout.JAVA_INT, FLAGS_AT);
    }

    static ReachabilitySummary summary(MemorySegment file) {
        var groups = new java.util.EnumMap<Reachability, ReachabilitySummary.Totals>(Reachability.class);
        long at = TOTALS_AT;
        for (Reachability r : Reachability.values()) {
            groups.put(r, new ReachabilitySummary.Totals(file.get(ValueLayout.JAVA_LONG, at), file.get(ValueLayout.JAVA_LONG, at + 8)));
            at += 16;
        }
        return new ReachabilitySummary(groups);
    }

    private static IOException problem(Path path, long offset, String expected) {
        return new IOException(path + ": at byte " + offset + ": expected " + expected);
    }
}

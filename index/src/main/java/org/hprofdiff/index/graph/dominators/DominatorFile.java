package org.hprofdiff.index.graph.dominators;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.EnumMap;
import org.hprofdiff.index.graph.offheap.PackedArray;

/**
 * Layout of a stored dominator tree (format 2). A 4 KiB header, then page-aligned sections; "node" entries
 * are object ordinals in {@code nodeWidth} bytes, the width {@code nodeCount + 1} needs (4 bytes up to 4
 * billion objects, 5 beyond):
 * <pre>
 *   idom          nodeCount nodes                 immediate dominator + 1 (the virtual root: nodeCount + 1); 0: not in the tree
 *   retained      nodeCount u32                   {@link Reachability} ordinal (2 high bits), retained bytes in units of
 *                                                 2^retainedShift bytes (30 low bits; all ones: see overflow)
 *   overflow      overflowCount × (u64, u64)      ordinal and retained bytes of the objects that retain 2^30 - 1 units or more, by ordinal
 *   listParents   listCount u64                   objects whose children are listed, ascending; the last is the virtual root
 *   listStart     listCount+1 u64                 children of listParents[i] are listChildren[listStart[i] .. listStart[i+1])
 *   listChildren  listedChildren nodes            ascending ordinal within each list
 *   classRetained classCount u64                  MAT's class-level retained bytes
 * </pre>
 * Children are listed for the virtual root and for every object that retains at least {@code listThreshold}
 * bytes (chosen when the tree is computed so that the lists stay small); the children of other objects are
 * found by a scan of {@code idom}. With 4-byte ordinals, 8 bytes per object and the lists. The unit is the largest power of two (at most 8) that divides every shallow size, so sizes stay exact.
 * Zero means "not in the tree" in every column, so objects outside the tree are never written.
 * Numbers are in native byte order, packed nodes little-endian; the magic number, read in another order,
 * tells a foreign file apart. Written under a temporary name and renamed into place when complete.
 */
final class DominatorFile {
    static final long MAGIC = 0x48504454_444F4D31L; // "HPDTDOM1"
    static final int VERSION = 2;
    static final long HEADER_BYTES = 4096;
    /** Retained units a retained entry holds below its 2 group bits. */
    static final int UNIT_BITS = 30;
    /** Units that say the size is in the overflow table. */
    static final long RETAINED_OVERFLOW = (1L << UNIT_BITS) - 1;

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
    private static final long FILE_SIZE_AT = TOTALS_AT + 8 * 8;
    private static final long NODE_WIDTH_AT = FILE_SIZE_AT + 8;
    private static final long RETAINED_SHIFT_AT = NODE_WIDTH_AT + 4;
    private static final long ROOT_RETAINED_AT = RETAINED_SHIFT_AT + 4;
    private static final long OVERFLOW_AT = ROOT_RETAINED_AT + 8;
    private static final long LIST_COUNT_AT = OVERFLOW_AT + 8;
    private static final long LISTED_CHILDREN_AT = LIST_COUNT_AT + 8;
    private static final long LIST_THRESHOLD_AT = LISTED_CHILDREN_AT + 8;

    /** The counts a layout follows from. */
    record Shape(long nodeCount, long classCount, long treeSize, int nodeWidth, int retainedShift, long overflowCount,
                 long listCount, long listedChildren, long listThreshold) {}

    final Shape shape;
    final long nodeCount;
    final long idomAt;
    final long retainedAt;
    final long overflowAt;
    final long listParentsAt;
    final long listStartAt;
    final long listChildrenAt;
    final long classRetainedAt;
    final long fileSize;

    DominatorFile(Shape shape) {
        this.shape = shape;
        this.nodeCount = shape.nodeCount();
        int w = shape.nodeWidth();
        idomAt = HEADER_BYTES;
        retainedAt = page(idomAt + PackedArray.bytes(nodeCount, w));
        overflowAt = page(retainedAt + nodeCount * 4);
        listParentsAt = page(overflowAt + shape.overflowCount() * 16);
        listStartAt = page(listParentsAt + shape.listCount() * 8);
        listChildrenAt = page(listStartAt + (shape.listCount() + 1) * 8);
        classRetainedAt = page(listChildrenAt + PackedArray.bytes(shape.listedChildren(), w));
        fileSize = page(classRetainedAt + shape.classCount() * 8);
    }

    /** What the idom column holds for an immediate dominator (an ordinal, or the virtual root {@code nodeCount}). */
    static long encodeIdom(long dominator) {
        return dominator + 1;
    }

    /** The immediate dominator an idom entry stands for: an ordinal, {@code nodeCount} (virtual root) or {@code nodeCount + 1} (not in the tree). */
    static long decodeIdom(long stored, long nodeCount) {
        return stored == 0 ? nodeCount + 1 : stored - 1;
    }

    private static long page(long offset) {
        return (offset + 4095) & ~4095L;
    }

    PackedArray idom(MemorySegment file) {
        return idomOver(idomSection(file));
    }

    /** The bytes of the immediate-dominator column (with the packed reads' slack). */
    MemorySegment idomSection(MemorySegment file) { return file.asSlice(idomAt, retainedAt - idomAt); }

    /** The immediate-dominator column over {@code section}: the file's, or a copy of it being filled. */
    PackedArray idomOver(MemorySegment section) {
        return new PackedArray(section, nodeCount, shape.nodeWidth());
    }

    MemorySegment retained(MemorySegment file) { return file.asSlice(retainedAt, nodeCount * 4); }

    MemorySegment overflow(MemorySegment file) { return file.asSlice(overflowAt, shape.overflowCount() * 16); }

    MemorySegment listParents(MemorySegment file) { return file.asSlice(listParentsAt, shape.listCount() * 8); }

    MemorySegment listStart(MemorySegment file) { return file.asSlice(listStartAt, (shape.listCount() + 1) * 8); }

    PackedArray listChildren(MemorySegment file) {
        return new PackedArray(file.asSlice(listChildrenAt, classRetainedAt - listChildrenAt), shape.listedChildren(), shape.nodeWidth());
    }

    MemorySegment classRetained(MemorySegment file) { return file.asSlice(classRetainedAt, shape.classCount() * 8); }

    void writeHeader(MemorySegment file, int flags, ReachabilitySummary summary, long rootRetained) {
        file.set(ValueLayout.JAVA_LONG, MAGIC_AT, MAGIC);
        file.set(ValueLayout.JAVA_INT, VERSION_AT, VERSION);
        file.set(ValueLayout.JAVA_INT, FLAGS_AT, flags);
        file.set(ValueLayout.JAVA_LONG, NODES_AT, nodeCount);
        file.set(ValueLayout.JAVA_LONG, CLASSES_AT, shape.classCount());
        file.set(ValueLayout.JAVA_LONG, TREE_SIZE_AT, shape.treeSize());
        long at = TOTALS_AT;
        for (Reachability r : Reachability.values()) {
            file.set(ValueLayout.JAVA_LONG, at, summary.of(r).objects());
            file.set(ValueLayout.JAVA_LONG, at + 8, summary.of(r).bytes());
            at += 16;
        }
        file.set(ValueLayout.JAVA_LONG, FILE_SIZE_AT, fileSize);
        file.set(ValueLayout.JAVA_INT, NODE_WIDTH_AT, shape.nodeWidth());
        file.set(ValueLayout.JAVA_INT, RETAINED_SHIFT_AT, shape.retainedShift());
        file.set(ValueLayout.JAVA_LONG, ROOT_RETAINED_AT, rootRetained);
        file.set(ValueLayout.JAVA_LONG, OVERFLOW_AT, shape.overflowCount());
        file.set(ValueLayout.JAVA_LONG, LIST_COUNT_AT, shape.listCount());
        file.set(ValueLayout.JAVA_LONG, LISTED_CHILDREN_AT, shape.listedChildren());
        file.set(ValueLayout.JAVA_LONG, LIST_THRESHOLD_AT, shape.listThreshold());
    }

    /** Reads and checks a header; the problem is named with the file and the offset. */
    static DominatorFile readHeader(Path path, MemorySegment file) throws IOException {
        if (file.byteSize() < HEADER_BYTES) throw problem(path, 0, "a dominator tree header of " + HEADER_BYTES + " bytes");
        if (file.get(ValueLayout.JAVA_LONG, MAGIC_AT) != MAGIC) throw problem(path, MAGIC_AT, "the dominator tree magic number");
        int version = file.get(ValueLayout.JAVA_INT, VERSION_AT);
        if (version != VERSION) throw problem(path, VERSION_AT, "format version " + VERSION + ", found " + version);
        long nodes = file.get(ValueLayout.JAVA_LONG, NODES_AT);
        int width = file.get(ValueLayout.JAVA_INT, NODE_WIDTH_AT);
        if (width < PackedArray.widthFor(nodes + 1) || width > 8) throw problem(path, NODE_WIDTH_AT, "a node width for " + nodes + " objects, found " + width);
        int shift = file.get(ValueLayout.JAVA_INT, RETAINED_SHIFT_AT);
        if (shift < 0 || shift > 3) throw problem(path, RETAINED_SHIFT_AT, "a retained size unit of 1 to 8 bytes, found 2^" + shift);
        Shape shape = new Shape(nodes, file.get(ValueLayout.JAVA_LONG, CLASSES_AT), file.get(ValueLayout.JAVA_LONG, TREE_SIZE_AT), width, shift,
                file.get(ValueLayout.JAVA_LONG, OVERFLOW_AT), file.get(ValueLayout.JAVA_LONG, LIST_COUNT_AT),
                file.get(ValueLayout.JAVA_LONG, LISTED_CHILDREN_AT), file.get(ValueLayout.JAVA_LONG, LIST_THRESHOLD_AT));
        if (shape.listCount() < 1) throw problem(path, LIST_COUNT_AT, "at least the virtual root's child list");
        DominatorFile layout = new DominatorFile(shape);
        long recorded = file.get(ValueLayout.JAVA_LONG, FILE_SIZE_AT);
        if (recorded != layout.fileSize || file.byteSize() != layout.fileSize) {
            throw problem(path, FILE_SIZE_AT, "a file of " + layout.fileSize + " bytes, found " + file.byteSize());
        }
        return layout;
    }

    static int flags(MemorySegment file) {
        return file.get(ValueLayout.JAVA_INT, FLAGS_AT);
    }

    static long rootRetained(MemorySegment file) {
        return file.get(ValueLayout.JAVA_LONG, ROOT_RETAINED_AT);
    }

    static ReachabilitySummary summary(MemorySegment file) {
        var groups = new EnumMap<Reachability, ReachabilitySummary.Totals>(Reachability.class);
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

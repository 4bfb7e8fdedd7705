package org.hprofdiff.index.growth;

import java.io.IOException;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.HeapTag;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.index.DumpIndex;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.analysis.NodeFilter;
import org.hprofdiff.index.analysis.offheap.Bits;
import org.hprofdiff.index.graph.ClassInfo;

/**
 * The objects of one dump that a growth row stands for, found again by the row's key and never by ids:
 * the classes of its name and defining loader, and for an arrays-by-length row ({@code HashMap$Node[16384]})
 * only the arrays of that length.
 */
final class RowTargets implements AutoCloseable {
    private final boolean[] classes;
    private final Bits lengthMatches; // null: every object of the classes
    private final DumpIndex index;

    private RowTargets(boolean[] classes, Bits lengthMatches, DumpIndex index) {
        this.classes = classes;
        this.lengthMatches = lengthMatches;
        this.index = index;
    }

    /** The row's objects in {@code analysis}' dump; {@link #isEmpty()} when the dump has none of its classes. */
    static RowTargets of(GrowthRow row, HeapAnalysis analysis) throws IOException {
        DumpIndex index = analysis.index();
        boolean[] classes = classesOf(row, index);
        Bits lengths = row.arrayLength() == null || !any(classes) ? null : arraysOfLength(classes, row.arrayLength(), analysis);
        return new RowTargets(classes, lengths, index);
    }

    /** The classes whose objects the row counts in this dump, by the index's class key for the row's name and loader. */
    static boolean[] classesOf(GrowthRow row, DumpIndex index) throws IOException {
        boolean[] match = new boolean[index.classes().size()];
        for (int c : index.summary().classIndexes(row.name(), row.loader())) match[c] = true;
        return match;
    }

    /**
     * Arrays of the classes with exactly {@code length} elements, the length read from each array's record in
     * the dump. A compressed dump cannot be read at random; there the shallow size stands for the length
     * (under an 8-byte alignment two neighbouring lengths of 4-byte elements share one size).
     */
    private static Bits arraysOfLength(boolean[] classes, int length, HeapAnalysis analysis) throws IOException {
        DumpIndex index = analysis.index();
        long n = index.objectCount();
        Bits match = analysis.scratch().bits(n);
        long[] sizeOf = new long[classes.length];
        for (int c = 0; c < classes.length; c++) {
            ClassInfo info = index.classes().get(c);
            BasicType element = info.elementType();
            sizeOf[c] = classes[c] && element != null ? index.sizeModel().arraySize(element, length) : -1;
        }
        try (HprofInput dump = index.dump().isRandomAccess() ? index.dump().newInput() : null) {
            int idSize = index.dump().header().idSize();
            for (long node = 0; node < n; node++) {
                int c = index.classIndexOf(node);
                if (sizeOf[c] < 0) continue;
                boolean hit = dump != null ? lengthInRecord(dump, idSize, index.position(node)) == length
                        : index.shallowSize(node) == sizeOf[c];
                if (hit) match.set(node);
            }
        } catch (IOException | RuntimeException e) {
            match.close();
            throw e;
        }
        return match;
    }

    /** The element count of an array record (object or primitive: both have id, stack serial, then length); -1 otherwise. */
    private static long lengthInRecord(HprofInput dump, int idSize, long position) {
        if (position == 0) return -1;
        int tag = dump.u1At(position);
        if (tag != HeapTag.OBJ_ARRAY_DUMP.code && tag != HeapTag.PRIM_ARRAY_DUMP.code) return -1;
        return dump.u4At(position + 1 + idSize + 4) & 0xFFFF_FFFFL;
    }

    private static boolean any(boolean[] set) {
        for (boolean b : set) if (b) return true;
        return false;
    }

    boolean isEmpty() {
        return !any(classes);
    }

    /** The classes matched, by class index (for class-level retained sizes). */
    boolean[] classes() {
        return classes;
    }

    NodeFilter filter() {
        if (lengthMatches == null) return node -> classes[index.classIndexOf(node)];
        Bits matches = lengthMatches;
        return matches::get;
    }

    @Override
    public void close() {
        if (lengthMatches != null) lengthMatches.close();
    }
}

package org.hprofdiff.core.size;

import org.hprofdiff.core.format.BasicType;

/**
 * The arrays of one array class, kept so that their exact total size can be computed under any
 * {@link SizeModel} after the pass: the layout is known only at the end (it is inferred from the whole
 * dump), and remembering every length would cost memory per object.
 *
 * <p>An array takes {@code align(base + length × element)} bytes. Summed over arrays this is
 * {@code count × base + element × Σ length + Σ padding}, and the padding of one array depends only on
 * {@code (base + length × element) mod alignment}, hence (alignments dividing 256) only on
 * {@code length mod 256}. So a count, a length sum and 256 counters per array class give the exact
 * total for every model: 2 KiB per array class, nothing per array.
 */
public final class ArrayTally {
    private static final int RESIDUES = 256;

    private final BasicType elementType;
    private long count;
    private long lengthSum;
    private final long[] byResidue = new long[RESIDUES];

    public ArrayTally(BasicType elementType) {
        this.elementType = elementType;
    }

    public void add(int length) {
        count++;
        lengthSum += length;
        byResidue[length & (RESIDUES - 1)]++;
    }

    /** Adds another tally of the same element type (one thread's share of the arrays). */
    public void add(ArrayTally other) {
        if (other.elementType != elementType) throw new IllegalArgumentException(other.elementType + " arrays into a tally of " + elementType);
        count += other.count;
        lengthSum += other.lengthSum;
        for (int r = 0; r < RESIDUES; r++) byResidue[r] += other.byResidue[r];
    }

    public BasicType elementType() { return elementType; }

    public long count() { return count; }

    /** Total size of the arrays under {@code model}, exactly as the sum of {@link SizeModel#arraySize} over them. */
    public long bytes(SizeModel model) {
        int element = model.fieldSize(elementType);
        long base = model.arrayBaseOffset(element);
        int alignment = model.objectAlignment();
        if (RESIDUES % alignment != 0) throw new IllegalArgumentException("alignment " + alignment + " does not divide " + RESIDUES);
        long padding = 0;
        for (int r = 0; r < RESIDUES; r++) {
            if (byResidue[r] == 0) continue;
            long unpadded = base + (long) r * element;
            padding += byResidue[r] * (model.align(unpadded) - unpadded);
        }
        return count * base + element * lengthSum + padding;
    }
}

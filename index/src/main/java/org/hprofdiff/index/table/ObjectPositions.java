package org.hprofdiff.index.table;

import org.hprofdiff.index.store.BlockOffsets;

/**
 * Where each object's record starts in the dump, by ordinal. Records come in file order, so positions
 * ascend and are stored as {@link BlockOffsets} (about 2 bytes each instead of 5). An Android primitive
 * array without data has no position of its own: {@link #NONE}, and its type and length are in
 * {@link NoDataArrays}.
 */
public final class ObjectPositions {
    /** Position of an object whose record the index does not know (byte 0 is the file header, never an object). */
    public static final long NONE = 0;

    private final BlockOffsets positions;
    private final NoDataArrays noData;

    public ObjectPositions(BlockOffsets positions, NoDataArrays noData) {
        this.positions = positions;
        this.noData = noData;
    }

    public long get(long ordinal) {
        if (noData.count() > 0 && noData.find(ordinal) >= 0) return NONE;
        return positions.get(ordinal);
    }

    public NoDataArrays noData() { return noData; }
}

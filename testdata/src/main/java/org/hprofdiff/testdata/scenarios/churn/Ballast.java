package org.hprofdiff.testdata.scenarios.churn;

/**
 * Memory an application allocates once and keeps (lookup tables, preloaded data): it is big, so it
 * dominates a naive "largest classes" view, and constant, so a diff must not flag it.
 */
final class Ballast {

    /** Number of blocks; each is one {@code long[BLOCK_LONGS]}. */
    static final int BLOCKS = 32;
    /** Longs per block: 128 KiB each, 4 MiB in all. */
    static final int BLOCK_LONGS = 16_384;

    private final long[][] blocks = new long[BLOCKS][BLOCK_LONGS];

    Ballast() {
        for (long[] block : blocks) {
            block[0] = block.length; // touched, so the pages are really in the heap
        }
    }
}

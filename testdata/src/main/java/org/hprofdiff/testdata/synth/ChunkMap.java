package org.hprofdiff.testdata.synth;

/**
 * Where the bulk of a generated dump lives: {@code count} chunks of {@link #SPAN} bytes of address space
 * from {@code base}, each filled exactly (a compacted heap) with one kind of content. A chunk's kind, and
 * whether anything outside it points at it, are pure functions of the seed and its index, so any chunk can
 * be generated alone and its first object ("head") can be referenced before it is written.
 */
final class ChunkMap {
    static final int SPAN = 64 * 1024;

    enum Kind {
        /** Linked-list nodes, chained across all LIST chunks into one list of millions. */
        LIST,
        /** An Object[] of Strings (with their byte[] values) and char[]s. */
        STRINGS,
        /** A HashMap with its table, chained nodes, String keys, Order values. */
        MAP,
        /** An Object[] of Orders with small Object[]s between them, int[]s and long[]s. */
        ORDERS
    }

    private static final Kind[] PATTERN = {
        Kind.LIST, Kind.STRINGS, Kind.MAP, Kind.ORDERS, Kind.LIST, Kind.STRINGS, Kind.MAP, Kind.LIST,
        Kind.ORDERS, Kind.STRINGS
    };

    private final long seed;
    private final int count;
    private final long base;
    private final int patternOffset;

    ChunkMap(long seed, int count, long base) {
        if (base % SPAN != 0) {
            throw new IllegalArgumentException("chunk base must be aligned to the chunk span");
        }
        this.seed = seed;
        this.count = count;
        this.base = base;
        this.patternOffset = (int) Math.floorMod(mix(seed, -1), (long) PATTERN.length);
    }

    int count() {
        return count;
    }

    long address(int chunk) {
        return base + (long) chunk * SPAN;
    }

    Kind kind(int chunk) {
        return PATTERN[(chunk + patternOffset) % PATTERN.length];
    }

    /** Non-list chunks referenced from the directory; one in 16 is left unreferenced (garbage). */
    boolean isListed(int chunk) {
        return kind(chunk) != Kind.LIST && Math.floorMod(mix(seed, chunk) >>> 7, 16L) != 0;
    }

    /** The next LIST chunk after {@code chunk}, or -1. */
    int nextListChunk(int chunk) {
        for (int next = chunk + 1; next < count; next++) {
            if (kind(next) == Kind.LIST) {
                return next;
            }
        }
        return -1;
    }

    /** The {@code n}-th listed chunk of a kind (0-based), or -1. */
    int listedChunk(Kind wanted, int n) {
        for (int chunk = 0; chunk < count; chunk++) {
            if (kind(chunk) == wanted && isListed(chunk) && n-- == 0) {
                return chunk;
            }
        }
        return -1;
    }

    /** Seed of one chunk's content: depends on the dump's seed and the chunk's index only. */
    long chunkSeed(int chunk) {
        return mix(seed, chunk);
    }

    /** SplitMix64's finalizer over a seed and an index. */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package org.hprofdiff.index.graph.dominators;

import org.hprofdiff.index.graph.offheap.LongArray;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * Per object: its pre-order number and how many predecessors it has in the dominator graph, side by side so
 * that the depth-first search reads one and counts the other with the same cache miss. Narrow: both in one
 * long (32 bits each); wide (more than 4 billion objects or references): two longs next to each other. Once
 * the counts are summed into list offsets, the count's place holds the object's next free slot in the
 * predecessor lists, so that filling them reads the number and takes the slot in one place.
 */
final class NumberAndDegree implements AutoCloseable {
    private static final long LOW = 0xFFFF_FFFFL;
    private final LongArray slots;
    private final boolean wide;

    NumberAndDegree(Scratch scratch, long nodes, boolean wide) {
        this.wide = wide;
        this.slots = scratch.longs(wide ? 2 * nodes : nodes);
    }

    /** Pre-order number, 0 while not reached. */
    long pre(long node) {
        return wide ? slots.get(2 * node) : slots.get(node) & LOW;
    }

    void setPre(long node, long pre) {
        if (wide) slots.set(2 * node, pre);
        else slots.set(node, (slots.get(node) & ~LOW) | pre);
    }

    long degree(long node) {
        return wide ? slots.get(2 * node + 1) : slots.get(node) >>> 32;
    }

    /** Replaces the predecessor count by the first slot of the object's list. */
    void setNextSlot(long node, long slot) {
        if (wide) slots.set(2 * node + 1, slot);
        else slots.set(node, (slots.get(node) & LOW) | slot << 32);
    }

    /** Takes the object's next list slot. */
    long takeSlot(long node) {
        long at = wide ? 2 * node + 1 : node;
        long before = slots.get(at);
        slots.set(at, before + (wide ? 1 : 1L << 32));
        return wide ? before : before >>> 32;
    }

    void countPredecessor(long node) {
        if (wide) slots.add(2 * node + 1, 1);
        else slots.add(node, 1L << 32);
    }

    @Override
    public void close() {
        slots.close();
    }
}

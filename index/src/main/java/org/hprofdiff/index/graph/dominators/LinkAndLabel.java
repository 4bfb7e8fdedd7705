package org.hprofdiff.index.graph.dominators;

import org.hprofdiff.index.graph.offheap.LongArray;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * The path-compression forest of semi-NCA: per pre-order number its ancestor link and its label (smallest
 * semidominator seen on the compressed path). They are always read together, so they share a slot: one
 * long when narrow (link high, label low), two adjacent longs when wide. Written at random, so in native memory
 * past the scratch budget while the machine has it: in a mapped file (a 39.8 GB dump, 5 GB of forest beside the
 * predecessor lists) the kernel's write-back of the dirtied pages, each one a TLB flush on every core, kept a
 * core busy and semi-NCA took 43–75 s.
 */
final class LinkAndLabel implements AutoCloseable {
    private static final long LOW = 0xFFFF_FFFFL;
    private final LongArray slots;
    private final boolean wide;

    LinkAndLabel(Scratch scratch, long count, boolean wide) {
        this.wide = wide;
        this.slots = scratch.longs(wide ? 2 * count : count, Scratch.Placement.MEMORY_WHILE_AVAILABLE);
    }

    long ancestor(long x) {
        return wide ? slots.get(2 * x) : slots.get(x) >>> 32;
    }

    long label(long x) {
        return wide ? slots.get(2 * x + 1) : slots.get(x) & LOW;
    }

    void setAncestor(long x, long ancestor) {
        if (wide) slots.set(2 * x, ancestor);
        else slots.set(x, (ancestor << 32) | (slots.get(x) & LOW));
    }

    void set(long x, long ancestor, long label) {
        if (wide) {
            slots.set(2 * x, ancestor);
            slots.set(2 * x + 1, label);
        } else {
            slots.set(x, (ancestor << 32) | label);
        }
    }

    @Override
    public void close() {
        slots.close();
    }
}

package org.hprofdiff.index.graph.offheap;

/**
 * A stack of longs that grows off-heap by doubling, for work lists whose size is not known in advance
 * (weak-reference targets to visit, a path being walked). Starts small; never holds the Java heap.
 */
public final class LongStack implements AutoCloseable {
    private final Scratch scratch;
    private LongArray items;
    private long size;

    public LongStack(Scratch scratch, long initialCapacity) {
        this.scratch = scratch;
        this.items = scratch.longs(Math.max(16, initialCapacity));
    }

    public boolean isEmpty() { return size == 0; }

    public long size() { return size; }

    public void push(long value) {
        if (size == items.length()) grow();
        items.set(size++, value);
    }

    public long pop() {
        if (size == 0) throw new IllegalStateException("empty stack");
        return items.get(--size);
    }

    public long get(long index) { return items.get(index); }

    /** The value on top; the stack must not be empty. */
    public long peek() { return items.get(size - 1); }

    /** Replaces the value on top; the stack must not be empty. */
    public void replaceTop(long value) { items.set(size - 1, value); }

    public void clear() { size = 0; }

    private void grow() {
        LongArray bigger = scratch.longs(items.length() * 2);
        items.copyTo(bigger, size); // one by one, this was 2 % of the depth-first numbering of a 39.8 GB dump
        items.close();
        items = bigger;
    }

    @Override
    public void close() { items.close(); }
}

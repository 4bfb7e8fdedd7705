package org.hprofdiff.index.graph;

import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * A graph for one walk that reads its edges at random (the shortest paths' breadth-first search), with what it
 * holds for the walk: {@link ObjectGraph#forWalk} copies the index's edge columns into native memory when the
 * machine has room, since a mapped file is read in 4 KiB pages, each random read a TLB miss, and the page cache
 * may have dropped the pages. Closing it gives the memory back (to the scratch, which hands it to later arrays).
 *
 * <p>Not the dominator tree's depth-first numbering: its own arrays take half the machine's memory at 39.8 GB,
 * and the copy beside them pushed its growing stack past the scratch budget into a mapped file, whose write-back
 * cost more than the copy saved (numbering 90 s, against 48–81 s reading the mapped index).
 *
 * @param graph  the graph to walk: the same answers as the one it was made from
 * @param memory where its edge columns were copied, given back on {@link #close()}; null when nothing was copied
 */
public record WalkedGraph(ObjectGraph graph, Scratch.Allocation memory) implements AutoCloseable {

    /** {@code graph} itself, nothing copied. */
    public static WalkedGraph asIs(ObjectGraph graph) {
        return new WalkedGraph(graph, null);
    }

    /** Whether its edge columns are copies in memory. */
    public boolean copied() {
        return memory != null;
    }

    @Override
    public void close() {
        if (memory != null) memory.close();
    }
}

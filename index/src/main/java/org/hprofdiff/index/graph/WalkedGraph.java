package org.hprofdiff.index.graph;

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
 * @param copied whether its edge columns are copies in memory
 * @param held   what to release when the walk is done
 */
public record WalkedGraph(ObjectGraph graph, boolean copied, AutoCloseable held) implements AutoCloseable {

    /** {@code graph} itself, nothing copied. */
    public static WalkedGraph asIs(ObjectGraph graph) {
        return new WalkedGraph(graph, false, () -> {});
    }

    @Override
    public void close() {
        try {
            held.close();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

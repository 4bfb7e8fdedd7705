package org.hprofdiff.core.read;

/**
 * A pass that parses heap records on several threads but must take in their results in file order (the index's
 * first pass numbers objects in file order): each record is parsed into a buffer by some thread, and the buffers
 * are committed one by one, in file order, on the calling thread ({@link HprofReader#readHeapInOrder}). At most
 * {@link #window()} buffers exist; a buffer is reused once committed, so memory is bounded by the window, not
 * by the dump.
 *
 * @param <B> a buffer for one record's results
 */
public interface RecordPipeline<B> {

    /** How many buffers, hence records in flight. */
    int window();

    /** A new buffer (called on the calling thread, up to {@link #window()} times). */
    B newBuffer();

    /**
     * The visitor that parses one record into {@code buffer}, called on the thread that parses it, before each
     * record (the visitor's {@link HprofVisitor#heapRecord} then starts the record). {@code beforeSplit}: the
     * record is parsed on the calling thread because {@link #splittable()} has not yet said yes.
     */
    HprofVisitor visitor(B buffer, boolean beforeSplit);

    /** Whether the records still to come may be parsed on other threads; asked before each record until it says yes. */
    boolean splittable();

    /** Takes in one record's results, on the calling thread, in file order. */
    void commit(B buffer);
}

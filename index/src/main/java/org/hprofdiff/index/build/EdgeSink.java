package org.hprofdiff.index.build;

/**
 * Receives the outbound edges of decoded objects. {@code origin} says where in the object the edge
 * comes from: a field slot in the class layout, an array index, or a static's index (by the object's
 * kind, all &gt;= 0), or one of the negative codes below.
 */
interface EdgeSink {
    long CLASS = -1;
    long SUPER = -2;
    long LOADER = -3;
    long SIGNERS = -4;
    long PROTECTION_DOMAIN = -5;

    /** A new object: its class index and shallow size in size units. */
    void startObject(int classIndex, long sizeUnits);

    /** An edge of the current object; {@code weak} when it does not keep its target alive. */
    void edge(long target, long origin, boolean weak);

    /** A reference to an id the dump does not hold (skipped). */
    void missingReference();

    /** Something about the object that does not add up (kept, reported once with a count). */
    void problem(String message);
}

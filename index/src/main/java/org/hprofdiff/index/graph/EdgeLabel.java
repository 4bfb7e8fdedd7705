package org.hprofdiff.index.graph;

/** How an object holds one of its references; paths print it and merge by it. */
public sealed interface EdgeLabel {

    /** An instance field; {@code name} as the class declares it (qualified by the declaring class only if shadowed). */
    record Field(String name) implements EdgeLabel {}

    /** A static field of the class that a {@code java.lang.Class} object stands for. */
    record StaticField(String name) implements EdgeLabel {}

    /** An element of an object array; {@code index} is {@link #NOT_DECODED} where the graph does not decode it. */
    record ArrayElement(long index) implements EdgeLabel {
        public static final long NOT_DECODED = -1;
    }

    /** A reference the dump implies rather than a field: {@code <class>}, {@code <classloader>}, {@code <super>}, ... */
    record Internal(String name) implements EdgeLabel {}
}

package org.hprofdiff.core.summary;

import org.hprofdiff.core.format.BasicType;

/**
 * Which of the dump's objects a summary row counts, in the dump's own terms rather than by name: the instances or
 * arrays of one class (its class id), the primitive arrays of one element type, or the class objects. An index of
 * the same dump maps these to its class indexes, so that a row's objects are found again exactly (the same class
 * key for summaries and the index; names alone are ambiguous where several loaders define one name).
 */
public sealed interface RowSource {

    /** Instances (an INSTANCE row) or arrays (an OBJECT_ARRAY row) of the class with this id (0: a class id the dump left 0). */
    record OfClass(long classId) implements RowSource {}

    /** Primitive arrays of this element type. */
    record PrimitiveArrays(BasicType elementType) implements RowSource {}

    /**
     * {@code java.lang.Class} objects: the class dumps (mirrors), and the primitive types' mirrors, which are
     * instances of the class with id {@code javaLangClassId} (0 when the dump has no class dump for java.lang.Class).
     */
    record ClassObjects(long javaLangClassId) implements RowSource {}

    /**
     * A summary with the source of each class row.
     *
     * @param sources one per row of {@code summary.classes()}, in the same order
     */
    record Sourced(DumpSummary summary, java.util.List<RowSource> sources) {
        public Sourced {
            sources = java.util.List.copyOf(sources);
            if (sources.size() != summary.classes().size()) throw new IllegalArgumentException(sources.size() + " sources for " + summary.classes().size() + " rows");
        }
    }
}

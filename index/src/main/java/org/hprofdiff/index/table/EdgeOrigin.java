package org.hprofdiff.index.table;

/** Where an outbound edge comes from in its object: what paths print and merge by. */
public sealed interface EdgeOrigin {

    /** An instance field, declared by class {@code declaringClass} (a class index). */
    record Field(String name, int declaringClass) implements EdgeOrigin {}

    /** A static field of the class a class object stands for. */
    record StaticField(String name) implements EdgeOrigin {}

    /** An element of an object array. */
    record ArrayElement(long index) implements EdgeOrigin {}

    /** A reference the dump implies rather than a field: {@code <class>}, {@code <super>}, {@code <classloader>}, {@code <signers>}, {@code <protection domain>}. */
    record Internal(String name) implements EdgeOrigin {}

    Internal CLASS = new Internal("<class>");
    Internal SUPER = new Internal("<super>");
    Internal LOADER = new Internal("<classloader>");
    Internal SIGNERS = new Internal("<signers>");
    Internal PROTECTION_DOMAIN = new Internal("<protection domain>");
}

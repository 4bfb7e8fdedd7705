package org.hprofdiff.testdata.synth;

/**
 * One non-null reference the writer put in the dump, from the object holding it to the object it names.
 * {@code label} is the field name for FIELD/STATIC_FIELD, {@code [i]} for ARRAY_ELEMENT, the constant pool
 * index for CONSTANT_POOL, and empty otherwise.
 */
public record Edge(long from, long to, Kind kind, String label) {

    public enum Kind {
        /** Instance field of an instance (any class in its hierarchy). */
        FIELD,
        /** Element of an object array. */
        ARRAY_ELEMENT,
        /** Static field of a class. */
        STATIC_FIELD,
        /** Reference constant in a class's constant pool. */
        CONSTANT_POOL,
        /** Class to its superclass. */
        SUPERCLASS,
        /** Class to its defining loader. */
        CLASS_LOADER,
        SIGNERS,
        PROTECTION_DOMAIN,
        /** Instance or object array to its class (the class id in the sub-record). */
        CLASS_OF_OBJECT
    }
}

package org.hprofdiff.testdata.synth;

/** The hprof basic types: the tag byte used in field descriptors and arrays, and the encoded value size. */
public enum BasicType {
    OBJECT(2, 0, 'L'),
    BOOLEAN(4, 1, 'Z'),
    CHAR(5, 2, 'C'),
    FLOAT(6, 4, 'F'),
    DOUBLE(7, 8, 'D'),
    BYTE(8, 1, 'B'),
    SHORT(9, 2, 'S'),
    INT(10, 4, 'I'),
    LONG(11, 8, 'J');

    private final int tag;
    private final int primitiveSize;
    private final char descriptor;

    BasicType(int tag, int primitiveSize, char descriptor) {
        this.tag = tag;
        this.primitiveSize = primitiveSize;
        this.descriptor = descriptor;
    }

    public int tag() {
        return tag;
    }

    /** JVM descriptor letter: {@code 'I'} for int; {@code '['+letter} names the primitive array class. */
    public char descriptor() {
        return descriptor;
    }

    /** Bytes of one value in the dump: references take the dump's id size. */
    public int sizeInDump(int idSize) {
        return this == OBJECT ? idSize : primitiveSize;
    }

    /** Bytes of one value in the JVM's memory: references take the size model's reference size. */
    public int sizeInHeap(int referenceBytes) {
        return this == OBJECT ? referenceBytes : primitiveSize;
    }

    public boolean isPrimitive() {
        return this != OBJECT;
    }

    public static BasicType ofTag(int tag) {
        for (BasicType type : values()) {
            if (type.tag == tag) {
                return type;
            }
        }
        throw new IllegalArgumentException("no basic type with tag " + tag);
    }

    /** Internal name of the primitive array class holding this type, e.g. {@code [B}. */
    public String arrayClassName() {
        if (this == OBJECT) {
            throw new IllegalStateException("object arrays are named by their element class");
        }
        return "[" + descriptor;
    }
}

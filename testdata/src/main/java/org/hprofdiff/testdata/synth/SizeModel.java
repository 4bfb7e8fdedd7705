package org.hprofdiff.testdata.synth;

/**
 * How big objects are in the JVM's memory, which the dump does not say: header bytes, reference size and
 * alignment. Synthetic objects get address-like ids spaced by these sizes, so a reader inferring the size
 * model from address gaps (design §4) sees what a compacted HotSpot heap would show.
 * <p>
 * Instances: {@code align(objectHeaderBytes + Σ field sizes, references referenceBytes)}; arrays:
 * {@code align(arrayHeaderBytes + length × element size)} — the formulas that matched
 * {@code GC.class_histogram} for ~98% of classes on JDK 17/25 (design §4). Class objects have no such
 * measured formula; here a {@code java.lang.Class} mirror is {@code align(objectHeaderBytes +
 * CLASS_MIRROR_FIELD_BYTES + static field sizes)}, a convention of this writer only.
 */
public record SizeModel(int objectHeaderBytes, int arrayHeaderBytes, int referenceBytes, int alignment) {

    /** 64-bit HotSpot default (compressed oops and class pointers): 12-byte header, 16-byte array header. */
    public static final SizeModel COMPRESSED_OOPS = new SizeModel(12, 16, 4, 8);
    /** 64-bit HotSpot with -XX:-UseCompressedOops -XX:-UseCompressedClassPointers (before JDK 22). */
    public static final SizeModel UNCOMPRESSED = new SizeModel(16, 24, 8, 8);
    /** JDK 24+ -XX:+UseCompactObjectHeaders: 8-byte header, array length right after it. */
    public static final SizeModel COMPACT_HEADERS = new SizeModel(8, 12, 4, 8);

    /** Field bytes this writer charges a java.lang.Class mirror (12 + 84 = 96 bytes with compressed oops). */
    public static final int CLASS_MIRROR_FIELD_BYTES = 84;

    public SizeModel {
        if (alignment < 1 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two: " + alignment);
        }
        if (referenceBytes != 4 && referenceBytes != 8) {
            throw new IllegalArgumentException("references are 4 or 8 bytes: " + referenceBytes);
        }
    }

    public long align(long bytes) {
        return (bytes + alignment - 1) & -alignment;
    }

    public long instanceSize(long primitiveFieldBytes, int referenceFields) {
        return align(objectHeaderBytes + primitiveFieldBytes + (long) referenceFields * referenceBytes);
    }

    public long arraySize(BasicType elementType, long length) {
        return align(arrayHeaderBytes + length * elementType.sizeInHeap(referenceBytes));
    }

    public long classMirrorSize(long primitiveStaticBytes, int referenceStatics) {
        return instanceSize(CLASS_MIRROR_FIELD_BYTES + primitiveStaticBytes, referenceStatics);
    }
}

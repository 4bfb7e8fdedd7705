package org.hprofdiff.core.size;

import org.hprofdiff.core.format.BasicType;

/**
 * How the VM that wrote the dump lays objects out, so shallow sizes come out as the VM counts them
 * ({@code GC.class_histogram}). The dump does not say this directly: it is inferred from object
 * addresses (see {@link SizeModelInference}) or given by options.
 *
 * @param objectHeaderBytes       8 (JDK 24+ compact headers, or 32-bit), 12 (compressed class pointers), 16
 * @param referenceBytes          4 (compressed oops, or 32-bit) or 8
 * @param objectAlignment         8 unless -XX:ObjectAlignmentInBytes was set
 * @param arrayBaseAligned        true when array elements start at an 8-byte aligned offset whatever their
 *                                type (JDK 21 and older); false when they start right after the length,
 *                                aligned only to the element size (JDK 22+, JDK-8139457)
 * @param subclassFieldsFillGaps  true when a subclass's fields may fill gaps its superclasses left
 *                                (JDK 15+ field layout, JDK-8237767); false when each class's fields
 *                                start where its superclass's end, rounded up to a reference (JDK 14 and
 *                                older): see {@link FieldLayout}
 * @param origin                  how the model was obtained, for {@code info} (e.g. "inferred from object addresses: ...")
 */
public record SizeModel(int objectHeaderBytes, int referenceBytes, int objectAlignment, boolean arrayBaseAligned,
                        boolean subclassFieldsFillGaps, String origin) {

    /** The commonest 64-bit HotSpot layout (compressed oops and class pointers, JDK 22+). */
    public static final SizeModel HOTSPOT_64_COMPRESSED = new SizeModel(12, 4, 8, false, true, "default");

    /** A model with the JDK 15+ field layout (the component added last; kept for callers written before it). */
    public SizeModel(int objectHeaderBytes, int referenceBytes, int objectAlignment, boolean arrayBaseAligned, String origin) {
        this(objectHeaderBytes, referenceBytes, objectAlignment, arrayBaseAligned, true, origin);
    }

    /** Size of an instance whose fields (superclasses included) take {@code fieldBytes} in the heap, packed. */
    public long instanceSize(long fieldBytes) {
        return align(objectHeaderBytes + fieldBytes);
    }

    /** Heap bytes of one field value of this type (a reference is {@link #referenceBytes}). */
    public int fieldSize(BasicType type) {
        return type == BasicType.OBJECT ? referenceBytes : type.primitiveSize;
    }

    /** Size of an array of {@code length} elements of this type (OBJECT for object arrays). */
    public long arraySize(BasicType elementType, long length) {
        int elementSize = fieldSize(elementType);
        return align(arrayBaseOffset(elementSize) + length * elementSize);
    }

    /** Offset of element 0: header, u4 length, then alignment. */
    public int arrayBaseOffset(int elementSize) {
        int afterLength = objectHeaderBytes + 4;
        int to = arrayBaseAligned ? 8 : elementSize;
        return (afterLength + to - 1) / to * to;
    }

    /** The same layout with another origin. */
    public SizeModel withOrigin(String newOrigin) {
        return new SizeModel(objectHeaderBytes, referenceBytes, objectAlignment, arrayBaseAligned, subclassFieldsFillGaps, newOrigin);
    }

    /** Whether two models size every object alike (origins aside). */
    public boolean sameLayout(SizeModel other) {
        return withOrigin("").equals(other.withOrigin(""));
    }

    /** One line for people: "header 12 bytes, references 4 bytes, alignment 8, ...". */
    public String describe() {
        return "header " + objectHeaderBytes + " bytes, references " + referenceBytes + " bytes, alignment " + objectAlignment
                + (arrayBaseAligned ? ", array elements 8-aligned (JDK 21 and older)" : ", array elements right after the length")
                + (subclassFieldsFillGaps ? ", fields packed across classes (JDK 15+)" : ", fields class by class (JDK 14 and older)");
    }

    public long align(long bytes) {
        return (bytes + objectAlignment - 1) / objectAlignment * objectAlignment;
    }
}

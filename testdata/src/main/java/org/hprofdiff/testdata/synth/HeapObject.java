package org.hprofdiff.testdata.synth;

import java.util.Arrays;

/**
 * An instance, object array or primitive array of a {@link SyntheticHeap}. Reference fields and elements
 * can be changed until the heap is written, which is how cycles are made.
 */
public final class HeapObject {
    private final long id;
    private final ObjectKind kind;
    private final SyntheticClass type;
    private final long[] slots;
    private final BasicType elementType;
    private final int length;
    private final byte[] data;
    private final boolean noData;
    private final int heapId;
    private final long shallowSize;

    private HeapObject(long id, ObjectKind kind, SyntheticClass type, long[] slots, BasicType elementType,
                       int length, byte[] data, boolean noData, int heapId, long shallowSize) {
        this.id = id;
        this.kind = kind;
        this.type = type;
        this.slots = slots;
        this.elementType = elementType;
        this.length = length;
        this.data = data;
        this.noData = noData;
        this.heapId = heapId;
        this.shallowSize = shallowSize;
    }

    static HeapObject instance(long id, SyntheticClass cls, int heapId, long shallowSize) {
        return new HeapObject(id, ObjectKind.INSTANCE, cls, new long[cls.layout().size()], null, 0, null, false,
                heapId, shallowSize);
    }

    static HeapObject objectArray(long id, SyntheticClass arrayClass, int length, int heapId, long shallowSize) {
        return new HeapObject(id, ObjectKind.OBJECT_ARRAY, arrayClass, new long[length], BasicType.OBJECT, length,
                null, false, heapId, shallowSize);
    }

    static HeapObject primitiveArray(long id, SyntheticClass arrayClass, BasicType type, int length,
                                     byte[] bigEndianData, boolean noData, int heapId, long shallowSize) {
        return new HeapObject(id, ObjectKind.PRIMITIVE_ARRAY, arrayClass, null, type, length, bigEndianData,
                noData, heapId, shallowSize);
    }

    public long id() {
        return id;
    }

    public ObjectKind kind() {
        return kind;
    }

    /** The instance's class or the array's class ({@code [B}, {@code [Ljava/lang/Object;}). */
    public SyntheticClass type() {
        return type;
    }

    public int length() {
        return length;
    }

    public BasicType elementType() {
        return elementType;
    }

    public boolean hasNoData() {
        return noData;
    }

    public int heapId() {
        return heapId;
    }

    public long shallowSize() {
        return shallowSize;
    }

    /** Sets a field found by name, from this class up (the most derived declaration wins). */
    public HeapObject set(String field, Object value) {
        return set(null, field, value);
    }

    /** Sets the field {@code field} declared by {@code declaring} (for shadowed names). */
    public HeapObject set(SyntheticClass declaring, String field, Object value) {
        requireKind(ObjectKind.INSTANCE);
        int slot = type.slotOf(declaring, field);
        slots[slot] = FieldValue.convert(type.layout().get(slot).type(), value).bits();
        return this;
    }

    public FieldValue get(String field) {
        requireKind(ObjectKind.INSTANCE);
        int slot = type.slotOf(null, field);
        return new FieldValue(type.layout().get(slot).type(), slots[slot]);
    }

    /** Sets element {@code index} of an object array to an object, class, id or null. */
    public HeapObject setElement(int index, Object value) {
        requireKind(ObjectKind.OBJECT_ARRAY);
        slots[index] = FieldValue.convert(BasicType.OBJECT, value).bits();
        return this;
    }

    public long element(int index) {
        requireKind(ObjectKind.OBJECT_ARRAY);
        return slots[index];
    }

    /** Field values in INSTANCE_DUMP order, or element ids; a copy. */
    public long[] slots() {
        return slots == null ? new long[0] : slots.clone();
    }

    long[] slotsView() {
        return slots;
    }

    byte[] dataView() {
        return data;
    }

    public byte[] data() {
        return data == null ? null : Arrays.copyOf(data, data.length);
    }

    private void requireKind(ObjectKind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException(this + " is not " + wanted);
        }
    }

    @Override
    public String toString() {
        return type.javaName() + "@0x" + Long.toHexString(id);
    }
}

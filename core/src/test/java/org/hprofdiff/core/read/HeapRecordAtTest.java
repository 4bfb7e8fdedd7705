package org.hprofdiff.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.HeapTag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The random-access view reads hand-written records at the offsets the JDK's heapDumper.cpp writes them, with
 * 4- and 8-byte ids: each value is distinct, so a field read one slot off gives another number.
 */
class HeapRecordAtTest {

    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void readsEachKindOfObjectRecordAtItsPosition(int idSize) {
        RawBytes b = new RawBytes().u1(0x55).u1(0x66).u1(0x77); // three bytes of something else first: positions are absolute
        long instance = 3;
        b.u1(HeapTag.INSTANCE_DUMP.code).id(0x1111, idSize).u4(0xAAAA).id(0x2222, idSize).u4(6).u2(0x0102).u4(0x03040506);
        long objectArray = instance + 1 + idSize + 4 + idSize + 4 + 6;
        b.u1(HeapTag.OBJ_ARRAY_DUMP.code).id(0x3333, idSize).u4(0xBBBB).u4(2).id(0x4444, idSize).id(0x1111, idSize).id(0, idSize);
        long primitiveArray = objectArray + 1 + idSize + 4 + 4 + idSize + 2L * idSize;
        b.u1(HeapTag.PRIM_ARRAY_DUMP.code).id(0x5555, idSize).u4(0xCCCC).u4(3).u1(BasicType.SHORT.code).u2(7).u2(8).u2(9);
        long classDump = primitiveArray + 1 + idSize + 4 + 4 + 1 + 6;
        b.u1(HeapTag.CLASS_DUMP.code).id(0x6666, idSize);
        HprofInput in = HprofInput.of(MemorySegment.ofArray(b.toByteArray()));
        in.idSize(idSize);
        HeapRecordAt records = new HeapRecordAt(in);

        assertEquals(HeapTag.INSTANCE_DUMP, records.tag(instance));
        assertEquals(0x1111, records.id(instance));
        assertEquals(0x2222, records.instanceClassId(instance));
        assertEquals(6, records.instanceFieldBytes(instance));
        assertEquals(0x0102, in.u2At(records.instanceFieldsStart(instance)));
        assertEquals(0x03040506, in.u4At(records.instanceFieldsStart(instance) + 2));
        assertTrue(records.isObject(instance));
        assertFalse(records.isArray(instance));

        assertEquals(HeapTag.OBJ_ARRAY_DUMP, records.tag(objectArray));
        assertEquals(0x3333, records.id(objectArray));
        assertEquals(2, records.arrayLength(objectArray));
        assertEquals(0x4444, records.objectArrayClassId(objectArray));
        assertEquals(0x1111, in.idAt(records.objectArrayElementsStart(objectArray)));
        assertEquals(0, in.idAt(records.objectArrayElementsStart(objectArray) + idSize));
        assertTrue(records.isArray(objectArray));

        assertEquals(HeapTag.PRIM_ARRAY_DUMP.code, records.tagCode(primitiveArray));
        assertEquals(0x5555, records.id(primitiveArray));
        assertEquals(3, records.arrayLength(primitiveArray));
        assertEquals(BasicType.SHORT, records.primitiveArrayType(primitiveArray));
        assertEquals(9, in.u2At(records.primitiveArrayElementsStart(primitiveArray) + 4));
        assertTrue(records.isArray(primitiveArray));

        assertEquals(0x6666, records.id(classDump));
        assertTrue(records.isObject(classDump));
        assertFalse(records.isArray(classDump));
        assertFalse(records.isObject(0));
        assertEquals(null, records.tag(0));

        // the streaming reader reports where the variable part starts; the record starts back from there
        assertEquals(instance, HeapRecordAt.recordStart(HeapTag.INSTANCE_DUMP, records.instanceFieldsStart(instance), idSize));
        assertEquals(objectArray, HeapRecordAt.recordStart(HeapTag.OBJ_ARRAY_DUMP, records.objectArrayElementsStart(objectArray), idSize));
        assertEquals(primitiveArray, HeapRecordAt.recordStart(HeapTag.PRIM_ARRAY_DUMP, records.primitiveArrayElementsStart(primitiveArray), idSize));
    }
}

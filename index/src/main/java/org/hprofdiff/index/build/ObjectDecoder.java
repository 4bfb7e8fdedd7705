package org.hprofdiff.index.build;

import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.HeapTag;
import org.hprofdiff.core.read.DirectSpans;
import org.hprofdiff.core.read.HeapRecordAt;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.table.ClassTable;
import org.hprofdiff.index.table.IdIndex;
import org.hprofdiff.index.table.NoDataArrays;
import org.hprofdiff.index.table.ObjectPositions;

/**
 * Decodes one object record at a known position into its class index, shallow size and outbound
 * edges (second pass). The edges of an object, in order: its class object; then for an instance its
 * non-null reference fields in dump order (own class first, then superclasses); for an object array
 * its non-null elements; for a class object its superclass, loader, signers, protection domain and
 * non-null static references. References to ids the dump does not hold are counted, not kept. Each
 * edge carries its origin (see {@link EdgeSink}) and whether it is weak (see {@link ClassResolver}).
 * One decoder per thread; it reads the dump through its own {@link HprofInput}.
 */
final class ObjectDecoder {
    private final HprofInput in;
    private final HeapRecordAt records;
    private final int idSize;
    private final IdIndex ids;
    private final ClassTable classes;
    private final ClassResolver resolver;
    private final SizeModel model;
    private final int sizeShift;
    private final NoDataArrays noData;
    /** The class of the previous instance: instances of one class often come in runs. */
    private long lastClassId;
    private int lastClass;

    ObjectDecoder(HprofInput in, IdIndex ids, ClassTable classes, ClassResolver resolver, SizeModel model, NoDataArrays noData) {
        this.in = in;
        this.records = new HeapRecordAt(in);
        this.idSize = in.idSize();
        this.ids = ids;
        this.classes = classes;
        this.resolver = resolver;
        this.model = model;
        this.sizeShift = Integer.numberOfTrailingZeros(model.objectAlignment());
        this.noData = noData;
    }

    /** Reads records from {@code part} of the dump from now on, or through the mapping when it is null. */
    void view(DirectSpans.Window part) {
        in.view(part);
    }

    /** Decodes the object with this ordinal whose record starts at {@code pos}. */
    void decode(long ordinal, long pos, EdgeSink out) {
        if (pos == ObjectPositions.NONE) {
            noDataArray(ordinal, out);
            return;
        }
        int tag = records.tagCode(pos);
        if (tag == HeapTag.INSTANCE_DUMP.code) {
            instance(records.instanceClassId(pos), records.instanceFieldsStart(pos), records.instanceFieldBytes(pos), pos, out);
        } else if (tag == HeapTag.OBJ_ARRAY_DUMP.code) {
            ArrayHeader h = objectArrayHeader(ordinal, pos, out);
            arrayElements(h.elementsPos(), 0, h.length(), out);
        } else if (tag == HeapTag.PRIM_ARRAY_DUMP.code) {
            primitiveArray(records.primitiveArrayType(pos), records.arrayLength(pos), out);
        } else if (tag == HeapTag.CLASS_DUMP.code) {
            int cls = resolver.classOfClassObject(ordinal);
            ClassInfo info = classes.get(cls);
            int jlc = classes.javaLangClass();
            out.startObject(jlc, units(info.classObjectSize()));
            if (jlc >= 0 && classes.get(jlc).ordinal() >= 0) out.edge(classes.get(jlc).ordinal(), EdgeSink.CLASS, false);
            long[] ids = resolver.classObjectReferences(cls);
            long[] origins = resolver.classObjectOrigins(cls);
            boolean[] weak = resolver.classObjectWeak(cls);
            for (int i = 0; i < ids.length; i++) reference(ids[i], origins[i], weak[i], out);
        } else {
            throw new IllegalStateException(String.format("object %d: byte %d holds tag 0x%02x; expected an object record (index and dump disagree)", ordinal, pos, tag));
        }
    }

    record ArrayHeader(long elementsPos, long length) {}

    /** Starts the object array at {@code pos} in {@code out} (class and size, the edge to its class); its elements follow. */
    ArrayHeader objectArrayHeader(long ordinal, long pos, EdgeSink out) {
        if (records.tagCode(pos) != HeapTag.OBJ_ARRAY_DUMP.code) {
            throw new IllegalStateException("object " + ordinal + ": byte " + pos + " holds no object array (index and dump disagree)");
        }
        long length = records.arrayLength(pos);
        long classId = records.objectArrayClassId(pos);
        int cls = resolver.arrayClass(classId);
        out.startObject(cls, units(model.arraySize(BasicType.OBJECT, length)));
        classEdge(cls, classId, out);
        return new ArrayHeader(records.objectArrayElementsStart(pos), length);
    }

    /** Elements [from, to) of the object array whose elements start at {@code elementsPos}. */
    void arrayElements(long elementsPos, long from, long to, EdgeSink out) {
        for (long i = from; i < to; i++) {
            long id = in.idAt(elementsPos + i * idSize);
            if (id != 0) reference(id, i, false, out);
        }
    }

    private void instance(long classId, long fieldsPos, long length, long pos, EdgeSink out) {
        int cls;
        if (classId == lastClassId) {
            cls = lastClass;
        } else {
            cls = resolver.instanceClass(classId);
            lastClassId = classId;
            lastClass = cls;
        }
        ClassResolver r = resolver;
        boolean placeholder = r.placeholder[cls];
        out.startObject(cls, units(placeholder ? model.instanceSize(length) : r.instanceSize[cls]));
        long classOrdinal = r.classOrdinal[cls];
        if (classOrdinal >= 0) out.edge(classOrdinal, EdgeSink.CLASS, false);
        else if (classId != 0) out.missingReference();
        int[] refs = r.referenceOffsets[cls];
        int[] slots = r.referenceSlots[cls];
        int referent = r.referentOffset(cls);
        if (length != r.fieldBytesInFile[cls] && !placeholder) {
            out.problem("instance at byte " + pos + " has " + length + " bytes of fields; its class " + classes.get(cls).javaName()
                    + " lays out " + r.fieldBytesInFile[cls]);
        }
        for (int i = 0; i < refs.length; i++) {
            int off = refs[i];
            if (off + idSize > length) break;
            long id = in.idAt(fieldsPos + off);
            if (id != 0) reference(id, slots[i], off == referent, out);
        }
    }

    private void primitiveArray(BasicType type, long length, EdgeSink out) {
        int cls = resolver.primitiveArrayClass[type.code];
        out.startObject(cls, units(model.arraySize(type, length)));
        if (cls >= 0 && resolver.classOrdinal[cls] >= 0) out.edge(resolver.classOrdinal[cls], EdgeSink.CLASS, false);
    }

    private void noDataArray(long ordinal, EdgeSink out) {
        long typeAndLength = noData.find(ordinal);
        if (typeAndLength < 0) throw new IllegalStateException("object " + ordinal + " has no record position and no entry among the no-data arrays");
        BasicType type = BasicType.of((int) (typeAndLength >>> 32));
        primitiveArray(type, typeAndLength & 0xFFFF_FFFFL, out);
    }

    private void classEdge(int cls, long classId, EdgeSink out) {
        long ord = classes.get(cls).ordinal();
        if (ord >= 0) out.edge(ord, EdgeSink.CLASS, false);
        else if (classId != 0) out.missingReference();
    }

    private void reference(long id, long origin, boolean weak, EdgeSink out) {
        long t = ids.ordinal(id);
        if (t >= 0) out.edge(t, origin, weak);
        else out.missingReference();
    }

    private long units(long bytes) {
        return bytes >>> sizeShift;
    }
}

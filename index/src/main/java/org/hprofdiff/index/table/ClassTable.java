package org.hprofdiff.index.table;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.index.store.IndexCorruptException;
import org.hprofdiff.index.store.SequentialWriter;

/**
 * All classes of the dump, by class index, with the instance field layouts derived from them. Small
 * (one entry per class), so it lives on the heap once the index is open.
 */
public final class ClassTable {
    private final List<ClassInfo> classes;
    private final int idSize;
    private final Map<Long, Integer> byId = new HashMap<>();
    private final Map<String, List<Integer>> byName = new HashMap<>();
    private final Map<BasicType, Integer> primitiveArrays = new EnumMap<>(BasicType.class);
    private final List<FieldSlot>[] layouts;
    private final int[][] referenceOffsets;
    private final int[][] referenceSlots;
    private final int[] fieldBytesInFile;
    private final int javaLangClass;

    /**
     * One instance field of a class's full layout (own fields first, then each superclass's).
     *
     * @param offset         byte offset of the value within the INSTANCE_DUMP's field data
     * @param declaringClass class index of the class that declares the field
     */
    public record FieldSlot(String name, BasicType type, int offset, int declaringClass) {}

    @SuppressWarnings("unchecked")
    public ClassTable(List<ClassInfo> classes, int idSize) {
        this.classes = List.copyOf(classes);
        this.idSize = idSize;
        this.layouts = new List[classes.size()];
        this.referenceOffsets = new int[classes.size()][];
        this.referenceSlots = new int[classes.size()][];
        this.fieldBytesInFile = new int[classes.size()];
        int jlc = -1;
        for (ClassInfo c : this.classes) {
            if (c.classId() != 0) byId.putIfAbsent(c.classId(), c.index());
            byName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c.index());
            if (c.kind() == ClassInfo.Kind.PRIMITIVE_ARRAY && c.elementType() != null) {
                Integer old = primitiveArrays.get(c.elementType());
                if (old == null || this.classes.get(old).placeholder()) primitiveArrays.put(c.elementType(), c.index());
            }
            if (c.name().equals("java/lang/Class") && (jlc < 0 || this.classes.get(jlc).placeholder())) jlc = c.index();
        }
        this.javaLangClass = jlc;
        for (ClassInfo c : this.classes) computeLayout(c.index());
    }

    private void computeLayout(int index) {
        List<FieldSlot> slots = new ArrayList<>();
        List<Integer> refs = new ArrayList<>();
        List<Integer> refSlots = new ArrayList<>();
        int offset = 0;
        int c = index;
        for (int depth = 0; c >= 0 && depth <= classes.size(); depth++) {
            ClassInfo info = classes.get(c);
            for (ClassInfo.Field f : info.fields()) {
                slots.add(new FieldSlot(f.name(), f.type(), offset, c));
                if (f.type() == BasicType.OBJECT) {
                    refs.add(offset);
                    refSlots.add(slots.size() - 1);
                }
                offset += f.type().sizeInFile(idSize);
            }
            c = info.superIndex();
        }
        layouts[index] = Collections.unmodifiableList(slots);
        referenceOffsets[index] = refs.stream().mapToInt(Integer::intValue).toArray();
        referenceSlots[index] = refSlots.stream().mapToInt(Integer::intValue).toArray();
        fieldBytesInFile[index] = offset;
    }

    public int size() { return classes.size(); }

    public ClassInfo get(int index) { return classes.get(index); }

    public List<ClassInfo> all() { return classes; }

    public int idSize() { return idSize; }

    /** Class index of the class whose class object has this id, or -1. */
    public int indexOfId(long classId) {
        Integer i = byId.get(classId);
        return i == null ? -1 : i;
    }

    /** Classes with this internal name (several when loaders differ). */
    public List<Integer> indicesOfName(String internalName) {
        return byName.getOrDefault(internalName, List.of());
    }

    /** The class index used for primitive arrays of this element type. */
    public int primitiveArrayClass(BasicType type) {
        Integer i = primitiveArrays.get(type);
        return i == null ? -1 : i;
    }

    /** Class index of java.lang.Class (the class of class objects), or -1 when the dump has none. */
    public int javaLangClass() { return javaLangClass; }

    /** The instance fields of a class with superclasses', in the order INSTANCE_DUMP data holds them. */
    public List<FieldSlot> layout(int index) { return layouts[index]; }

    /** Offsets of the reference fields within an instance's field data (shared array: do not modify). */
    public int[] referenceOffsets(int index) { return referenceOffsets[index]; }

    /** For each of {@link #referenceOffsets}: its index in {@link #layout} (shared array: do not modify). */
    public int[] referenceSlots(int index) { return referenceSlots[index]; }

    /** Bytes an instance's field data takes in the dump according to the layout. */
    public int fieldBytesInFile(int index) { return fieldBytesInFile[index]; }

    // ---- file format: see docs/index-format.md "classes" ----

    public void write(SequentialWriter w) throws IOException {
        w.putInt(idSize);
        w.putInt(classes.size());
        for (ClassInfo c : classes) {
            w.putLong(c.classId());
            w.putLong(c.ordinal());
            w.putString(c.name());
            w.putInt(c.superIndex());
            w.putLong(c.loaderId());
            w.putLong(c.loaderOrdinal());
            w.putLong(c.superId());
            w.putLong(c.signersId());
            w.putLong(c.protectionDomainId());
            w.putByte(c.kind().ordinal());
            w.putByte(c.elementType() == null ? 0 : c.elementType().code);
            w.putByte(c.placeholder() ? 1 : 0);
            w.putLong(c.instanceSize());
            w.putLong(c.classObjectSize());
            w.putLong(c.instances());
            w.putLong(c.instanceBytes());
            w.putInt(c.fields().size());
            for (ClassInfo.Field f : c.fields()) {
                w.putString(f.name());
                w.putByte(f.type().code);
            }
            w.putInt(c.statics().size());
            for (ClassInfo.Static s : c.statics()) {
                w.putString(s.name());
                w.putByte(s.type().code);
                w.putLong(s.value());
            }
        }
    }

    public static ClassTable read(MemorySegment data, Path path) throws IndexCorruptException {
        SegmentReader r = new SegmentReader(data, path);
        int idSize = r.i4();
        int count = r.i4();
        if (count < 0) throw r.corrupt("class count " + count);
        List<ClassInfo> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long classId = r.i8();
            long ordinal = r.i8();
            String name = r.string();
            int superIndex = r.i4();
            long loaderId = r.i8();
            long loaderOrdinal = r.i8();
            long superId = r.i8();
            long signersId = r.i8();
            long protectionDomainId = r.i8();
            int kind = r.u1();
            int element = r.u1();
            boolean placeholder = r.u1() != 0;
            long instanceSize = r.i8();
            long classObjectSize = r.i8();
            long instances = r.i8();
            long instanceBytes = r.i8();
            int fieldCount = r.i4();
            List<ClassInfo.Field> fields = new ArrayList<>(fieldCount);
            for (int f = 0; f < fieldCount; f++) fields.add(new ClassInfo.Field(r.string(), r.type()));
            int staticCount = r.i4();
            List<ClassInfo.Static> statics = new ArrayList<>(staticCount);
            for (int s = 0; s < staticCount; s++) statics.add(new ClassInfo.Static(r.string(), r.type(), r.i8()));
            if (kind >= ClassInfo.Kind.values().length || superIndex >= count || superIndex < -1) throw r.corrupt("class " + i + " is malformed");
            list.add(new ClassInfo(i, classId, ordinal, name, superIndex, loaderId, loaderOrdinal, superId, signersId, protectionDomainId,
                    ClassInfo.Kind.values()[kind],
                    element == 0 ? null : BasicType.of(element), placeholder, instanceSize, classObjectSize, instances, instanceBytes,
                    List.copyOf(fields), List.copyOf(statics)));
        }
        r.expectEnd();
        return new ClassTable(list, idSize);
    }
}

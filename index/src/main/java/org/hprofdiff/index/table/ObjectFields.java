package org.hprofdiff.index.table;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.HeapTag;
import org.hprofdiff.core.read.HeapRecordAt;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.index.store.PackedColumn;

/**
 * Reads field values of single objects from the dump, found through the index (record position,
 * class layout). For labels, not for bulk work: thread names, string contents, the field an edge
 * comes from. Thread-safe (only absolute reads of the mapped dump).
 */
public final class ObjectFields {
    /** Longest string decoded; longer ones are cut (names and labels only). */
    public static final int MAX_STRING = 1 << 16;

    private final HprofInput dump;
    private final HeapRecordAt records;
    private final int idSize;
    private final ObjectPositions positions;
    private final PackedColumn classOf;
    private final ClassTable classes;
    private final IdIndex ids;

    public ObjectFields(HprofInput dump, ObjectPositions positions, PackedColumn classOf, ClassTable classes, IdIndex ids) {
        this.dump = dump;
        this.records = new HeapRecordAt(dump);
        this.idSize = dump.idSize();
        this.positions = positions;
        this.classOf = classOf;
        this.classes = classes;
        this.ids = ids;
    }

    /** The raw value of the instance field {@code name} (the nearest declaration wins), if the object is an instance with that field. */
    public OptionalLong field(long ordinal, String name) {
        long pos = positions.get(ordinal);
        if (pos == 0 || records.tagCode(pos) != HeapTag.INSTANCE_DUMP.code) return OptionalLong.empty();
        long length = records.instanceFieldBytes(pos);
        long fields = records.instanceFieldsStart(pos);
        int cls = (int) classOf.get(ordinal);
        for (ClassTable.FieldSlot f : classes.layout(cls)) {
            if (f.name().equals(name)) {
                int size = f.type().sizeInFile(idSize);
                if (f.offset() + size > length) return OptionalLong.empty();
                return OptionalLong.of(f.type() == BasicType.OBJECT ? dump.idAt(fields + f.offset()) : dump.valueAt(fields + f.offset(), size));
            }
        }
        return OptionalLong.empty();
    }

    /** The ordinal a reference field points to, or -1 (null, absent field, or an id the dump lacks). */
    public long referenceField(long ordinal, String name) {
        OptionalLong id = field(ordinal, name);
        return id.isEmpty() || id.getAsLong() == 0 ? -1 : ids.ordinal(id.getAsLong());
    }

    /**
     * The text of a {@code java.lang.String} object (JDK 9+ byte[] with coder, or JDK 8 char[]), or null
     * when the object is not a readable string.
     */
    public String string(long ordinal) {
        if (ordinal < 0) return null;
        int cls = (int) classOf.get(ordinal);
        if (!classes.get(cls).name().equals("java/lang/String")) return null;
        long value = referenceField(ordinal, "value");
        if (value < 0) return null;
        long pos = positions.get(value);
        if (pos == 0 || records.tagCode(pos) != HeapTag.PRIM_ARRAY_DUMP.code) return null;
        long length = records.arrayLength(pos);
        BasicType type = records.primitiveArrayType(pos);
        long data = records.primitiveArrayElementsStart(pos);
        if (type == BasicType.CHAR) {
            int n = (int) Math.min(length, MAX_STRING);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) chars[i] = (char) dump.u2At(data + 2L * i);
            return new String(chars);
        }
        if (type != BasicType.BYTE) return null;
        OptionalLong coder = field(ordinal, "coder");
        int n = (int) Math.min(length, MAX_STRING);
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) bytes[i] = (byte) dump.u1At(data + i);
        boolean utf16 = coder.isPresent() && coder.getAsLong() == 1;
        // UTF-16 strings hold chars in the dumping machine's byte order; JVMs that write hprof are little-endian in practice
        return new String(bytes, utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    }
}

package org.hprofdiff.testdata.synth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal hprof decoder written for the tests from the format description alone, sharing no encoding code
 * with the writer (only {@link InternalNames} for display): enough to check what the writer wrote.
 */
final class MiniHprof {
    record Record(int tag, int offset, long length) {
    }

    record Field(String name, int type) {
    }

    record ClassInfo(long id, long superId, long loaderId, int instanceSize, List<Field> fields,
                     Map<String, Long> referenceStatics) {
    }

    /** One object sub-record: its tag and where its body starts in the file. */
    record ObjectAt(int tag, long id, int bodyOffset) {
    }

    record Root(int tag, long id) {
    }

    final ByteBuffer file;
    final String version;
    final int idSize;
    final long timestamp;
    final List<Record> records = new ArrayList<>();
    final Map<Long, String> strings = new HashMap<>();
    final Map<Long, String> classNames = new HashMap<>();
    final Map<Long, ClassInfo> classes = new LinkedHashMap<>();
    final List<ObjectAt> objects = new ArrayList<>();
    final List<Root> roots = new ArrayList<>();
    final List<Integer> subRecordTags = new ArrayList<>();

    MiniHprof(byte[] bytes) {
        this(ByteBuffer.wrap(bytes));
    }

    MiniHprof(ByteBuffer file) {
        this.file = file;
        int nul = 0;
        while (file.get(nul) != 0) {
            nul++;
        }
        byte[] text = new byte[nul];
        file.get(0, text);
        version = new String(text, StandardCharsets.US_ASCII);
        idSize = file.getInt(nul + 1);
        timestamp = file.getLong(nul + 5);
        int position = nul + 13;
        while (position < file.limit()) {
            int tag = file.get(position) & 0xFF;
            long length = Integer.toUnsignedLong(file.getInt(position + 5));
            int body = position + 9;
            records.add(new Record(tag, position, length));
            switch (tag) {
                case 0x01 -> strings.put(id(body), utf8(body + idSize, (int) length - idSize));
                case 0x02 -> classNames.put(id(body + 4), strings.get(id(body + 8 + idSize)));
                case 0x0C, 0x1C -> heap(body, body + (int) length);
                default -> { }
            }
            position = body + (int) length;
        }
    }

    long id(int offset) {
        return idSize == 8 ? file.getLong(offset) : Integer.toUnsignedLong(file.getInt(offset));
    }

    String utf8(int offset, int length) {
        byte[] bytes = new byte[length];
        file.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static int valueSize(int type, int idSize) {
        return switch (type) {
            case 2 -> idSize;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    private void heap(int position, int end) {
        while (position < end) {
            int tag = file.get(position) & 0xFF;
            subRecordTags.add(tag);
            int body = position + 1;
            position = body + switch (tag) {
                case 0xFF, 0x05, 0x07, 0x89, 0x8A, 0x8B, 0x8C, 0x8D -> root(tag, body, idSize);
                case 0x01 -> root(tag, body, 2 * idSize);
                case 0x02, 0x03, 0x08, 0x8E -> root(tag, body, idSize + 8);
                case 0x04, 0x06 -> root(tag, body, idSize + 4);
                case 0x20 -> classDump(body);
                case 0x21 -> object(tag, body, 2 * idSize + 8 + file.getInt(body + 2 * idSize + 4));
                case 0x22 -> object(tag, body, 2 * idSize + 8 + file.getInt(body + idSize + 4) * idSize);
                case 0x23 -> object(tag, body, idSize + 9
                        + file.getInt(body + idSize + 4) * valueSize(file.get(body + idSize + 8), idSize));
                case 0xC3 -> object(tag, body, idSize + 9);
                case 0xFE -> 4 + idSize;
                case 0x90 -> idSize;
                default -> throw new IllegalStateException("unknown sub-record 0x" + Integer.toHexString(tag)
                        + " at " + (body - 1));
            };
        }
        if (position != end) {
            throw new IllegalStateException("sub-records overrun their record at " + end);
        }
    }

    private int root(int tag, int body, int size) {
        roots.add(new Root(tag, id(body)));
        return size;
    }

    private int object(int tag, int body, int size) {
        objects.add(new ObjectAt(tag, id(body), body));
        return size;
    }

    private int classDump(int body) {
        int p = body;
        long classId = id(p);
        long superId = id(p + idSize + 4);
        long loaderId = id(p + 2 * idSize + 4);
        p += 7 * idSize + 4;
        int instanceSize = file.getInt(p);
        p += 4;
        int constants = file.getShort(p) & 0xFFFF;
        p += 2;
        for (int i = 0; i < constants; i++) {
            p += 3 + valueSize(file.get(p + 2), idSize);
        }
        Map<String, Long> referenceStatics = new LinkedHashMap<>();
        int statics = file.getShort(p) & 0xFFFF;
        p += 2;
        for (int i = 0; i < statics; i++) {
            int type = file.get(p + idSize);
            if (type == 2) {
                referenceStatics.put(strings.get(id(p)), id(p + idSize + 1));
            }
            p += idSize + 1 + valueSize(type, idSize);
        }
        int count = file.getShort(p) & 0xFFFF;
        p += 2;
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fields.add(new Field(strings.get(id(p)), file.get(p + idSize)));
            p += idSize + 1;
        }
        classes.put(classId, new ClassInfo(classId, superId, loaderId, instanceSize, fields, referenceStatics));
        return p - body;
    }

    /** Instance fields in dump order: the class's own, then its superclass's, up the chain. */
    List<Field> layout(long classId) {
        List<Field> all = new ArrayList<>();
        for (ClassInfo c = classes.get(classId); c != null; c = classes.get(c.superId())) {
            all.addAll(c.fields());
        }
        return all;
    }

    long classOf(ObjectAt object) {
        return switch (object.tag()) {
            case 0x21 -> id(object.bodyOffset() + idSize + 4);
            case 0x22 -> id(object.bodyOffset() + idSize + 8);
            default -> 0;
        };
    }

    int arrayLength(ObjectAt object) {
        return file.getInt(object.bodyOffset() + idSize + 4);
    }

    int primitiveType(ObjectAt object) {
        return file.get(object.bodyOffset() + idSize + 8);
    }

    /** Calls back (from, to, label) for every non-null instance field and array element reference. */
    void forEachReference(ReferenceVisitor visitor) {
        Map<Long, List<Field>> layouts = new HashMap<>();
        for (ObjectAt object : objects) {
            if (object.tag() == 0x21) {
                List<Field> layout = layouts.computeIfAbsent(classOf(object), this::layout);
                int p = object.bodyOffset() + 2 * idSize + 8;
                for (Field field : layout) {
                    if (field.type() == 2 && id(p) != 0) {
                        visitor.reference(object.id(), id(p), field.name());
                    }
                    p += valueSize(field.type(), idSize);
                }
            } else if (object.tag() == 0x22) {
                int p = object.bodyOffset() + 2 * idSize + 8;
                for (int i = 0; i < arrayLength(object); i++, p += idSize) {
                    if (id(p) != 0) {
                        visitor.reference(object.id(), id(p), "[" + i + "]");
                    }
                }
            }
        }
    }

    interface ReferenceVisitor {
        void reference(long from, long to, String label);
    }

    String javaClassName(long classId) {
        String name = classNames.get(classId);
        return name == null ? null : InternalNames.toJava(name);
    }
}

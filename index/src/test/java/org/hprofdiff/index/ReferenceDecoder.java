package org.hprofdiff.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent decoding of a (small) hprof file for tests: written from the format description
 * alone, sharing no code with the reader or the index. Reads the whole file into memory and works
 * out, per object id, the references the index must hold, in the index's documented order: the
 * object's class; then an instance's non-null reference fields (own class's first, then each
 * superclass's), an object array's non-null elements, or a class's superclass, loader, signers,
 * protection domain and non-null static references. References to ids that are not objects of the
 * dump are left out and counted. Given a cut, it decodes a dump as if the file ended there: only records and
 * sub-records whose bytes all come before the cut.
 */
public final class ReferenceDecoder {
    public final int idSize;
    /** Object id → its expected outbound references (ids), in order. */
    public final Map<Long, List<Long>> edges = new LinkedHashMap<>();
    /**
     * Object id → where each expected edge comes from: "<class>", "<super>", "<classloader>", "<signers>",
     * "<protection domain>", "field NAME", "static NAME" or "[INDEX]"; and whether it is weak (the referent
     * declared by java.lang.ref.Reference, the static java.lang.ref.Finalizer.unfinalized).
     */
    public final Map<Long, List<String>> labels = new HashMap<>();
    public final Map<Long, List<Boolean>> weak = new HashMap<>();
    /** Object id → kind: 'I' instance, 'O' object array, 'P' primitive array, 'C' class. */
    public final Map<Long, Character> kinds = new HashMap<>();
    public final Map<Long, String> classNames = new HashMap<>();
    /** Object id → class id (for class objects: their own id). */
    public final Map<Long, Long> classOf = new HashMap<>();
    public final List<long[]> roots = new ArrayList<>();
    /** File offsets of the first GC root sub-record and of the end of the last one; -1 when there is none. */
    public long firstRootAt = -1;
    public long lastRootEnd = -1;
    public long missingReferences;

    private final ByteBuffer b;
    private int dumps;
    private boolean segmentsOpen;
    private final Map<Long, String> strings = new HashMap<>();
    private final Map<Long, long[]> classRefs = new HashMap<>();          // class id -> super, loader, signers, pd
    private final Map<Long, List<Long>> staticRefs = new HashMap<>();
    private final Map<Long, List<String>> staticRefNames = new HashMap<>();
    private final Map<Long, List<Integer>> fieldTypes = new HashMap<>();   // class id -> own instance field type codes
    private final Map<Long, List<String>> fieldNames = new HashMap<>();
    private final Map<Long, Long> superOf = new HashMap<>();
    private final Map<Long, Long> loaderOf = new HashMap<>();
    private final Map<Long, byte[]> instanceFields = new HashMap<>();
    private final Map<Long, long[]> arrayElements = new HashMap<>();
    private final Map<Long, Integer> primitiveTypes = new HashMap<>();

    public ReferenceDecoder(Path dump) throws IOException {
        this(dump, Long.MAX_VALUE);
    }

    /** The dump as if its file ended at byte {@code cut}. */
    public ReferenceDecoder(Path dump, long cut) throws IOException {
        byte[] bytes;
        if (dump.toString().endsWith(".gz")) {
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(dump))) {
                bytes = in.readAllBytes();
            }
        } else {
            bytes = Files.readAllBytes(dump);
        }
        b = ByteBuffer.wrap(bytes, 0, (int) Math.min(bytes.length, cut));
        while (b.get() != 0) { /* "JAVA PROFILE 1.0.2\0" */ }
        idSize = b.getInt();
        b.getLong();
        while (b.remaining() >= 9) {
            int tag = b.get() & 0xFF;
            b.getInt();
            long length = b.getInt() & 0xFFFFFFFFL;
            if (b.position() + length > b.limit()) {
                // cut inside this record: a heap record gives the sub-records that were read whole, nothing after it
                if ((tag == 0x0C || tag == 0x1C) && (tag == 0x0C || !segmentsOpen ? dumps + 1 : dumps) == 1) {
                    try {
                        heap(b.limit());
                    } catch (java.nio.BufferUnderflowException cutHere) {
                        // the sub-record the cut falls in is not delivered
                    }
                }
                break;
            }
            int end = (int) (b.position() + length);
            switch (tag) {
                case 0x01 -> {
                    long id = id();
                    byte[] s = new byte[end - b.position()];
                    b.get(s);
                    strings.put(id, new String(s, StandardCharsets.UTF_8));
                }
                case 0x02 -> {
                    b.getInt();
                    long classId = id();
                    b.getInt();
                    classNames.put(classId, strings.get(id()));
                }
                case 0x0C, 0x1C -> {
                    // only the first heap dump of a file (the hprof agent writes several): HEAP_DUMP is one dump,
                    // a run of HEAP_DUMP_SEGMENTs closed by HEAP_DUMP_END (0x2C) is one
                    if (tag == 0x0C || !segmentsOpen) dumps++;
                    segmentsOpen = tag == 0x1C;
                    if (dumps == 1) heap(end);
                }
                case 0x2C -> segmentsOpen = false;
                default -> { }
            }
            b.position(end);
        }
        resolve();
    }

    /** The defining loader's id of a class decoded (0: the bootstrap loader), or null when the class was not. */
    public Long loaderOf(long classId) {
        return loaderOf.get(classId);
    }

    /** Moves past {@code n} bytes; past the end of what was read, as a read would. */
    private void skip(int n) {
        if (b.remaining() < n) throw new java.nio.BufferUnderflowException();
        b.position(b.position() + n);
    }

    private long id() {
        return idSize == 8 ? b.getLong() : b.getInt() & 0xFFFFFFFFL;
    }

    private int size(int type) {
        return switch (type) {
            case 2 -> idSize;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalStateException("type " + type);
        };
    }

    private void heap(int end) {
        while (b.position() < end) {
            int at = b.position();
            int rootsBefore = roots.size();
            subRecord();
            if (roots.size() > rootsBefore) {
                if (firstRootAt < 0) firstRootAt = at;
                lastRootEnd = b.position();
            }
        }
    }

    private void subRecord() {
        int tag = b.get() & 0xFF;
        switch (tag) {
            case 0xFF, 0x05, 0x07, 0x89, 0x8A, 0x8B, 0x8C, 0x8D -> roots.add(new long[] {tag, id()});
            case 0x8E -> {
                long object = id();
                b.getInt();
                b.getInt();
                roots.add(new long[] {tag, object});
            }
            case 0x90 -> id(); // Android: unreachable mark, not a root
            case 0xFE -> {     // Android: heap info
                b.getInt();
                id();
            }
            case 0xC3 -> {     // Android: primitive array without its data
                long id = id();
                b.getInt();
                b.getInt();
                int type = b.get();
                kinds.put(id, 'P');
                primitiveTypes.put(id, type);
            }
            // a root counts once its whole sub-record is read (a cut may fall inside it)
            case 0x01 -> {
                long object = id();
                id();
                roots.add(new long[] {tag, object});
            }
            case 0x02, 0x03, 0x08 -> {
                long object = id();
                b.getInt();
                b.getInt();
                roots.add(new long[] {tag, object});
            }
            case 0x04, 0x06 -> {
                long object = id();
                b.getInt();
                roots.add(new long[] {tag, object});
            }
            case 0x20 -> classDump();
            case 0x21 -> {
                long id = id();
                b.getInt();
                long classId = id();
                byte[] fields = new byte[b.getInt()];
                b.get(fields);
                kinds.put(id, 'I');
                classOf.put(id, classId);
                instanceFields.put(id, fields);
            }
            case 0x22 -> {
                long id = id();
                b.getInt();
                int n = b.getInt();
                long classId = id();
                long[] elements = new long[n];
                for (int i = 0; i < n; i++) elements[i] = id();
                kinds.put(id, 'O');
                classOf.put(id, classId);
                arrayElements.put(id, elements);
            }
            case 0x23 -> {
                long id = id();
                b.getInt();
                int n = b.getInt();
                int type = b.get();
                skip(n * size(type));
                kinds.put(id, 'P');
                primitiveTypes.put(id, type);
            }
            default -> throw new IllegalStateException("sub-record tag " + tag + " at " + (b.position() - 1));
        }
    }

    private void classDump() {
        long id = id();
        b.getInt();
        long[] refs = {id(), id(), id(), id()};
        id();
        id();
        b.getInt();
        int constants = b.getShort() & 0xFFFF;
        for (int i = 0; i < constants; i++) {
            b.getShort();
            int type = b.get();
            skip(size(type));
        }
        List<Long> statics = new ArrayList<>();
        List<String> staticNames = new ArrayList<>();
        int staticCount = b.getShort() & 0xFFFF;
        for (int i = 0; i < staticCount; i++) {
            long nameId = id();
            int type = b.get();
            if (type == 2) {
                statics.add(id());
                staticNames.add(strings.get(nameId));
            } else {
                skip(size(type));
            }
        }
        List<Integer> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int fieldCount = b.getShort() & 0xFFFF;
        for (int i = 0; i < fieldCount; i++) {
            names.add(strings.get(id()));
            fields.add((int) b.get());
        }
        staticRefNames.put(id, staticNames);
        fieldNames.put(id, names);
        loaderOf.put(id, refs[1]);
        kinds.put(id, 'C');
        classOf.put(id, id);
        classRefs.put(id, refs);
        staticRefs.put(id, statics);
        fieldTypes.put(id, fields);
        superOf.put(id, refs[0]);
    }

    private long classNamed(String name) {
        for (Map.Entry<Long, String> e : classNames.entrySet()) {
            if (e.getValue().equals(name) && kinds.get(e.getKey()) != null) return e.getKey();
        }
        return 0;
    }

    private static final String[] PRIMITIVE_ARRAY = new String[12];
    static {
        PRIMITIVE_ARRAY[4] = "[Z";
        PRIMITIVE_ARRAY[5] = "[C";
        PRIMITIVE_ARRAY[6] = "[F";
        PRIMITIVE_ARRAY[7] = "[D";
        PRIMITIVE_ARRAY[8] = "[B";
        PRIMITIVE_ARRAY[9] = "[S";
        PRIMITIVE_ARRAY[10] = "[I";
        PRIMITIVE_ARRAY[11] = "[J";
    }

    private void resolve() {
        long javaLangClass = classNamed("java/lang/Class");
        long reference = bootstrapClassNamed("java/lang/ref/Reference");
        long finalizer = bootstrapClassNamed("java/lang/ref/Finalizer");
        for (long id : kinds.keySet()) {
            List<Long> out = new ArrayList<>();
            List<String> label = new ArrayList<>();
            List<Boolean> isWeak = new ArrayList<>();
            switch (kinds.get(id)) {
                case 'I' -> {
                    add(out, label, isWeak, classOf.get(id), "<class>", false);
                    ByteBuffer f = ByteBuffer.wrap(instanceFields.get(id));
                    for (long c = classOf.get(id); c != 0 && fieldTypes.containsKey(c); c = superOf.get(c)) {
                        List<Integer> types = fieldTypes.get(c);
                        for (int i = 0; i < types.size(); i++) {
                            if (types.get(i) == 2) {
                                String name = fieldNames.get(c).get(i);
                                add(out, label, isWeak, idSize == 8 ? f.getLong() : f.getInt() & 0xFFFFFFFFL, "field " + name,
                                        c == reference && name.equals("referent"));
                            } else {
                                f.position(f.position() + size(types.get(i)));
                            }
                        }
                    }
                }
                case 'O' -> {
                    add(out, label, isWeak, classOf.get(id), "<class>", false);
                    long[] elements = arrayElements.get(id);
                    for (int i = 0; i < elements.length; i++) add(out, label, isWeak, elements[i], "[" + i + "]", false);
                }
                case 'P' -> {
                    long c = classNamed(PRIMITIVE_ARRAY[primitiveTypes.get(id)]);
                    classOf.put(id, c);
                    add(out, label, isWeak, c, "<class>", false);
                }
                case 'C' -> {
                    add(out, label, isWeak, javaLangClass, "<class>", false);
                    String[] internal = {"<super>", "<classloader>", "<signers>", "<protection domain>"};
                    long[] refs = classRefs.get(id);
                    for (int i = 0; i < 4; i++) add(out, label, isWeak, refs[i], internal[i], false);
                    List<Long> statics = staticRefs.get(id);
                    for (int i = 0; i < statics.size(); i++) {
                        String name = staticRefNames.get(id).get(i);
                        add(out, label, isWeak, statics.get(i), "static " + name, id == finalizer && name.equals("unfinalized"));
                    }
                }
                default -> throw new IllegalStateException();
            }
            edges.put(id, out);
            labels.put(id, label);
            weak.put(id, isWeak);
        }
    }

    /** Keeps a reference that is non-null and names an object of the dump; counts the others as missing. */
    private void add(List<Long> out, List<String> label, List<Boolean> isWeak, long target, String origin, boolean weakEdge) {
        if (target == 0) return;
        if (!kinds.containsKey(target)) {
            missingReferences++;
            return;
        }
        out.add(target);
        label.add(origin);
        isWeak.add(weakEdge);
    }

    private long bootstrapClassNamed(String name) {
        for (Map.Entry<Long, String> e : classNames.entrySet()) {
            if (e.getValue().equals(name) && kinds.get(e.getKey()) != null && loaderOf.getOrDefault(e.getKey(), -1L) == 0) return e.getKey();
        }
        return 0;
    }
}

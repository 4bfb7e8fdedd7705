package org.hprofdiff.testdata.synth;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds a heap in memory (classes, instances, arrays, roots, threads) and writes it as hprof, keeping the
 * ground truth ({@link #truth()}) from the model rather than from the bytes.
 * <p>
 * Object ids are addresses handed out by a bump allocator starting at {@link HeapOptions#heapBase()}: each
 * object (class mirrors included) advances it by its shallow size under the {@link SizeModel}, so consecutive
 * ids differ by real object sizes, as in a compacted HotSpot heap. {@link #skip(long)} leaves a hole.
 * <p>
 * The same heap can be written several times into one file ({@link #openWriter} then {@link #writeDump} per
 * dump, changing the heap in between): each dump is closed like the hprof agent closed them, and only
 * strings and classes not yet in the file are added before it.
 */
public final class SyntheticHeap {
    /** HotSpot's STACK_TRACE_ID: a dummy trace with no frames that every object's stack serial names. */
    public static final int DUMMY_STACK_TRACE = 1;

    private final HeapOptions options;
    private long nextAddress;
    private long nextSymbolId;
    private final Map<String, Long> symbols = new HashMap<>();
    private final List<SyntheticClass> classes = new ArrayList<>();
    private final Map<String, SyntheticClass> systemClasses = new HashMap<>();
    private final Map<SyntheticClass, SyntheticClass> arrayClasses = new HashMap<>();
    private final Map<Long, HeapObject> objects = new LinkedHashMap<>();
    private final List<GcRoot> roots = new ArrayList<>();
    private final List<SyntheticThread> threads = new ArrayList<>();
    private final List<Long> unreachableMarks = new ArrayList<>();
    private final Map<Integer, String> heapNames = new LinkedHashMap<>();
    private int currentHeapId;

    private HprofWriter writer;
    private final Set<String> symbolsInFile = new HashSet<>();
    private int classesInFile;
    private int threadsInFile;
    private boolean dummyTraceInFile;

    public SyntheticHeap() {
        this(HeapOptions.hotspot64());
    }

    public SyntheticHeap(HeapOptions options) {
        this.options = options;
        this.nextAddress = options.heapBase();
        this.nextSymbolId = options.symbolBase();
        systemClass("java/lang/Object");
    }

    public HeapOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- classes

    /** Starts declaring a class; {@code name} in Java or internal form. */
    public ClassBuilder newClass(String name) {
        return new ClassBuilder(InternalNames.toInternal(name));
    }

    /**
     * A boot-loader class by name, defined on first use. Known JDK classes get their real instance fields
     * (String, Thread, Reference, WeakReference, ClassLoader); array names give array classes.
     */
    public SyntheticClass systemClass(String name) {
        String internal = InternalNames.toInternal(name);
        SyntheticClass known = systemClasses.get(internal);
        if (known != null) {
            return known;
        }
        if (internal.startsWith("[")) {
            String element = internal.substring(1);
            SyntheticClass elementClass = element.startsWith("L")
                    ? systemClass(element.substring(1, element.length() - 1))
                    : element.startsWith("[") ? systemClass(element) : null;
            return elementClass == null ? defineArrayClass(internal, 0) : arrayClassOf(elementClass);
        }
        ClassBuilder builder = newClass(internal);
        switch (internal) {
            case "java/lang/String" -> builder.field("value", BasicType.OBJECT).field("coder", BasicType.BYTE)
                    .field("hash", BasicType.INT).field("hashIsZero", BasicType.BOOLEAN);
            case "java/lang/Thread" -> builder.field("name", BasicType.OBJECT).field("tid", BasicType.LONG)
                    .field("priority", BasicType.INT).field("daemon", BasicType.BOOLEAN);
            case "java/lang/ref/Reference" -> builder.field("referent", BasicType.OBJECT)
                    .field("queue", BasicType.OBJECT).field("next", BasicType.OBJECT)
                    .field("discovered", BasicType.OBJECT);
            case "java/lang/ref/WeakReference", "java/lang/ref/SoftReference", "java/lang/ref/PhantomReference" ->
                    builder.superclass(systemClass("java/lang/ref/Reference"));
            case "java/lang/ClassLoader" -> builder.field("parent", BasicType.OBJECT).field("name", BasicType.OBJECT);
            default -> { }
        }
        return builder.define();
    }

    /** The array class with elements of {@code element} (loader of the element class, as HotSpot writes it). */
    public SyntheticClass arrayClassOf(SyntheticClass element) {
        SyntheticClass array = arrayClasses.get(element);
        if (array == null) {
            array = defineArrayClass(InternalNames.arrayOf(element.name()), element.loaderId());
            arrayClasses.put(element, array);
        }
        return array;
    }

    private SyntheticClass defineArrayClass(String internalName, long loaderId) {
        return newClass(internalName).loader(loaderId).define();
    }

    /** All classes, in definition order (which is LOAD_CLASS serial order, starting at 1). */
    public List<SyntheticClass> classes() {
        return Collections.unmodifiableList(classes);
    }

    /** Declares a class: superclass (default java.lang.Object), loader, fields, statics, constant pool. */
    public final class ClassBuilder {
        private final String name;
        private SyntheticClass superclass;
        private boolean superclassSet;
        private long loaderId;
        private long signersId;
        private long protectionDomainId;
        private final List<SyntheticClass.Field> fields = new ArrayList<>();
        private final Map<String, FieldValue> statics = new LinkedHashMap<>();
        private final List<ClassDump.ConstantPoolEntry> constantPool = new ArrayList<>();

        private ClassBuilder(String name) {
            this.name = name;
        }

        /** {@code null} for a class without superclass (java.lang.Object is written that way anyway). */
        public ClassBuilder superclass(SyntheticClass cls) {
            this.superclass = cls;
            this.superclassSet = true;
            return this;
        }

        /** The defining loader: a {@link HeapObject}, an id, or null/0 for the boot loader. */
        public ClassBuilder loader(Object loader) {
            this.loaderId = FieldValue.convert(BasicType.OBJECT, loader).bits();
            return this;
        }

        public ClassBuilder signers(Object signers) {
            this.signersId = FieldValue.convert(BasicType.OBJECT, signers).bits();
            return this;
        }

        public ClassBuilder protectionDomain(Object domain) {
            this.protectionDomainId = FieldValue.convert(BasicType.OBJECT, domain).bits();
            return this;
        }

        public ClassBuilder field(String fieldName, BasicType type) {
            fields.add(new SyntheticClass.Field(fieldName, type));
            return this;
        }

        /** A static with its initial value (change it later with {@link SyntheticClass#setStatic}). */
        public ClassBuilder staticField(String fieldName, BasicType type, Object value) {
            statics.put(fieldName, FieldValue.convert(type, value));
            return this;
        }

        public ClassBuilder constant(int index, BasicType type, Object value) {
            constantPool.add(new ClassDump.ConstantPoolEntry(index, FieldValue.convert(type, value)));
            return this;
        }

        public SyntheticClass define() {
            SyntheticClass parent = superclassSet || name.equals("java/lang/Object")
                    ? superclass : systemClass("java/lang/Object");
            long primitiveBytes = 0;
            int references = 0;
            for (FieldValue value : statics.values()) {
                if (value.type().isPrimitive()) {
                    primitiveBytes += value.type().sizeInHeap(options.sizeModel().referenceBytes());
                } else {
                    references++;
                }
            }
            long size = options.sizeModel().classMirrorSize(primitiveBytes, references);
            SyntheticClass cls = new SyntheticClass(allocate(size), name, parent, loaderId, signersId,
                    protectionDomainId, fields, statics, constantPool, size);
            classes.add(cls);
            if (loaderId == 0) {
                systemClasses.putIfAbsent(name, cls);
            }
            return cls;
        }
    }

    // ---------------------------------------------------------------- objects

    public HeapObject instance(SyntheticClass cls) {
        if (cls.isArray()) {
            throw new IllegalArgumentException(cls + " is an array class");
        }
        return add(HeapObject.instance(allocate(cls.instanceShallowSize(options.sizeModel())), cls, currentHeapId,
                cls.instanceShallowSize(options.sizeModel())));
    }

    /** An instance with fields set from name/value pairs: {@code instance(cls, "next", node, "count", 3)}. */
    public HeapObject instance(SyntheticClass cls, Object... namesAndValues) {
        HeapObject object = instance(cls);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.set((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    /** An object array of the given array class, all elements null. */
    public HeapObject objectArray(SyntheticClass arrayClass, int length) {
        if (!arrayClass.isArray() || arrayClass.name().length() == 2) {
            throw new IllegalArgumentException(arrayClass + " is not an object array class");
        }
        long size = options.sizeModel().arraySize(BasicType.OBJECT, length);
        return add(HeapObject.objectArray(allocate(size), arrayClass, length, currentHeapId, size));
    }

    /** An array of {@code element}'s array class holding the given objects, classes, ids or nulls. */
    public HeapObject objectArray(SyntheticClass element, Object... elements) {
        HeapObject array = objectArray(arrayClassOf(element), elements.length);
        for (int i = 0; i < elements.length; i++) {
            array.setElement(i, elements[i]);
        }
        return array;
    }

    public HeapObject primitiveArray(BasicType type, int length) {
        return primitiveArray(type, length, new byte[length * type.sizeInDump(options.idSize())], false);
    }

    /** Android PRIMITIVE_ARRAY_NODATA: an array whose elements the dump leaves out. */
    public HeapObject primitiveArrayNoData(BasicType type, int length) {
        return primitiveArray(type, length, new byte[0], true);
    }

    public HeapObject byteArray(byte[] values) {
        return primitiveArray(BasicType.BYTE, values.length, values.clone(), false);
    }

    public HeapObject charArray(char[] values) {
        return primitiveArray(BasicType.CHAR, values.length, PrimitiveData.of(values), false);
    }

    public HeapObject intArray(int[] values) {
        return primitiveArray(BasicType.INT, values.length, PrimitiveData.of(values), false);
    }

    public HeapObject longArray(long[] values) {
        return primitiveArray(BasicType.LONG, values.length, PrimitiveData.of(values), false);
    }

    private HeapObject primitiveArray(BasicType type, int length, byte[] data, boolean noData) {
        long size = options.sizeModel().arraySize(type, length);
        return add(HeapObject.primitiveArray(allocate(size), systemClass(type.arrayClassName()), type, length, data,
                noData, currentHeapId, size));
    }

    /**
     * A java.lang.String as JDK 9+ lays it out: a byte[] value, Latin-1 (coder 0) when every char fits,
     * else UTF-16 in the little-endian order of an x86 JVM (coder 1). Two objects: the String and its array.
     */
    public HeapObject string(String text) {
        boolean latin1 = text.chars().allMatch(c -> c < 256);
        HeapObject value = byteArray(text.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE));
        return instance(systemClass("java/lang/String"), "value", value, "coder", (byte) (latin1 ? 0 : 1),
                "hash", 0, "hashIsZero", false);
    }

    /** Removes an object (references to it stay, dangling, as a reader may meet them). */
    public void remove(HeapObject object) {
        objects.remove(object.id());
    }

    public HeapObject object(long id) {
        return objects.get(id);
    }

    public List<HeapObject> objects() {
        return List.copyOf(objects.values());
    }

    /** Leaves {@code bytes} of address space unused (a hole, as dead space or filler the dumper skipped). */
    public SyntheticHeap skip(long bytes) {
        nextAddress += bytes;
        return this;
    }

    /** The id the next object will get. */
    public long nextAddress() {
        return nextAddress;
    }

    private HeapObject add(HeapObject object) {
        objects.put(object.id(), object);
        return object;
    }

    private long allocate(long size) {
        long id = nextAddress;
        nextAddress += size;
        if (options.idSize() == 4 && (nextAddress >>> 32) != 0) {
            throw new IllegalStateException("heap outgrew 4-byte ids at 0x" + Long.toHexString(nextAddress));
        }
        return id;
    }

    // ---------------------------------------------------------------- roots, threads, Android extras

    public SyntheticHeap root(GcRoot root) {
        roots.add(root);
        return this;
    }

    /** A root of a kind whose record carries only the object id (UNKNOWN, STICKY_CLASS, Android kinds...). */
    public SyntheticHeap root(RootKind kind, Object target) {
        if (kind.layout() != RootKind.Layout.ID) {
            throw new IllegalArgumentException(kind + " needs more than an id; use root(GcRoot)");
        }
        return root(GcRoot.of(kind, FieldValue.convert(BasicType.OBJECT, target).bits()));
    }

    /**
     * A running thread: a java.lang.Thread instance with its name String, a THREAD_OBJECT root, and a stack
     * trace with the given methods (innermost first) written as FRAME and TRACE records.
     */
    public SyntheticThread thread(String name, String... frameMethods) {
        int serial = threads.size() + 1;
        HeapObject object = instance(systemClass("java/lang/Thread"), "name", string(name), "tid", (long) serial,
                "priority", 5, "daemon", false);
        SyntheticThread thread = new SyntheticThread(object, name, serial, DUMMY_STACK_TRACE + serial,
                List.of(frameMethods));
        threads.add(thread);
        roots.add(GcRoot.threadObject(object.id(), serial, thread.stackTraceSerial()));
        return thread;
    }

    /** A local variable of {@code thread} in frame {@code frame}: a JAVA_FRAME root. */
    public SyntheticHeap javaLocal(SyntheticThread thread, HeapObject object, int frame) {
        return root(GcRoot.onThread(RootKind.JAVA_FRAME, object.id(), thread.serial(), frame));
    }

    /** Android UNREACHABLE marker for an object. */
    public SyntheticHeap markUnreachable(HeapObject object) {
        unreachableMarks.add(object.id());
        return this;
    }

    /** Android: objects created from now on belong to this heap; the dump announces it with HEAP_DUMP_INFO. */
    public SyntheticHeap onHeap(int heapId, String name) {
        heapNames.put(heapId, name);
        currentHeapId = heapId;
        return this;
    }

    /** The roots the dump will contain: those added, plus STICKY_CLASS for boot classes if enabled. */
    public List<GcRoot> allRoots() {
        List<GcRoot> all = new ArrayList<>(roots);
        if (options.stickySystemClasses()) {
            for (SyntheticClass cls : classes) {
                if (cls.loaderId() == 0) {
                    all.add(GcRoot.of(RootKind.STICKY_CLASS, cls.id()));
                }
            }
        }
        return all;
    }

    // ---------------------------------------------------------------- ground truth

    public HeapTruth truth() {
        Map<ObjectKind, Long> counts = new EnumMap<>(ObjectKind.class);
        Map<Long, Long> byClass = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> sizes = new HashMap<>();
        List<Edge> edges = new ArrayList<>();
        for (SyntheticClass cls : classes) {
            counts.merge(ObjectKind.CLASS, 1L, Long::sum);
            names.put(cls.id(), cls.javaName());
            sizes.put(cls.id(), cls.shallowSize());
            addEdge(edges, cls.id(), cls.superclass() == null ? 0 : cls.superclass().id(), Edge.Kind.SUPERCLASS, "");
            addEdge(edges, cls.id(), cls.loaderId(), Edge.Kind.CLASS_LOADER, "");
            addEdge(edges, cls.id(), cls.signersId(), Edge.Kind.SIGNERS, "");
            addEdge(edges, cls.id(), cls.protectionDomainId(), Edge.Kind.PROTECTION_DOMAIN, "");
            cls.statics().forEach((name, value) -> {
                if (value.type() == BasicType.OBJECT) {
                    addEdge(edges, cls.id(), value.bits(), Edge.Kind.STATIC_FIELD, name);
                }
            });
            for (ClassDump.ConstantPoolEntry entry : cls.constantPool()) {
                if (entry.value().type() == BasicType.OBJECT) {
                    addEdge(edges, cls.id(), entry.value().bits(), Edge.Kind.CONSTANT_POOL,
                            String.valueOf(entry.index()));
                }
            }
        }
        for (HeapObject object : objects.values()) {
            counts.merge(object.kind(), 1L, Long::sum);
            byClass.merge(object.type().id(), 1L, Long::sum);
            sizes.put(object.id(), object.shallowSize());
            long[] slots = object.slotsView();
            switch (object.kind()) {
                case INSTANCE -> {
                    addEdge(edges, object.id(), object.type().id(), Edge.Kind.CLASS_OF_OBJECT, "");
                    List<SyntheticClass.Field> layout = object.type().layout();
                    for (int i = 0; i < slots.length; i++) {
                        if (layout.get(i).type() == BasicType.OBJECT) {
                            addEdge(edges, object.id(), slots[i], Edge.Kind.FIELD, layout.get(i).name());
                        }
                    }
                }
                case OBJECT_ARRAY -> {
                    addEdge(edges, object.id(), object.type().id(), Edge.Kind.CLASS_OF_OBJECT, "");
                    for (int i = 0; i < slots.length; i++) {
                        addEdge(edges, object.id(), slots[i], Edge.Kind.ARRAY_ELEMENT, "[" + i + "]");
                    }
                }
                default -> { } // a PRIM_ARRAY_DUMP names no class: no edge is in the bytes
            }
        }
        return new HeapTruth(options.sizeModel(), counts, byClass, names, sizes, edges, allRoots());
    }

    private static void addEdge(List<Edge> edges, long from, long to, Edge.Kind kind, String label) {
        if (to != 0) {
            edges.add(new Edge(from, to, kind, label));
        }
    }

    // ---------------------------------------------------------------- writing

    /** One dump, HotSpot layout, to a byte array. */
    public byte[] toBytes() {
        return toBytes(Layout.hotspot());
    }

    public byte[] toBytes(Layout layout) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTo(bytes, layout);
        return bytes.toByteArray();
    }

    /** Writes a file holding one dump; closes {@code out}. */
    public void writeTo(OutputStream out, Layout layout) {
        try (HprofWriter w = openWriter(out)) {
            writeDump(w, layout);
        }
    }

    public void writeTo(Path path, Layout layout, DumpFiles.Compression compression) {
        writeTo(DumpFiles.create(path, compression), layout);
    }

    /** Starts a file: writes the header and forgets what earlier files contained. */
    public HprofWriter openWriter(OutputStream out) {
        HprofWriter w = new HprofWriter(out, options.idSize());
        w.header(options.version(), options.timestampMillis());
        writer = w;
        symbolsInFile.clear();
        classesInFile = 0;
        threadsInFile = 0;
        dummyTraceInFile = false;
        return w;
    }

    /** Writes the heap as it is now as one more dump into the file of {@link #openWriter}. */
    public void writeDump(HprofWriter w, Layout layout) {
        writePreamble(w, layout);
        if (layout.shuffleSegments()) {
            w.holdHeapRecords();
        }
        if (!layout.classDumpsLast()) {
            writeClassDumpsAndRoots(w);
        }
        writeObjects(w, ordered(layout));
        if (layout.classDumpsLast()) {
            writeClassDumpsAndRoots(w);
        }
        if (layout.shuffleSegments()) {
            List<byte[]> records = new ArrayList<>(w.takeHeldHeapRecords());
            Collections.shuffle(records, new Random(layout.seed()));
            records.forEach(w::rawBytes);
        }
        w.endHeapDump();
    }

    /** The records before a heap dump: new strings, LOAD_CLASS, traces; then the layout's framing. */
    void writePreamble(HprofWriter w, Layout layout) {
        if (w != writer) {
            throw new IllegalStateException("write dumps through the writer of the last openWriter call");
        }
        writeNewStrings(w);
        writeNewClassLoads(w);
        writeNewThreads(w, layout.threadRecords());
        w.framing(layout.framing()).segmentBodyLimit(layout.segmentBodyLimit());
    }

    /** Class dumps, roots and all objects as heap sub-records, in address order (no preamble, no end). */
    void writeHeapContent(HprofWriter w) {
        writeClassDumpsAndRoots(w);
        writeObjects(w, ordered(Layout.hotspot()));
    }

    /** The id of a UTF8 string record for {@code text}, assigned on first use. */
    public long symbolId(String text) {
        return symbols.computeIfAbsent(text, t -> {
            long id = nextSymbolId;
            nextSymbolId += 8; // symbol ids are Symbol* addresses in HotSpot; keep them aligned like one
            return id;
        });
    }

    private Set<String> symbolsNeeded() {
        Set<String> needed = new LinkedHashSet<>();
        for (SyntheticClass cls : classes) {
            needed.add(cls.name());
            cls.fields().forEach(field -> needed.add(field.name()));
            needed.addAll(cls.statics().keySet());
        }
        for (SyntheticThread thread : threads) {
            needed.add(thread.name());
            needed.addAll(thread.frames());
        }
        if (!threads.isEmpty()) {
            needed.addAll(List.of("main", "system", "()V", "Synthetic.java"));
        }
        needed.addAll(heapNames.values());
        return needed;
    }

    private void writeNewStrings(HprofWriter w) {
        for (String text : symbolsNeeded()) {
            if (symbolsInFile.add(text)) {
                w.string(symbolId(text), text);
            }
        }
    }

    private void writeNewClassLoads(HprofWriter w) {
        for (; classesInFile < classes.size(); classesInFile++) {
            SyntheticClass cls = classes.get(classesInFile);
            w.loadClass(classesInFile + 1, cls.id(), DUMMY_STACK_TRACE, symbolId(cls.name()));
        }
    }

    /** The dummy trace first (HotSpot), then each new thread's frames, trace and optionally START_THREAD. */
    private void writeNewThreads(HprofWriter w, boolean startThreadRecords) {
        if (!dummyTraceInFile) {
            w.stackTrace(DUMMY_STACK_TRACE, 0);
            dummyTraceInFile = true;
        }
        for (; threadsInFile < threads.size(); threadsInFile++) {
            SyntheticThread thread = threads.get(threadsInFile);
            int threadClassSerial = classes.indexOf(thread.object().type()) + 1;
            long[] frameIds = new long[thread.frames().size()];
            for (int i = 0; i < frameIds.length; i++) {
                frameIds[i] = symbolId("\0frame " + thread.serial() + "/" + i);
                w.stackFrame(frameIds[i], symbolId(thread.frames().get(i)), symbolId("()V"),
                        symbolId("Synthetic.java"), threadClassSerial, i + 1);
            }
            w.stackTrace(thread.stackTraceSerial(), thread.serial(), frameIds);
            if (startThreadRecords) {
                w.startThread(thread.serial(), thread.object().id(), thread.stackTraceSerial(),
                        symbolId(thread.name()), symbolId("main"), symbolId("system"));
            }
        }
    }

    private void writeClassDumpsAndRoots(HprofWriter w) {
        for (SyntheticClass cls : classes) {
            w.classDump(classDumpOf(cls));
        }
        allRoots().forEach(w::root);
        unreachableMarks.forEach(w::unreachable);
    }

    private ClassDump classDumpOf(SyntheticClass cls) {
        List<ClassDump.StaticField> statics = new ArrayList<>();
        cls.statics().forEach((name, value) -> statics.add(new ClassDump.StaticField(symbolId(name), value)));
        List<ClassDump.InstanceField> fields = cls.fields().stream()
                .map(field -> new ClassDump.InstanceField(symbolId(field.name()), field.type())).toList();
        int instanceSize = cls.isArray() ? 0 : cls.instanceDumpBytes(options.idSize());
        return new ClassDump(cls.id(), DUMMY_STACK_TRACE, cls.superclass() == null ? 0 : cls.superclass().id(),
                cls.loaderId(), cls.signersId(), cls.protectionDomainId(), 0, 0, instanceSize, cls.constantPool(),
                statics, fields);
    }

    private void writeObjects(HprofWriter w, List<HeapObject> ordered) {
        int announcedHeap = -1;
        for (HeapObject object : ordered) {
            if (!heapNames.isEmpty() && object.heapId() != announcedHeap) {
                announcedHeap = object.heapId();
                w.heapDumpInfo(announcedHeap, symbolId(heapNames.getOrDefault(announcedHeap, "default")));
            }
            writeObject(w, object);
        }
    }

    private void writeObject(HprofWriter w, HeapObject object) {
        switch (object.kind()) {
            case INSTANCE -> {
                List<SyntheticClass.Field> layout = object.type().layout();
                long[] slots = object.slotsView();
                List<FieldValue> values = new ArrayList<>(slots.length);
                for (int i = 0; i < slots.length; i++) {
                    values.add(new FieldValue(layout.get(i).type(), slots[i]));
                }
                w.instanceDump(object.id(), DUMMY_STACK_TRACE, object.type().id(), values);
            }
            case OBJECT_ARRAY -> w.objectArrayDump(object.id(), DUMMY_STACK_TRACE, object.type().id(),
                    object.slotsView());
            case PRIMITIVE_ARRAY -> {
                if (object.hasNoData()) {
                    w.primitiveArrayNoData(object.id(), DUMMY_STACK_TRACE, object.elementType(), object.length());
                } else {
                    w.primitiveArrayDump(object.id(), DUMMY_STACK_TRACE, object.elementType(), object.length(),
                            object.dataView());
                }
            }
            default -> throw new IllegalStateException("classes are not heap objects here");
        }
    }

    private List<HeapObject> ordered(Layout layout) {
        List<HeapObject> list = new ArrayList<>(objects.values());
        switch (layout.objectOrder()) {
            case CREATION -> { }
            case ADDRESS -> list.sort(Comparator.comparingLong(HeapObject::id));
            case SHUFFLED -> Collections.shuffle(list, new Random(layout.seed()));
            case PARALLEL_RUNS -> {
                list.sort(Comparator.comparingLong(HeapObject::id));
                list = dealtToDumpers(list, Math.max(1, layout.parallelRuns()));
            }
        }
        return list;
    }

    /**
     * Imitates a parallel dump: the address-sorted heap is cut into 4 blocks per dumper, dealt round-robin,
     * and each dumper's blocks are written together, dumper after dumper (DumpMerger concatenates the
     * per-thread files), giving {@code runs} interleaved address-ordered runs.
     */
    private static List<HeapObject> dealtToDumpers(List<HeapObject> sorted, int runs) {
        int blocks = runs * 4;
        int blockSize = Math.max(1, (sorted.size() + blocks - 1) / blocks);
        List<HeapObject> out = new ArrayList<>(sorted.size());
        for (int run = 0; run < runs; run++) {
            for (int start = run * blockSize; start < sorted.size(); start += runs * blockSize) {
                out.addAll(sorted.subList(start, Math.min(sorted.size(), start + blockSize)));
            }
        }
        return out;
    }
}

package org.hprofdiff.index.build;

import org.hprofdiff.core.collect.LongIntMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.format.HprofHeader;
import org.hprofdiff.core.read.HprofVisitor;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.core.summary.HistogramBuilder;
import org.hprofdiff.index.store.BlockOffsets;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.Manifest;
import org.hprofdiff.index.store.SequentialWriter;

/**
 * What the first pass over the dump keeps, taken in file order. Numbers every heap object in file order (its
 * ordinal) and writes, per ordinal, the position of its record (a final index column) and its id (a scratch file
 * sorted afterwards). Keeps the per-class and per-thread records (class dumps, names, frames) and writes GC roots
 * and string positions to scratch files. Also cuts the ordinals into work units for the parallel second pass.
 * Nothing per object stays on the Java heap.
 *
 * <p>The top-level records come through {@link #topLevel()}; the heap's objects, class dumps and roots through the
 * methods below, called on one thread in file order by {@link RecordCapture#replay} (the records themselves are
 * parsed on all cores, {@link FirstPassRead}). Core's histogram of the same records is {@link #histogram}.
 */
final class FirstPass {
    /** A work unit ends after this many dump bytes of objects ... */
    static final long UNIT_BYTES = 4L << 20;
    /** ... or this many objects, whichever comes first. */
    static final long UNIT_OBJECTS = 1L << 16;
    /** Object arrays longer than this get a unit of their own (decoded in slices, never buffered whole). */
    static final long GIANT_ARRAY = 1L << 20;

    /** Core's histogram of the same pass: the size model and per-class sizes come from it. */
    HistogramBuilder histogram;
    private final BlockOffsets.Writer positions;
    /** Ids in ordinal order as zigzag varints of the difference to the previous id: within runs a byte or two each. */
    private final SequentialWriter ids;
    private final SequentialWriter roots;
    private final SequentialWriter strings;
    private final SequentialWriter noDataArrays;

    long objects;
    long minId;
    long maxId;
    /**
     * Where ids stop ascending (ordinals starting a new run), up to {@link #MAX_RUNS}: a dump lists
     * objects in a few address-ordered runs (one per dumping thread in JDK 22+), which the id sort merges
     * instead of radix-sorting. Null when there are more.
     */
    LongList runStarts = new LongList();
    /** Per run: where its first id's varint starts in {@code tmp.ids}, and the id before it (the varints are differences). */
    final LongList runStartBytes = new LongList();
    final LongList runPreviousIds = new LongList();
    static final int MAX_RUNS = 1024;
    private long idBytes;
    private long lastPosition;
    /** For adjacent ids within runs: how often each bit is the highest one in which they differ. */
    final long[] highestDifferingBits = new long[64];
    private long previousId;
    /** OR of (id XOR first id): its lowest set bit is the alignment all ids share. */
    long idDiffBits;
    private long firstId;
    long rootCount;
    long stringCount;
    long noDataCount;
    /** Largest shallow-size input seen per kind, so the size column's width is known before pass 2. */
    long maxObjectArrayLength;
    long maxPrimitiveArrayBytes;
    long maxInstanceFieldBytes;
    final LongList unitStarts = new LongList();
    /** Units that hold one giant object array each (their first ordinal). */
    final LongList giantUnits = new LongList();
    private long unitStartPos = -1;
    private long unitStartOrdinal;
    private long lastGiant = -2;

    final List<ClassDump> classDumps = new ArrayList<>();
    final Map<Long, Long> classNameIds = new HashMap<>();
    final Map<Integer, Long> classIdBySerial = new HashMap<>();
    /** Key for class id 0 in {@link #referencedClassIds} (0 is the map's empty key). */
    static final long UNKNOWN_CLASS_KEY = Long.MIN_VALUE;
    static final int REFERENCED_BY_INSTANCE = 1;
    static final int REFERENCED_BY_ARRAY = 2;
    /** Ordinal of each class dump, in class-dump order (= class index). */
    final LongList classDumpOrdinals = new LongList();
    /** Class ids that instances and object arrays refer to (absent classes become placeholders). */
    final LongIntMap referencedClassIds = new LongIntMap(1024);
    /** Class ids already put into {@link #referencedClassIds}, direct-mapped: instances of a few classes interleave. */
    private final long[] seenClassIds = new long[256];
    final Map<Long, Frame> frames = new HashMap<>();
    final Map<Integer, long[]> stackTraces = new HashMap<>();
    /** Stack traces by thread serial: HotSpot writes no START_THREAD, only traces and THREAD_OBJECT roots. */
    final Map<Integer, long[]> stackTracesByThread = new HashMap<>();
    /** Thread objects by thread serial, from THREAD_OBJECT roots. */
    final Map<Integer, Long> threadObjects = new java.util.LinkedHashMap<>();
    final List<ThreadStart> threads = new ArrayList<>();

    record Frame(long methodNameId, long signatureId, long sourceFileId, int classSerial, int line) {}

    record ThreadStart(int serial, long objectId, int stackSerial, long nameId) {}

    FirstPass(Path workDir, byte[] identity, SizeModelOverrides sizeOverrides) throws IOException {
        this.histogram = new HistogramBuilder(sizeOverrides);
        this.positions = new BlockOffsets.Writer(workDir, IndexFiles.OBJ_POS, identity);
        this.ids = new SequentialWriter(workDir.resolve(IndexFiles.TMP_IDS), IndexFiles.TMP_IDS, identity, 0);
        this.roots = new SequentialWriter(workDir.resolve(IndexFiles.TMP_ROOTS), IndexFiles.TMP_ROOTS, identity, 0);
        this.strings = new SequentialWriter(workDir.resolve(IndexFiles.TMP_STRINGS), IndexFiles.TMP_STRINGS, identity, 0);
        this.noDataArrays = new SequentialWriter(workDir.resolve(IndexFiles.OBJ_NODATA), IndexFiles.OBJ_NODATA, identity, 0);
    }

    /** Manifest entries of the final files this pass wrote (positions, Android no-data arrays). */
    final Map<String, Manifest.FileEntry> finalFiles = new java.util.LinkedHashMap<>();

    /** Finishes all files written by the pass. */
    void finish() throws IOException {
        finalFiles.putAll(positions.finish());
        finalFiles.put(IndexFiles.OBJ_NODATA, noDataArrays.finish());
        ids.finish();
        roots.finish();
        strings.finish();
    }

    void closeQuietly() {
        for (AutoCloseable w : List.<AutoCloseable>of(positions, ids, roots, strings, noDataArrays)) {
            try {
                w.close();
            } catch (Exception ignored) {
                // the build failed already; the work directory is deleted
            }
        }
    }

    /** The visitor of the top-level records (strings, classes, frames, traces, threads), on the calling thread. */
    HprofVisitor topLevel() {
        return new HprofVisitor() {
            @Override
            public void header(HprofHeader header) {
                histogram.header(header);
            }

            @Override
            public void string(long id, HprofInput in, long utf8Pos, int utf8Length) {
                histogram.string(id, in, utf8Pos, utf8Length);
                try {
                    strings.putLong(id);
                    strings.putLong(utf8Pos);
                    strings.putInt(utf8Length);
                    stringCount++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void loadClass(int classSerial, long classId, int stackSerial, long nameId) {
                histogram.loadClass(classSerial, classId, stackSerial, nameId);
                classNameIds.put(classId, nameId);
                classIdBySerial.put(classSerial, classId);
            }

            @Override
            public void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial, int line) {
                frames.put(frameId, new Frame(methodNameId, signatureId, sourceFileId, classSerial, line));
            }

            @Override
            public void stackTrace(int stackSerial, int threadSerial, long[] frameIds) {
                stackTraces.put(stackSerial, frameIds);
                if (threadSerial != 0) stackTracesByThread.putIfAbsent(threadSerial, frameIds);
            }

            @Override
            public void startThread(int threadSerial, long threadObjectId, int stackSerial, long nameId, long groupNameId, long parentGroupNameId) {
                threads.add(new ThreadStart(threadSerial, threadObjectId, stackSerial, nameId));
            }
        };
    }

    void gcRoot(GcRootKind kind, long objectId, int threadSerial, int frame) {
        if (kind == GcRootKind.THREAD_OBJECT) threadObjects.putIfAbsent(threadSerial, objectId);
        try {
            roots.putByte(kind.ordinal());
            roots.putInt(threadSerial);
            roots.putInt(frame);
            roots.putLong(objectId);
            rootCount++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void classDump(ClassDump c) {
        classDumps.add(c);
        classDumpOrdinals.add(objects);
        object(c.classId(), c.offset(), false);
    }

    /** @param recordPos the INSTANCE_DUMP sub-record's position */
    void instance(long id, long classId, int fieldsLength, long recordPos) {
        referencedClass(classId, REFERENCED_BY_INSTANCE);
        maxInstanceFieldBytes = Math.max(maxInstanceFieldBytes, fieldsLength & 0xFFFF_FFFFL);
        object(id, recordPos, false);
    }

    void objectArray(long id, long arrayClassId, int length, long recordPos) {
        referencedClass(arrayClassId, REFERENCED_BY_ARRAY);
        maxObjectArrayLength = Math.max(maxObjectArrayLength, length);
        object(id, recordPos, length > GIANT_ARRAY);
    }

    /** @param recordPos the sub-record's position, -1 for an Android array without data */
    void primitiveArray(long id, BasicType elementType, int length, long recordPos) {
        maxPrimitiveArrayBytes = Math.max(maxPrimitiveArrayBytes, (long) length * elementType.primitiveSize);
        if (recordPos < 0) {
            // Android's PRIMITIVE_ARRAY_NODATA: the reader gives no position; keep type and length aside.
            try {
                noDataArrays.putLong(objects);
                noDataArrays.putLong(id);
                noDataArrays.putInt(elementType.code);
                noDataArrays.putInt(length);
                noDataCount++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            object(id, lastPosition, false); // positions must ascend; the no-data table says this one has none
        } else {
            object(id, recordPos, false);
        }
    }

    private void startRun(long ordinal, long id, long byteOffset) {
        runStarts.add(ordinal);
        runStartBytes.add(byteOffset);
        runPreviousIds.add(previousId);
    }

    private void referencedClass(long classId, int by) {
        long key = classId == 0 ? UNKNOWN_CLASS_KEY : classId;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 56);
        if (seenClassIds[slot] == key) return;
        seenClassIds[slot] = key;
        referencedClassIds.putIfAbsent(key, by);
    }

    private void object(long id, long recordPos, boolean giant) {
        try {
            long ordinal = objects;
            boolean newUnit = unitStartPos < 0 || giant || lastGiant == ordinal - 1
                    || recordPos - unitStartPos >= UNIT_BYTES || ordinal - unitStartOrdinal >= UNIT_OBJECTS;
            if (newUnit) {
                unitStarts.add(ordinal);
                unitStartPos = recordPos;
                unitStartOrdinal = ordinal;
                if (giant) {
                    giantUnits.add(ordinal);
                    lastGiant = ordinal;
                }
            }
            positions.add(recordPos);
            lastPosition = recordPos;
            long delta = id - previousId;
            ids.putVarLong((delta << 1) ^ (delta >> 63)); // zigzag: small steps back are small too
            if (ordinal == 0 || Long.compareUnsigned(id, minId) < 0) minId = id;
            if (Long.compareUnsigned(id, maxId) > 0) maxId = id;
            if (ordinal == 0) {
                firstId = id;
                startRun(0, id, 0);
            } else if (Long.compareUnsigned(id, previousId) < 0) {
                if (runStarts != null && runStarts.size() < MAX_RUNS) startRun(ordinal, id, idBytes);
                else runStarts = null;
            } else if (id != previousId) {
                highestDifferingBits[63 - Long.numberOfLeadingZeros(id ^ previousId)]++;
            }
            previousId = id;
            idBytes = ids.dataLength();
            idDiffBits |= id ^ firstId;
            objects++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

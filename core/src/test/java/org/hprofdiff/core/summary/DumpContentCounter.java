package org.hprofdiff.core.summary;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.format.ClassDump;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.read.HprofVisitor;
import org.hprofdiff.testdata.scenarios.ClassHistogram;

/**
 * Test oracle: counts the dump's records per class the simplest way (a hash map of boxed ids, names
 * kept as Java strings), independently of {@link HistogramBuilder}. Names are turned into the JVM's
 * printed form ({@code java.lang.String}, {@code [Ljava.lang.Object;}, {@code [B}, hidden classes
 * {@code X/0x...}) and from there into Java form by testdata's histogram parser.
 */
final class DumpContentCounter implements HprofVisitor {
    /** An array's size in the heap from its element size in the heap and its length. */
    interface ArraySizer {
        long size(int elementBytes, long length);
    }

    private final ArraySizer sizer;
    private final int referenceBytes;
    private final Map<Long, String> strings = new HashMap<>();
    private final Map<Long, Long> classNameIds = new HashMap<>();
    private final Map<Long, Long> perClassId = new HashMap<>();
    private final Map<String, Long> primitiveArrays = new HashMap<>();
    private final Map<Long, Long> arrayBytesPerClassId = new HashMap<>();
    private final Map<String, Long> primitiveArrayBytes = new HashMap<>();
    long classDumps;

    DumpContentCounter(ArraySizer sizer, int referenceBytes) {
        this.sizer = sizer;
        this.referenceBytes = referenceBytes;
    }

    @Override public void string(long id, HprofInput in, long utf8Pos, int utf8Length) { strings.put(id, in.utf8At(utf8Pos, utf8Length)); }

    @Override public void loadClass(int classSerial, long classId, int stackSerial, long nameId) { classNameIds.put(classId, nameId); }

    @Override public void classDump(ClassDump classDump) { classDumps++; }

    @Override public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) { perClassId.merge(classId, 1L, Long::sum); }

    @Override public void objectArray(long id, long arrayClassId, int length, HprofInput in, long elementsPos) {
        perClassId.merge(arrayClassId, 1L, Long::sum);
        arrayBytesPerClassId.merge(arrayClassId, sizer.size(referenceBytes, length), Long::sum);
    }

    @Override public void primitiveArray(long id, BasicType elementType, int length, long dataPos) {
        primitiveArrays.merge(elementType.javaName + "[]", 1L, Long::sum);
        primitiveArrayBytes.merge(elementType.javaName + "[]", sizer.size(elementType.primitiveSize, length), Long::sum);
    }

    /** Objects per Java class name, java.lang.Class counting class dumps (mirrors) too. */
    Map<String, Long> countsByJavaName() {
        Map<String, Long> out = new TreeMap<>(primitiveArrays);
        perClassId.forEach((classId, n) -> out.merge(javaName(classId), n, Long::sum));
        out.merge("java.lang.Class", classDumps, Long::sum);
        return out;
    }

    /** Bytes of the arrays of each array class, each array sized by the {@link ArraySizer}. */
    Map<String, Long> arrayBytesByJavaName() {
        Map<String, Long> out = new TreeMap<>(primitiveArrayBytes);
        arrayBytesPerClassId.forEach((classId, bytes) -> out.merge(javaName(classId), bytes, Long::sum));
        return out;
    }

    private String javaName(long classId) {
        String internal = strings.get(classNameIds.get(classId));
        return ClassHistogram.javaName(internal.replace('/', '.').replace("+0x", "/0x"));
    }

    long objects() {
        return perClassId.values().stream().mapToLong(Long::longValue).sum() + primitiveArrays.values().stream().mapToLong(Long::longValue).sum();
    }
}

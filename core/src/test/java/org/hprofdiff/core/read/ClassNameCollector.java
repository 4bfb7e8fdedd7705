package org.hprofdiff.core.read;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.testdata.synth.InternalNames;

/** Test visitor: class names from STRING and LOAD_CLASS records, to turn per-class-id counts into per-name counts. */
final class ClassNameCollector implements HprofVisitor {
    private final Map<Long, String> strings = new HashMap<>();
    private final Map<Long, Long> classNameIds = new HashMap<>();

    @Override public void string(long id, HprofInput in, long utf8Pos, int utf8Length) { strings.put(id, in.utf8At(utf8Pos, utf8Length)); }

    @Override public void loadClass(int classSerial, long classId, int stackSerial, long nameId) { classNameIds.put(classId, nameId); }

    /** Objects per Java class name (testdata's name conversion, not core's); primitive arrays as {@code int[]} etc. */
    Map<String, Long> countsByName(HistogramVisitor h) {
        Map<String, Long> byName = new TreeMap<>();
        h.byClass.forEach((classId, count) -> byName.merge(InternalNames.toJava(strings.get(classNameIds.get(classId))), count, Long::sum));
        for (BasicType t : BasicType.values()) {
            if (h.primitiveCounts[t.code] > 0) byName.merge(t.javaName + "[]", h.primitiveCounts[t.code], Long::sum);
        }
        return byName;
    }
}

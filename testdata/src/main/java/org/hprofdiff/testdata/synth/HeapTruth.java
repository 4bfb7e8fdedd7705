package org.hprofdiff.testdata.synth;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link SyntheticHeap} holds, taken from its model (never from the bytes written): objects by kind,
 * objects per class, shallow sizes under the size model, every non-null reference, every GC root.
 *
 * @param objectCounts        objects by kind; CLASS counts class objects (mirrors)
 * @param objectCountsByClass instances and arrays per class id (primitive arrays under {@code [B} etc.)
 * @param classNames          class id to Java-form name
 * @param shallowSizes        object id (classes included) to its size under {@code sizeModel}
 * @param edges               every non-null reference in the dump, with what holds it
 * @param roots               GC root sub-records in the dump
 */
public record HeapTruth(SizeModel sizeModel, Map<ObjectKind, Long> objectCounts,
                        Map<Long, Long> objectCountsByClass, Map<Long, String> classNames,
                        Map<Long, Long> shallowSizes, List<Edge> edges, List<GcRoot> roots) {

    public HeapTruth {
        objectCounts = Map.copyOf(objectCounts);
        objectCountsByClass = Map.copyOf(objectCountsByClass);
        classNames = Map.copyOf(classNames);
        shallowSizes = Map.copyOf(shallowSizes);
        edges = List.copyOf(edges);
        roots = List.copyOf(roots);
    }

    public long count(ObjectKind kind) {
        return objectCounts.getOrDefault(kind, 0L);
    }

    /** Objects per Java class name; classes sharing a name (different loaders) are summed. */
    public Map<String, Long> objectCountsByClassName() {
        Map<String, Long> byName = new TreeMap<>();
        objectCountsByClass.forEach((classId, count) -> byName.merge(classNames.get(classId), count, Long::sum));
        return byName;
    }

    public long shallowSize(long objectId) {
        Long size = shallowSizes.get(objectId);
        if (size == null) {
            throw new IllegalArgumentException("no object 0x" + Long.toHexString(objectId));
        }
        return size;
    }

    public long totalShallowBytes() {
        return shallowSizes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Edges of the given kinds (all edges if none given). */
    public List<Edge> edges(Edge.Kind... kinds) {
        EnumSet<Edge.Kind> wanted = kinds.length == 0 ? EnumSet.allOf(Edge.Kind.class) : EnumSet.of(kinds[0], kinds);
        return edges.stream().filter(edge -> wanted.contains(edge.kind())).toList();
    }
}

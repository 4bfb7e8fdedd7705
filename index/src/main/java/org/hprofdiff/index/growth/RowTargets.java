package org.hprofdiff.index.growth;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.collect.LongIntMap;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.read.HeapRecordAt;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.index.DumpIndex;
import org.hprofdiff.index.table.ClassInfo;

/**
 * The objects of one dump that growth rows stand for, found again by the rows' keys and never by ids: the classes
 * of a class row's name and defining loader; for an arrays-by-length row ({@code HashMap$Node[16384]}) only the
 * arrays of that length; for a loader row the loaders of that loader class that define classes. Each builder maps
 * every object to its row among the rows of one kind ({@link RowLeaves.RowOf}).
 */
final class RowTargets {
    /** A class (or array class) row's name and loader label, and for an array row its length (null otherwise). */
    record Key(String name, String loader, Integer length) {
        static Key of(GrowthRow row) {
            return new Key(row.name(), row.loader(), row.arrayLength());
        }

        /** This key's classes in {@link org.hprofdiff.index.table.StoredSummary#classIndexesByKey}'s map. */
        int[] classesIn(Map<String, int[]> byKey) {
            return byKey.getOrDefault(ClassStats.keyOf(name, loader), new int[0]);
        }
    }

    private RowTargets() {}

    /** Each object's class row among {@code rows} (by class index), or -1. */
    static RowLeaves.RowOf classes(List<Key> rows, DumpIndex index) throws IOException {
        int[] rowOfClass = new int[index.classes().size()];
        Arrays.fill(rowOfClass, -1);
        Map<String, int[]> byKey = index.summary().classIndexesByKey();
        for (int r = 0; r < rows.size(); r++) {
            for (int c : rows.get(r).classesIn(byKey)) if (rowOfClass[c] < 0) rowOfClass[c] = r;
        }
        return node -> rowOfClass[index.classIndexOf(node)];
    }

    /**
     * Each array's row among the arrays-by-length {@code rows}, or -1: the length read from the array's record in the
     * dump. A compressed dump cannot be read at random; there the shallow size stands for the length (under an 8-byte
     * alignment two neighbouring lengths of 4-byte elements share one size).
     */
    static RowLeaves.RowOf arrays(List<Key> rows, DumpIndex index) throws IOException {
        Map<Integer, Map<Long, Integer>> byClass = new HashMap<>(); // class index → (length, or size when compressed) → row
        boolean random = index.dump().isRandomAccess();
        Map<String, int[]> byKey = index.summary().classIndexesByKey();
        for (int r = 0; r < rows.size(); r++) {
            Key key = rows.get(r);
            for (int c : key.classesIn(byKey)) {
                BasicType element = index.classes().get(c).elementType();
                if (element == null) continue;
                long by = random ? key.length() : index.sizeModel().arraySize(element, key.length());
                byClass.computeIfAbsent(c, k -> new HashMap<>()).putIfAbsent(by, r);
            }
        }
        LongIntMap rowOfArray = new LongIntMap(16);
        boolean[] arrayClass = new boolean[index.classes().size()];
        for (int c : byClass.keySet()) arrayClass[c] = true;
        if (!byClass.isEmpty()) {
            try (HprofInput dump = random ? index.dump().newInput() : null) {
                HeapRecordAt records = dump == null ? null : new HeapRecordAt(dump);
                for (long node = 0, n = index.objectCount(); node < n; node++) {
                    Map<Long, Integer> lengths = byClass.get(index.classIndexOf(node));
                    if (lengths == null) continue;
                    long by = records != null ? lengthInRecord(records, index.position(node)) : index.shallowSize(node);
                    Integer r = lengths.get(by);
                    if (r != null) rowOfArray.put(node, r);
                }
            }
        }
        // asked for every object, several times: the class first, so that only the rows' arrays probe the map
        return node -> arrayClass[index.classIndexOf(node)] ? rowOfArray.get(node) : -1; // ABSENT is -1
    }

    /** Each class loader's row among the loader classes {@code loaderClasses} (Java names), or -1: only loaders that define classes. */
    static RowLeaves.RowOf loaders(List<String> loaderClasses, DumpIndex index) {
        Map<String, Integer> rowOfClass = new HashMap<>();
        for (int r = 0; r < loaderClasses.size(); r++) rowOfClass.putIfAbsent(loaderClasses.get(r), r);
        LongIntMap rowOfLoader = new LongIntMap(16);
        boolean[] loaderClass = new boolean[index.classes().size()];
        for (ClassInfo c : index.classes().all()) {
            long loader = c.loaderOrdinal();
            if (loader < 0) continue;
            Integer r = rowOfClass.get(index.classOf(loader).javaName());
            if (r == null) continue;
            rowOfLoader.putIfAbsent(loader, r);
            loaderClass[index.classIndexOf(loader)] = true;
        }
        return node -> loaderClass[index.classIndexOf(node)] ? rowOfLoader.get(node) : -1; // ABSENT is -1
    }

    /** The classes whose objects a row counts in this dump, by the index's class key for the row's name and loader. */
    static int[] classesOf(GrowthRow row, DumpIndex index) throws IOException {
        return classesOf(row.name(), row.loader(), index);
    }

    static int[] classesOf(String name, String loader, DumpIndex index) throws IOException {
        return index.summary().classIndexes(name, loader);
    }

    /** The element count of the array record at {@code position}; -1 for another record or none. */
    private static long lengthInRecord(HeapRecordAt records, long position) {
        return position != 0 && records.isArray(position) ? records.arrayLength(position) : -1;
    }
}

package org.hprofdiff.core.summary;

import org.hprofdiff.core.collect.LongIntMap;
import java.util.Arrays;

/**
 * The class loaders that define classes in the dump and the class of each loader object. Loader ids
 * become known from class dumps; the loader object's class from its INSTANCE_DUMP. When a loader's
 * instance came before any class dump naming it (possible in JDK 22+ parallel dumps) its class stays
 * unknown after the pass, and {@link #unresolved()} says so: a short extra pass
 * ({@link HistogramBuilder#loaderPass()}) then finds it.
 */
final class LoaderTable {
    private final LongIntMap index = new LongIntMap(64);
    /**
     * A filter in front of {@link #index} for the per-instance look-up: one bit per hash of a loader id, 4,096
     * bits. Almost every instance is not a loader, and its bit is clear (a few dozen loaders set about 1% of the
     * bits), so the map is probed only for the few whose bit is set.
     */
    private final long[] maybe = new long[64];
    private long[] loaderId = new long[64];
    private long[] loaderClassId = new long[64];
    /** Order of the first class dump that names the loader: HotSpot lists loaders newest first. */
    private int[] firstClassDump = new int[64];
    private int size;

    LoaderTable() {}

    /**
     * A table for another thread's share of the heap records that already knows {@code known}'s loaders, so
     * that it notes the class of their objects when it meets them.
     */
    LoaderTable(LoaderTable known) {
        for (int i = 0; i < known.size; i++) definesClasses(known.loaderId[i], known.firstClassDump[i]);
    }

    /** Takes the loader objects' classes another part found, for the loaders this table knows. */
    void absorbClasses(LoaderTable part) {
        for (int i = 0; i < part.size; i++) {
            int mine = index.get(part.loaderId[i]);
            if (part.loaderClassId[i] != 0 && mine != LongIntMap.ABSENT && loaderClassId[mine] == 0) loaderClassId[mine] = part.loaderClassId[i];
        }
    }

    /** Whether loader {@code i}'s object has not been met yet. */
    boolean unresolved(int i) {
        return loaderClassId[i] == 0;
    }

    void definesClasses(long id, int classDumpOrder) {
        if (index.get(id) != LongIntMap.ABSENT) return;
        if (size == loaderId.length) {
            loaderId = Arrays.copyOf(loaderId, size * 2);
            loaderClassId = Arrays.copyOf(loaderClassId, size * 2);
            firstClassDump = Arrays.copyOf(firstClassDump, size * 2);
        }
        loaderId[size] = id;
        firstClassDump[size] = classDumpOrder;
        index.put(id, size++);
        int bit = bit(id);
        maybe[bit >>> 6] |= 1L << bit;
    }

    /** Called for every instance: cheap, a bit test for almost all of them. */
    void instance(long id, long classId) {
        int bit = bit(id);
        if ((maybe[bit >>> 6] & 1L << bit) == 0) return;
        int i = index.get(id);
        if (i != LongIntMap.ABSENT) loaderClassId[i] = classId;
    }

    /** 12 bits of a mixed id (ids are addresses: their low bits are zero). */
    private static int bit(long id) {
        return (int) ((id * 0x9E37_79B9_7F4A_7C15L) >>> 52);
    }

    int size() { return size; }

    long loaderId(int i) { return loaderId[i]; }

    /** Class id of loader {@code i}'s object, 0 when its instance was not seen. */
    long loaderClassId(int i) { return loaderClassId[i]; }

    int firstClassDump(int i) { return firstClassDump[i]; }

    int indexOf(long id) { return index.get(id); }

    long unresolved() {
        long n = 0;
        for (int i = 0; i < size; i++) if (unresolved(i)) n++;
        return n;
    }
}

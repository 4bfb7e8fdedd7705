package org.hprofdiff.index.table;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.read.HeapRecordAt;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.index.store.IndexCorruptException;
import org.hprofdiff.index.store.IndexDirectory;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.PackedColumn;

/**
 * Full integrity check of an opened index: every file's checksum, then the invariants the readers
 * rely on — offsets ascending from 0 to the edge count, every edge end a valid ordinal, class indexes in
 * range, the id directory ascending with entries sorted inside each bucket, and on a sample of objects that
 * the index's id and position agree with the dump's record. The inbound edges, computed later beside the
 * analyses, are checked against the outbound ones by {@link #transposeProblems}.
 */
public final class IndexVerifier {
    private static final long SAMPLES = 1 << 20;

    private final IndexDirectory dir;
    private final long objects;
    private final ObjectPositions positions;
    private final PackedColumn classOf;
    private final int classCount;
    private final IdIndex ids;
    private final Edges out;
    private final RootTable roots;
    private final HeapRecordAt records;
    private final long dumpSize;
    private final List<String> problems = new ArrayList<>();

    public IndexVerifier(IndexDirectory dir, long objects, ObjectPositions positions, PackedColumn classOf, int classCount, IdIndex ids,
                         Edges out, RootTable roots, HprofInput dump, long dumpSize) {
        this.dir = dir;
        this.objects = objects;
        this.positions = positions;
        this.classOf = classOf;
        this.classCount = classCount;
        this.ids = ids;
        this.out = out;
        this.roots = roots;
        this.records = new HeapRecordAt(dump);
        this.dumpSize = dumpSize;
    }

    /** All problems found; empty when the index is intact. */
    public List<String> run() {
        try {
            dir.verifyChecksums();
        } catch (IndexCorruptException e) {
            problems.add(e.getMessage());
        }
        check("outbound offsets", () -> offsets(out, IndexFiles.OUT_OFFSETS));
        check("outbound targets", this::targets);
        check("classes", this::classes);
        check("id index", this::idIndex);
        check("roots", this::roots);
        return problems;
    }

    private void check(String what, Runnable r) {
        if (!problems.isEmpty() && problems.size() > 20) return;
        try {
            r.run();
        } catch (RuntimeException e) {
            problems.add(dir.path() + ": " + what + ": unreadable (" + e + ")");
        }
    }

    private void problem(String file, String message) {
        problems.add(dir.path().resolve(file) + ": " + message);
    }

    private void offsets(Edges edges, String file) {
        String wrong = offsetsProblem(edges, objects);
        if (wrong != null) problem(file, wrong);
    }

    /** What is wrong with the row starts of {@code edges}, or null: they must ascend from 0 to the edge count. */
    private static String offsetsProblem(Edges edges, long objects) {
        if (edges.start(0) != 0) return "first offset is " + edges.start(0) + "; expected 0";
        long previous = 0;
        for (long o = 1; o <= objects; o++) {
            long v = edges.start(o);
            if (v < previous) return "offset of object " + o + " is " + v + ", below the previous " + previous + "; expected ascending offsets";
            previous = v;
        }
        return previous != edges.count() ? "last offset is " + previous + "; expected the edge count " + edges.count() : null;
    }

    private void targets() {
        for (long i = 0, count = out.count(); i < count; i++) {
            long t = out.target(i);
            if (t >= objects) {
                problem(IndexFiles.OUT_TARGETS, "edge " + i + " points to " + t + "; expected an ordinal below " + objects);
                return;
            }
        }
    }

    /**
     * What is wrong with {@code in} as the inbound edges of the index whose outbound edges are {@code out}, each
     * problem naming a file of {@code directory}; empty when {@code in} is exactly the transpose: offsets ascending,
     * the same multiset of (source, target) pairs (compared by an order-independent hash), sources ascending per
     * target.
     */
    public static List<String> transposeProblems(java.nio.file.Path directory, Edges out, Edges in, long objects) {
        List<String> found = new ArrayList<>();
        String offsets = offsetsProblem(in, objects);
        if (offsets != null) {
            found.add(directory.resolve(IndexFiles.IN_OFFSETS) + ": " + offsets);
            return found;
        }
        String sources = directory.resolve(IndexFiles.IN_SOURCES) + ": ";
        if (out.count() != in.count()) {
            found.add(sources + in.count() + " inbound edges; expected " + out.count() + " like outbound");
            return found;
        }
        long outHash = 0;
        for (long s = 0; s < objects; s++) {
            for (long i = out.start(s), e = out.end(s); i < e; i++) outHash += mix(s, out.target(i));
        }
        long inHash = 0;
        for (long t = 0; t < objects; t++) {
            long previous = -1;
            for (long i = in.start(t), e = in.end(t); i < e; i++) {
                long s = in.target(i);
                if (s >= objects || s < previous) {
                    found.add(sources + "edge " + i + " into object " + t + " comes from " + s + "; expected an ordinal below "
                            + objects + " and not below the previous source " + previous);
                    return found;
                }
                previous = s;
                inHash += mix(s, t);
            }
        }
        if (inHash != outHash) found.add(sources + "inbound edges are not the transpose of the outbound edges");
        return found;
    }

    private static long mix(long s, long t) {
        long h = s * 0x9E3779B97F4A7C15L + t;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }

    private void classes() {
        for (long o = 0; o < objects; o++) {
            long c = classOf.get(o);
            if (c >= classCount) {
                problem(IndexFiles.OBJ_CLASS, "object " + o + " has class index " + c + "; expected below " + classCount);
                return;
            }
        }
    }

    private void idIndex() {
        long[] count = {0};
        long[] previousId = {0};
        boolean[] failed = {false};
        long step = Math.max(1, ids.size() / SAMPLES);
        ids.forEachInIdOrder((id, ordinal) -> {
            if (failed[0]) return;
            long i = count[0]++;
            if (ordinal >= objects || i > 0 && Long.compareUnsigned(id, previousId[0]) <= 0) {
                problem(IndexFiles.ID_ENTRIES, "entry " + i + " (id 0x" + Long.toHexString(id) + ", object " + ordinal
                        + ") is out of order or out of range");
                failed[0] = true;
                return;
            }
            previousId[0] = id;
            if (i % step == 0) {
                long pos = positions.get(ordinal);
                if (pos != 0) {
                    if (pos >= dumpSize || !records.isObject(pos) || records.id(pos) != id) {
                        problem(IndexFiles.ID_ENTRIES, "object " + ordinal + " with id 0x" + Long.toHexString(id) + " is not at byte " + pos
                                + " of the dump; expected its record there");
                        failed[0] = true;
                        return;
                    }
                }
                if (ids.ordinal(id) != ordinal) {
                    problem(IndexFiles.ID_ENTRIES, "look-up of id 0x" + Long.toHexString(id) + " gives " + ids.ordinal(id) + "; expected " + ordinal);
                    failed[0] = true;
                }
            }
        });
        if (!failed[0] && count[0] != ids.size()) problem(IndexFiles.ID_DIR, "directory covers " + count[0] + " entries; expected " + ids.size());
    }

    private void roots() {
        for (long i = 0; i < roots.size(); i++) {
            long o = roots.ordinal(i);
            GcRoot r = roots.get(i);
            if (o < -1 || o >= objects || o >= 0 && ids.ordinal(r.objectId()) != o || o == -1 && ids.ordinal(r.objectId()) != -1) {
                problem(IndexFiles.ROOTS, "root " + i + " (id 0x" + Long.toHexString(r.objectId()) + ") names object " + o
                        + "; expected " + ids.ordinal(r.objectId()));
                return;
            }
        }
    }
}

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
 * rely on — offsets ascending from 0 to the edge count, every edge end a valid ordinal, inbound edges
 * exactly the transpose of outbound ones (same multiset of (source, target) pairs, compared by an
 * order-independent hash, and sources ascending per target), class indexes in range, the id directory
 * ascending with entries sorted inside each bucket, and on a sample of objects that the index's id and
 * position agree with the dump's record.
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
    private final Edges in;
    private final RootTable roots;
    private final HeapRecordAt records;
    private final long dumpSize;
    private final List<String> problems = new ArrayList<>();

    public IndexVerifier(IndexDirectory dir, long objects, ObjectPositions positions, PackedColumn classOf, int classCount, IdIndex ids,
                         Edges out, Edges in, RootTable roots, HprofInput dump, long dumpSize) {
        this.dir = dir;
        this.objects = objects;
        this.positions = positions;
        this.classOf = classOf;
        this.classCount = classCount;
        this.ids = ids;
        this.out = out;
        this.in = in;
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
        check("inbound offsets", () -> offsets(in, IndexFiles.IN_OFFSETS));
        check("transpose", this::transpose);
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
        if (edges.start(0) != 0) {
            problem(file, "first offset is " + edges.start(0) + "; expected 0");
            return;
        }
        long previous = 0;
        for (long o = 1; o <= objects; o++) {
            long v = edges.start(o);
            if (v < previous) {
                problem(file, "offset of object " + o + " is " + v + ", below the previous " + previous + "; expected ascending offsets");
                return;
            }
            previous = v;
        }
        if (previous != edges.count()) problem(file, "last offset is " + previous + "; expected the edge count " + edges.count());
    }

    private void transpose() {
        if (out.count() != in.count()) {
            problem(IndexFiles.IN_SOURCES, in.count() + " inbound edges; expected " + out.count() + " like outbound");
            return;
        }
        long outHash = 0;
        for (long s = 0; s < objects; s++) {
            for (long i = out.start(s), e = out.end(s); i < e; i++) {
                long t = out.target(i);
                if (t >= objects) {
                    problem(IndexFiles.OUT_TARGETS, "edge " + i + " of object " + s + " points to " + t + "; expected an ordinal below " + objects);
                    return;
                }
                outHash += mix(s, t);
            }
        }
        long inHash = 0;
        for (long t = 0; t < objects; t++) {
            long previous = -1;
            for (long i = in.start(t), e = in.end(t); i < e; i++) {
                long s = in.target(i);
                if (s >= objects || s < previous) {
                    problem(IndexFiles.IN_SOURCES, "edge " + i + " into object " + t + " comes from " + s + "; expected an ordinal below "
                            + objects + " and not below the previous source " + previous);
                    return;
                }
                previous = s;
                inHash += mix(s, t);
            }
        }
        if (inHash != outHash) problem(IndexFiles.IN_SOURCES, "inbound edges are not the transpose of the outbound edges");
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

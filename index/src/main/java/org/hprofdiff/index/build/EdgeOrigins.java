package org.hprofdiff.index.build;

import org.hprofdiff.core.format.HeapTag;
import org.hprofdiff.core.read.HeapRecordAt;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.table.ClassTable;
import org.hprofdiff.index.table.EdgeOrigin;
import org.hprofdiff.index.table.IdIndex;
import org.hprofdiff.index.table.NoDataArrays;
import org.hprofdiff.index.table.ObjectPositions;

/**
 * Where one outbound edge of an object comes from (a field, an array slot, a static, or an implied
 * reference), found by decoding the object again exactly as the build did: the same decoder, so the
 * k-th edge here is the k-th edge the index stored. For labels (paths print a few), not bulk work.
 */
public final class EdgeOrigins {
    private final HeapRecordAt records;
    private final ClassTable classes;
    private final ClassResolver resolver;
    private final ObjectDecoder decoder;

    public EdgeOrigins(HprofInput dump, IdIndex ids, ClassTable classes, SizeModel model) {
        this.records = new HeapRecordAt(dump);
        this.classes = classes;
        this.resolver = new ClassResolver(classes);
        this.decoder = new ObjectDecoder(dump, ids, classes, resolver, model, new NoDataArrays(java.lang.foreign.MemorySegment.NULL, 0));
    }

    /**
     * The origin of edge {@code k} (0-based, in the object's own edge order) of the object with this
     * ordinal, whose record is at {@code pos}.
     */
    public EdgeOrigin of(long ordinal, long pos, long k) {
        if (pos == ObjectPositions.NONE) {
            if (k == 0) return EdgeOrigin.CLASS; // a primitive array without data has only its class edge
            throw new IllegalArgumentException("object " + ordinal + " has no edge " + k);
        }
        Finder finder = new Finder(k);
        decoder.decode(ordinal, pos, finder);
        if (finder.origin == Long.MIN_VALUE) throw new IllegalArgumentException("object " + ordinal + " has no edge " + k);
        long origin = finder.origin;
        if (origin == EdgeSink.CLASS) return EdgeOrigin.CLASS;
        if (origin == EdgeSink.SUPER) return EdgeOrigin.SUPER;
        if (origin == EdgeSink.LOADER) return EdgeOrigin.LOADER;
        if (origin == EdgeSink.SIGNERS) return EdgeOrigin.SIGNERS;
        if (origin == EdgeSink.PROTECTION_DOMAIN) return EdgeOrigin.PROTECTION_DOMAIN;
        int tag = records.tagCode(pos);
        if (tag == HeapTag.OBJ_ARRAY_DUMP.code) return new EdgeOrigin.ArrayElement(origin);
        if (tag == HeapTag.CLASS_DUMP.code) {
            ClassInfo c = classes.get(resolver.classOfClassObject(ordinal));
            return new EdgeOrigin.StaticField(c.statics().get((int) origin).name());
        }
        ClassTable.FieldSlot f = classes.layout(finder.classIndex).get((int) origin);
        return new EdgeOrigin.Field(f.name(), f.declaringClass());
    }

    /** Remembers the origin of the k-th edge. */
    private static final class Finder implements EdgeSink {
        private final long k;
        private long seen;
        long origin = Long.MIN_VALUE;
        int classIndex;

        Finder(long k) {
            this.k = k;
        }

        @Override
        public void startObject(int cls, long sizeUnits) {
            classIndex = cls;
        }

        @Override
        public void edge(long target, long o, boolean weak) {
            if (seen++ == k) origin = o;
        }

        @Override
        public void missingReference() {}

        @Override
        public void problem(String message) {}
    }
}

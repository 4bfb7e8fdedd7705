package org.hprofdiff.index.table;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.index.store.IndexFormat;
import org.hprofdiff.index.store.SequentialWriter;

/**
 * The GC roots, in dump order, as fixed 32-byte records:
 * {@code u1 kind · 3 zero bytes · i4 thread serial · i4 frame · 4 zero bytes · u8 object id · i8 ordinal}.
 * Several roots may name one object (e.g. a class that is a sticky root and held by a frame).
 */
public final class RootTable {
    public static final int RECORD = 32;
    private static final GcRootKind[] KINDS = GcRootKind.values();

    private final MemorySegment data;
    private final long count;

    public RootTable(MemorySegment data) {
        this.data = data;
        this.count = data.byteSize() / RECORD;
    }

    public long size() { return count; }

    public GcRoot get(long i) {
        long at = i * RECORD;
        return new GcRoot(kind(i), data.get(IndexFormat.LONG, at + 16), ordinal(i),
                data.get(IndexFormat.INT, at + 4), data.get(IndexFormat.INT, at + 8));
    }

    /** Ordinal of root {@code i}'s object, -1 if the dump lacks it. */
    public long ordinal(long i) { return data.get(IndexFormat.LONG, i * RECORD + 24); }

    public GcRootKind kind(long i) { return KINDS[data.get(ValueLayout.JAVA_BYTE, i * RECORD) & 0xFF]; }

    public static void write(SequentialWriter w, GcRootKind kind, int threadSerial, int frame, long id, long ordinal) throws IOException {
        w.putByte(kind.ordinal());
        w.putByte(0);
        w.putByte(0);
        w.putByte(0);
        w.putInt(threadSerial);
        w.putInt(frame);
        w.putInt(0);
        w.putLong(id);
        w.putLong(ordinal);
    }
}

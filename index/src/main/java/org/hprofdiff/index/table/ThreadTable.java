package org.hprofdiff.index.table;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.index.store.IndexCorruptException;
import org.hprofdiff.index.store.SequentialWriter;

/** The dump's threads by serial. Small; on the heap once opened. */
public final class ThreadTable {
    private final List<ThreadInfo> threads;
    private final Map<Integer, ThreadInfo> bySerial = new HashMap<>();

    public ThreadTable(List<ThreadInfo> threads) {
        this.threads = List.copyOf(threads);
        for (ThreadInfo t : this.threads) bySerial.putIfAbsent(t.serial(), t);
    }

    public List<ThreadInfo> all() { return threads; }

    /** The thread with this serial (as GC roots give it), or null. */
    public ThreadInfo bySerial(int serial) { return bySerial.get(serial); }

    public void write(SequentialWriter w) throws IOException {
        w.putInt(threads.size());
        for (ThreadInfo t : threads) {
            w.putInt(t.serial());
            w.putLong(t.objectId());
            w.putLong(t.ordinal());
            w.putString(t.name());
            w.putInt(t.frames().size());
            for (ThreadInfo.Frame f : t.frames()) {
                w.putString(f.className());
                w.putString(f.methodName());
                w.putString(f.signature());
                w.putString(f.sourceFile());
                w.putInt(f.line());
            }
        }
    }

    public static ThreadTable read(MemorySegment data, Path path) throws IndexCorruptException {
        SegmentReader r = new SegmentReader(data, path);
        int count = r.i4();
        if (count < 0) throw r.corrupt("thread count " + count);
        List<ThreadInfo> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int serial = r.i4();
            long objectId = r.i8();
            long ordinal = r.i8();
            String name = r.string();
            int frameCount = r.i4();
            if (frameCount < 0) throw r.corrupt("frame count " + frameCount);
            List<ThreadInfo.Frame> frames = new ArrayList<>(frameCount);
            for (int f = 0; f < frameCount; f++) frames.add(new ThreadInfo.Frame(r.string(), r.string(), r.string(), r.string(), r.i4()));
            list.add(new ThreadInfo(serial, objectId, ordinal, name, List.copyOf(frames)));
        }
        r.expectEnd();
        return new ThreadTable(list);
    }
}

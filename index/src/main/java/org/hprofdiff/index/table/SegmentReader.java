package org.hprofdiff.index.table;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.index.store.IndexCorruptException;
import org.hprofdiff.index.store.IndexFormat;

/** Sequential little-endian reads over a small index file's data, with corruption reported by offset. */
final class SegmentReader {
    private final MemorySegment data;
    private final Path path;
    private long pos;

    SegmentReader(MemorySegment data, Path path) {
        this.data = data;
        this.path = path;
    }

    int u1() throws IndexCorruptException {
        need(1);
        return data.get(ValueLayout.JAVA_BYTE, pos++) & 0xFF;
    }

    int i4() throws IndexCorruptException {
        need(4);
        int v = data.get(IndexFormat.INT, pos);
        pos += 4;
        return v;
    }

    long i8() throws IndexCorruptException {
        need(8);
        long v = data.get(IndexFormat.LONG, pos);
        pos += 8;
        return v;
    }

    String string() throws IndexCorruptException {
        int n = i4();
        if (n < 0) throw corrupt("string length " + n);
        need(n);
        byte[] b = new byte[n];
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, pos, b, 0, n);
        pos += n;
        return new String(b, StandardCharsets.UTF_8);
    }

    BasicType type() throws IndexCorruptException {
        int code = u1();
        BasicType t = BasicType.of(code);
        if (t == null) throw corrupt("basic type code " + code);
        return t;
    }

    void expectEnd() throws IndexCorruptException {
        if (pos != data.byteSize()) throw corrupt((data.byteSize() - pos) + " bytes after the last entry");
    }

    IndexCorruptException corrupt(String what) {
        return new IndexCorruptException(path, IndexFormat.HEADER_BYTES + pos, what);
    }

    private void need(long n) throws IndexCorruptException {
        if (pos + n > data.byteSize()) throw corrupt("data ends inside an entry");
    }
}

package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An index file made of named, versioned sections, so that one file can grow a section at a time (the dump's
 * summary, then whatever later analyses keep beside it) without a new file format: {@code u4 count}, then per
 * section {@code u4 name length, name (UTF-8), u4 version, u8 length, content}. A reader takes the sections it
 * knows at a version it reads and skips the others by their length; the file as a whole has the usual header,
 * footer and checksum.
 */
public final class Sections {
    /** One section's version and content (a slice of the mapped file). */
    public record Section(int version, MemorySegment content) {}

    private final Map<String, Section> byName;

    private Sections(Map<String, Section> byName) {
        this.byName = byName;
    }

    /** The section of this name, if the file has it at {@code version} or older (a newer one is not understood). */
    public Optional<Section> get(String name, int version) {
        Section s = byName.get(name);
        return s == null || s.version() > version ? Optional.empty() : Optional.of(s);
    }

    /** Reads a file's data (header and footer already checked). */
    public static Sections read(MemorySegment data, Path path) throws IndexCorruptException {
        Map<String, Section> byName = new LinkedHashMap<>();
        long pos = 0;
        int count = data.get(IndexFormat.INT, need(data, pos, 4, path));
        pos += 4;
        for (int i = 0; i < count; i++) {
            int nameLength = data.get(IndexFormat.INT, need(data, pos, 4, path));
            if (nameLength < 0 || nameLength > 256) throw new IndexCorruptException(path, IndexFormat.HEADER_BYTES + pos, "section name length " + nameLength);
            pos += 4;
            byte[] name = new byte[nameLength];
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, need(data, pos, nameLength, path), name, 0, nameLength);
            pos += nameLength;
            int version = data.get(IndexFormat.INT, need(data, pos, 4, path));
            long length = data.get(IndexFormat.LONG, need(data, pos + 4, 8, path));
            pos += 12;
            if (length < 0) throw new IndexCorruptException(path, IndexFormat.HEADER_BYTES + pos - 8, "section length " + length);
            byName.put(new String(name, StandardCharsets.UTF_8), new Section(version, data.asSlice(need(data, pos, length, path), length)));
            pos += length;
        }
        if (pos != data.byteSize()) throw new IndexCorruptException(path, IndexFormat.HEADER_BYTES + pos, (data.byteSize() - pos) + " bytes after the last section");
        return new Sections(byName);
    }

    private static long need(MemorySegment data, long pos, long n, Path path) throws IndexCorruptException {
        if (pos + n > data.byteSize()) throw new IndexCorruptException(path, IndexFormat.HEADER_BYTES + pos, "the data ends inside a section");
        return pos;
    }

    /** Builds the sections in memory (they are small) and writes them in one go. */
    public static final class Writer {
        private final Map<String, byte[]> contents = new LinkedHashMap<>();
        private final Map<String, Integer> versions = new LinkedHashMap<>();

        public Writer add(String name, int version, byte[] content) {
            if (contents.putIfAbsent(name, content) != null) throw new IllegalArgumentException("section " + name + " twice");
            versions.put(name, version);
            return this;
        }

        public Manifest.FileEntry writeTo(SequentialWriter w) throws IOException {
            w.putInt(contents.size());
            for (Map.Entry<String, byte[]> e : contents.entrySet()) {
                w.putString(e.getKey());
                w.putInt(versions.get(e.getKey()));
                w.putLong(e.getValue().length);
                w.putBytes(e.getValue(), 0, e.getValue().length);
            }
            return w.finish();
        }
    }
}

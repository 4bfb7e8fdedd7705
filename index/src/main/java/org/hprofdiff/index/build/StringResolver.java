package org.hprofdiff.index.build;

import org.hprofdiff.core.collect.LongIntMap;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.index.store.IndexFormat;

/**
 * Resolves the string ids the index needs (class, field, method, file and thread names) from the
 * string positions the first pass wrote, reading only those strings from the dump. A dump can hold
 * millions of symbol strings; only the few hundred thousand names the index keeps reach the heap.
 */
final class StringResolver {
    private StringResolver() {}

    /** Bytes per entry of {@code tmp.strings}: u8 id, u8 position of the UTF-8 bytes, u4 length. */
    static final int ENTRY = 20;

    static Map<Long, String> resolve(Path stringsFile, long count, HprofInput dump, LongIntMap needed) throws IOException {
        Map<Long, String> names = new HashMap<>();
        try (Arena arena = Arena.ofConfined(); FileChannel ch = FileChannel.open(stringsFile, StandardOpenOption.READ)) {
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            for (long i = 0; i < count; i++) {
                long at = IndexFormat.HEADER_BYTES + i * ENTRY;
                long id = seg.get(IndexFormat.LONG, at);
                if (needed.contains(id)) {
                    long pos = seg.get(IndexFormat.LONG, at + 8);
                    int len = seg.get(IndexFormat.INT, at + 16);
                    names.putIfAbsent(id, dump.utf8At(pos, len));
                }
            }
        }
        return names;
    }
}

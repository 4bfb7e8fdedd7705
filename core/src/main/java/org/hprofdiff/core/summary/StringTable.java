package org.hprofdiff.core.summary;

import org.hprofdiff.core.collect.LongIntMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.read.HprofInput;

/**
 * The dump's STRING records that can name a class, kept as UTF-8 in large chunks. HotSpot writes all
 * strings before the LOAD_CLASS records that say which of them are class names, so they must be kept
 * on the way; method descriptors ({@code (Ljava/lang/String;)V}), almost half of the bytes, can never
 * be a class name and are dropped. Memory grows with the VM's symbol table (a few MB for thousands of
 * classes), not with the number of objects.
 */
final class StringTable {
    private static final int CHUNK = 1 << 20;

    private final LongIntMap index = new LongIntMap(1 << 14);
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk = new byte[0];
    private int used;
    private int[] entryChunk = new int[1 << 14];
    private int[] entryOffset = new int[1 << 14];
    private int[] entryLength = new int[1 << 14];
    private int entries;

    void add(long id, HprofInput in, long utf8Pos, int utf8Length) {
        if (utf8Length > 0 && in.u1At(utf8Pos) == '(') return;
        if (used + utf8Length > chunk.length) {
            chunk = new byte[Math.max(CHUNK, utf8Length)];
            chunks.add(chunk);
            used = 0;
        }
        for (int i = 0; i < utf8Length; i++) chunk[used + i] = (byte) in.u1At(utf8Pos + i);
        if (entries == entryChunk.length) grow();
        entryChunk[entries] = chunks.size() - 1;
        entryOffset[entries] = used;
        entryLength[entries] = utf8Length;
        index.put(id, entries++);
        used += utf8Length;
    }

    /** The string, or null when the dump has no (kept) string of that id. */
    String get(long id) {
        int e = index.get(id);
        if (e == LongIntMap.ABSENT) return null;
        return new String(chunks.get(entryChunk[e]), entryOffset[e], entryLength[e], StandardCharsets.UTF_8);
    }

    private void grow() {
        entryChunk = java.util.Arrays.copyOf(entryChunk, entries * 2);
        entryOffset = java.util.Arrays.copyOf(entryOffset, entries * 2);
        entryLength = java.util.Arrays.copyOf(entryLength, entries * 2);
    }
}

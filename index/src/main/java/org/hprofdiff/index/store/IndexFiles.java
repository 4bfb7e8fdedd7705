package org.hprofdiff.index.store;

/**
 * Names (and header kinds) of the files in an index directory; docs/index-format.md describes each.
 * "Ordinal" is an object's number in the order the dump holds the objects (0-based).
 */
public final class IndexFiles {
    private IndexFiles() {}

    /** {@link BlockOffsets} (three files), per ordinal: byte offset of the object's record (its sub-record tag) in the dump. */
    public static final String OBJ_POS = "obj.pos";
    /** Android primitive arrays without data (no record position): ordinal, type, length. */
    public static final String OBJ_NODATA = "obj.nodata";
    /** Packed, per ordinal: index into the class table. */
    public static final String OBJ_CLASS = "obj.class";
    /** {@link CappedColumn} (two files), per ordinal: shallow size divided by the manifest's size.unit. */
    public static final String OBJ_SIZE = "obj.size";
    /** Packed, per directory bucket + 1: first entry of the bucket in {@link #ID_ENTRIES}. */
    public static final String ID_DIR = "id.dir";
    /** Packed, sorted by id: (id bits below the bucket &lt;&lt; ordinal bits) | ordinal. */
    public static final String ID_ENTRIES = "id.entries";
    /** {@link BlockOffsets} (three files), per ordinal + 1: start of the ordinal's outbound edges in {@link #OUT_TARGETS}. */
    public static final String OUT_OFFSETS = "out.off";
    /** Packed: target ordinals of outbound edges, grouped by source ordinal. */
    public static final String OUT_TARGETS = "out.targets";
    /** Bit per outbound edge (64 to a little-endian word): set when the edge does not keep its target alive. */
    public static final String OUT_WEAK = "out.weak";
    /** {@link BlockOffsets} (three files), per ordinal + 1: start of the ordinal's inbound edges in {@link #IN_SOURCES}. */
    public static final String IN_OFFSETS = "in.off";
    /** Packed: source ordinals of inbound edges, grouped by target, ascending within a target. */
    public static final String IN_SOURCES = "in.sources";
    /** Fixed records: GC roots. */
    public static final String ROOTS = "roots";
    /** Class table (names, layouts, statics, instance counts). */
    public static final String CLASSES = "classes";
    /** Threads with names and stack frames. */
    public static final String THREADS = "threads";
    /** {@link Sections}: the dump's summary as the first pass computed it, with each class row's classes (graph.StoredSummary). */
    public static final String SUMMARY = "summary";

    /**
     * For a gzip-compressed dump: the decompressed dump, which the index's positions point into (objects are
     * read by position, which a compressed stream cannot do). Plain hprof, not in the manifest's file list;
     * its size is recorded as {@code indexed.bytes}.
     */
    public static final String SOURCE_COPY = "dump.hprof";

    /** Scratch files of the build (never in a committed index). */
    public static final String TMP_IDS = "tmp.ids";
    public static final String TMP_ROOTS = "tmp.roots";
    public static final String TMP_STRINGS = "tmp.strings";
    public static final String TMP_SORT = "tmp.sort";
    public static final String TMP_SORT_IDS = "tmp.sort.ids";
    public static final String TMP_COUNTS = "tmp.counts";
    public static final String TMP_CURSORS = "tmp.cursors";
}

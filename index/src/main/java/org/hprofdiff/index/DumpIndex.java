package org.hprofdiff.index;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HeapRecordAt;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.index.build.EdgeOrigins;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.table.ClassTable;
import org.hprofdiff.index.table.EdgeOrigin;
import org.hprofdiff.index.table.Edges;
import org.hprofdiff.index.table.IdIndex;
import org.hprofdiff.index.table.IndexVerifier;
import org.hprofdiff.index.table.NoDataArrays;
import org.hprofdiff.index.table.ObjectFields;
import org.hprofdiff.index.table.ObjectPositions;
import org.hprofdiff.index.table.RootTable;
import org.hprofdiff.index.table.StoredSummary;
import org.hprofdiff.index.table.ThreadTable;
import org.hprofdiff.index.store.BlockOffsets;
import org.hprofdiff.index.store.CappedColumn;
import org.hprofdiff.index.store.IndexCorruptException;
import org.hprofdiff.index.store.IndexDirectory;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.PackedColumn;

/**
 * A dump's object graph, indexed on disk and mapped: objects by ordinal (their order in the dump),
 * their classes, shallow sizes and record positions, outbound references, GC roots, threads and the
 * class table (the inbound references are computed on first need, beside the analyses: {@link HeapAnalysis#inbound()}): the read view of an open index ({@link IndexCache} finds, checks and builds
 * them). Everything per object or per edge stays in mapped files, so the Java heap needed does not grow
 * with the dump. Thread-safe for reading. Close to unmap.
 */
public final class DumpIndex implements AutoCloseable {
    private final HprofFile dump;
    private final IndexDirectory dir;
    private final IndexManifest manifest;
    private final Runnable afterClose;
    private final long objects;
    private final long edges;
    private final long sizeUnit;
    private final IdIndex ids;
    private final ObjectPositions positions;
    private final PackedColumn classOf;
    private final CappedColumn sizes;
    private final Edges outbound;
    private final RootTable roots;
    private final ClassTable classes;
    private final ThreadTable threads;
    private final ObjectFields fields;
    private final HprofInput dumpInput;
    private final HeapRecordAt records;
    private final PackedColumn weakBits;
    private final SizeModel sizeModel;
    private volatile EdgeOrigins origins;
    private volatile org.hprofdiff.core.collect.LongIntMap classByObject;
    private volatile StoredSummary summary;

    /** Maps the files of a checked index directory; {@code afterClose} runs once they are unmapped (deletes a temporary index). */
    DumpIndex(HprofFile dump, IndexDirectory dir, IndexManifest manifest, Runnable afterClose) throws IOException {
        this.dump = dump;
        this.dir = dir;
        this.manifest = manifest;
        this.afterClose = afterClose;
        this.objects = manifest.counts().objects();
        this.edges = manifest.counts().edges();
        this.sizeUnit = manifest.sizeUnit();
        IdIndex.Params params = manifest.ids();
        this.ids = new IdIndex(params, dir.column(IndexFiles.ID_DIR, params.buckets() + 1), dir.column(IndexFiles.ID_ENTRIES, params.entries()));
        MemorySegment noData = dir.file(IndexFiles.OBJ_NODATA);
        long noDataBytes = dir.manifest().files().get(IndexFiles.OBJ_NODATA).dataLength();
        this.positions = new ObjectPositions(BlockOffsets.open(dir, IndexFiles.OBJ_POS, objects), new NoDataArrays(noData, noDataBytes / NoDataArrays.ENTRY));
        this.classOf = dir.column(IndexFiles.OBJ_CLASS, objects);
        this.sizes = CappedColumn.open(dir, IndexFiles.OBJ_SIZE, objects);
        this.outbound = new Edges(BlockOffsets.open(dir, IndexFiles.OUT_OFFSETS, objects + 1), dir.column(IndexFiles.OUT_TARGETS, edges));
        MemorySegment rootData = dir.data(IndexFiles.ROOTS);
        if (rootData.byteSize() % RootTable.RECORD != 0) {
            throw new IndexCorruptException(dir.path().resolve(IndexFiles.ROOTS), 40, "holds " + rootData.byteSize() + " bytes; expected a multiple of " + RootTable.RECORD);
        }
        this.roots = new RootTable(rootData);
        this.classes = ClassTable.read(dir.data(IndexFiles.CLASSES), dir.path().resolve(IndexFiles.CLASSES));
        this.threads = ThreadTable.read(dir.data(IndexFiles.THREADS), dir.path().resolve(IndexFiles.THREADS));
        this.dumpInput = dump.newInput();
        this.records = new HeapRecordAt(dumpInput);
        this.fields = new ObjectFields(dumpInput, positions, classOf, classes, ids);
        this.weakBits = dir.column(IndexFiles.OUT_WEAK, (edges + 63) / 64);
        this.sizeModel = manifest.sizeModel();
    }

    // ---- content

    /** Number of objects; ordinals are 0 .. objectCount() - 1. */
    public long objectCount() { return objects; }

    public long edgeCount() { return edges; }

    /** Ordinal of the object with this id, -1 if the dump has none. */
    public long ordinalOf(long id) { return ids.ordinal(id); }

    public IdIndex ids() { return ids; }

    /** The object's id (read from its record in the dump; an Android array without data: from the index). */
    public long idOf(long ordinal) {
        long pos = positions.get(ordinal);
        if (pos == ObjectPositions.NONE) return positions.noData().idOf(ordinal);
        return records.id(pos);
    }

    public int classIndexOf(long ordinal) { return (int) classOf.get(ordinal); }

    public ClassInfo classOf(long ordinal) { return classes.get((int) classOf.get(ordinal)); }

    public long shallowSize(long ordinal) { return sizes.get(ordinal) * sizeUnit; }

    /** Byte offset of the object's record in the dump (0 for an Android NODATA array). */
    public long position(long ordinal) { return positions.get(ordinal); }

    /** References from each object (its class first, then fields/elements/statics in dump order). */
    public Edges outbound() { return outbound; }

    /**
     * Whether outbound edge {@code edge} does not keep its target alive: the {@code referent} of a
     * {@code java.lang.ref.Reference} (any subclass) or the static {@code java.lang.ref.Finalizer.unfinalized}.
     */
    public boolean isWeakEdge(long edge) {
        return isWeakEdge(weakBits, edge);
    }

    /** The outbound edges' weak flags, one bit per edge ({@link #isWeakEdge(PackedColumn, long)} reads them). */
    public PackedColumn weakFlags() { return weakBits; }

    /** Whether {@code flags} (the weak flags or a copy of them) mark {@code edge} weak. */
    public static boolean isWeakEdge(PackedColumn flags, long edge) {
        return (flags.get(edge >>> 6) >>> (edge & 63) & 1) != 0;
    }

    /** Where outbound edge {@code edge} of {@code ordinal} comes from (decodes the object again; for labels). */
    public EdgeOrigin edgeOrigin(long ordinal, long edge) {
        long k = edge - outbound.start(ordinal);
        if (k < 0 || edge >= outbound.end(ordinal)) throw new IllegalArgumentException("edge " + edge + " is not an edge of object " + ordinal);
        EdgeOrigins o = origins;
        if (o == null) origins = o = new EdgeOrigins(dumpInput, ids, classes, sizeModel);
        return o.of(ordinal, positions.get(ordinal), k);
    }

    /** For a class object (a CLASS_DUMP record): the class index of the class it stands for; otherwise -1. */
    public int classObjectIndex(long ordinal) {
        // asked for every step of every path merged: a map without boxing
        org.hprofdiff.core.collect.LongIntMap m = classByObject;
        if (m == null) {
            org.hprofdiff.core.collect.LongIntMap built = new org.hprofdiff.core.collect.LongIntMap(classes.size());
            for (ClassInfo c : classes.all()) if (c.ordinal() >= 0) built.putIfAbsent(c.ordinal(), c.index());
            classByObject = m = built;
        }
        return m.get(ordinal);
    }

    /**
     * The dump's summary as the build's first pass computed it (what reading the dump gives), with each class row's
     * classes in this index. Read on first use.
     */
    public StoredSummary summary() throws IOException {
        StoredSummary s = summary;
        if (s == null) summary = s = StoredSummary.read(dir.data(IndexFiles.SUMMARY), dir.path().resolve(IndexFiles.SUMMARY));
        return s;
    }

    /** The layout shallow sizes were computed with. */
    public SizeModel sizeModel() { return sizeModel; }

    public RootTable roots() { return roots; }

    public ClassTable classes() { return classes; }

    public ThreadTable threads() { return threads; }

    /** Field values and string contents of single objects, read from the dump. */
    public ObjectFields fields() { return fields; }

    /** What the build recorded: counts, the dump read, the size model, phase times. */
    public IndexManifest manifest() { return manifest; }

    /**
     * Whether the indexed heap dump was read to its end, as the build recorded it: a partial dump (cut short, or
     * with damaged records skipped) is indexed as far as it goes, and the analyses over it say so.
     */
    public DumpSummary.Completeness completeness() {
        return manifest.read().completeness();
    }

    /** The index directory (later analyses store derived files there). */
    public IndexDirectory directory() { return dir; }

    public Path location() { return dir.path(); }

    public HprofFile dump() { return dump; }

    /** Reads the whole index: checksums and structural invariants. An empty list means intact. */
    public List<String> verify() {
        return new IndexVerifier(dir, objects, positions, classOf, classes.size(), ids, outbound, roots, dumpInput, dump.fileSize()).run();
    }

    @Override
    public void close() {
        dir.close();
        dump.close();
        afterClose.run();
    }
}

package org.hprofdiff.index;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.index.build.EdgeOrigins;
import org.hprofdiff.index.build.IndexBuilder;
import org.hprofdiff.index.graph.ClassInfo;
import org.hprofdiff.index.graph.ClassTable;
import org.hprofdiff.index.graph.EdgeOrigin;
import org.hprofdiff.index.graph.Edges;
import org.hprofdiff.index.graph.IdIndex;
import org.hprofdiff.index.graph.IndexVerifier;
import org.hprofdiff.index.graph.NoDataArrays;
import org.hprofdiff.index.graph.ObjectFields;
import org.hprofdiff.index.graph.ObjectPositions;
import org.hprofdiff.index.graph.RootTable;
import org.hprofdiff.index.graph.StoredSummary;
import org.hprofdiff.index.graph.ThreadTable;
import org.hprofdiff.index.store.BlockOffsets;
import org.hprofdiff.index.store.BuildLock;
import org.hprofdiff.index.store.CappedColumn;
import org.hprofdiff.index.store.Commit;
import org.hprofdiff.index.store.DumpIdentity;
import org.hprofdiff.index.store.IndexCorruptException;
import org.hprofdiff.index.store.IndexDirectory;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.IndexLocator;
import org.hprofdiff.index.store.Manifest;
import org.hprofdiff.index.store.PackedColumn;

/**
 * A dump's object graph, indexed on disk and mapped: objects by ordinal (their order in the dump),
 * their classes, shallow sizes and record positions, outbound and inbound references, GC roots,
 * threads and the class table. {@link #openOrBuild} reuses a valid index or builds one (two passes
 * over the dump); everything per object or per edge stays in mapped files, so the Java heap needed
 * does not grow with the dump. Thread-safe for reading. Close to unmap.
 */
public final class DumpIndex implements AutoCloseable {
    private final HprofFile dump;
    private final IndexDirectory dir;
    private final boolean deleteOnClose;
    private final long objects;
    private final long edges;
    private final long sizeUnit;
    private final IdIndex ids;
    private final ObjectPositions positions;
    private final PackedColumn classOf;
    private final CappedColumn sizes;
    private final Edges outbound;
    private final Edges inbound;
    private final RootTable roots;
    private final ClassTable classes;
    private final ThreadTable threads;
    private final ObjectFields fields;
    private final HprofInput dumpInput;
    private final PackedColumn weakBits;
    private final SizeModel sizeModel;
    private volatile EdgeOrigins origins;
    private volatile org.hprofdiff.core.collect.LongIntMap classByObject;
    private volatile StoredSummary summary;

    private DumpIndex(HprofFile dump, IndexDirectory dir, boolean deleteOnClose) throws IOException {
        this.dump = dump;
        this.dir = dir;
        this.deleteOnClose = deleteOnClose;
        Manifest m = dir.manifest();
        Path p = dir.path().resolve(Manifest.FILE);
        this.objects = m.requireLong("objects", p);
        this.edges = m.requireLong("edges", p);
        this.sizeUnit = m.requireLong("size.unit", p);
        IdIndex.Params params = IdIndex.Params.readFrom(m, p);
        this.ids = new IdIndex(params, dir.column(IndexFiles.ID_DIR, params.buckets() + 1), dir.column(IndexFiles.ID_ENTRIES, params.entries()));
        MemorySegment noData = dir.file(IndexFiles.OBJ_NODATA);
        long noDataBytes = dir.manifest().files().get(IndexFiles.OBJ_NODATA).dataLength();
        this.positions = new ObjectPositions(BlockOffsets.open(dir, IndexFiles.OBJ_POS, objects), new NoDataArrays(noData, noDataBytes / NoDataArrays.ENTRY));
        this.classOf = dir.column(IndexFiles.OBJ_CLASS, objects);
        this.sizes = CappedColumn.open(dir, IndexFiles.OBJ_SIZE, objects);
        this.outbound = new Edges(BlockOffsets.open(dir, IndexFiles.OUT_OFFSETS, objects + 1), dir.column(IndexFiles.OUT_TARGETS, edges));
        this.inbound = new Edges(BlockOffsets.open(dir, IndexFiles.IN_OFFSETS, objects + 1), dir.column(IndexFiles.IN_SOURCES, edges));
        MemorySegment rootData = dir.data(IndexFiles.ROOTS);
        if (rootData.byteSize() % RootTable.RECORD != 0) {
            throw new IndexCorruptException(dir.path().resolve(IndexFiles.ROOTS), 40, "holds " + rootData.byteSize() + " bytes; expected a multiple of " + RootTable.RECORD);
        }
        this.roots = new RootTable(rootData);
        this.classes = ClassTable.read(dir.data(IndexFiles.CLASSES), dir.path().resolve(IndexFiles.CLASSES));
        this.threads = ThreadTable.read(dir.data(IndexFiles.THREADS), dir.path().resolve(IndexFiles.THREADS));
        this.dumpInput = dump.newInput();
        this.fields = new ObjectFields(dumpInput, positions, classOf, classes, ids);
        this.weakBits = dir.column(IndexFiles.OUT_WEAK, (edges + 63) / 64);
        this.sizeModel = new SizeModel((int) m.requireLong("size.model.objectHeaderBytes", p), (int) m.requireLong("size.model.referenceBytes", p),
                (int) m.requireLong("size.model.objectAlignment", p), Boolean.parseBoolean(m.require("size.model.arrayBaseAligned", p)),
                Boolean.parseBoolean(m.require("size.model.subclassFieldsFillGaps", p)), m.require("size.model.origin", p));
    }

    /**
     * Opens the dump's index, building it first when there is none or the one found is stale,
     * foreign or damaged (with a one-line note saying so). Concurrent callers on one dump wait for one
     * build and then share its result.
     */
    public static DumpIndex openOrBuild(Path dumpPath, IndexOptions options, BuildProgress progress) throws IOException, DumpFormatException {
        HprofFile dump = HprofFile.open(dumpPath);
        try {
            DumpIdentity identity = DumpIdentity.of(dumpPath, dump.header().version(), dump.header().idSize(), dump.header().timestampMillis());
            IndexLocator locator = IndexLocator.of(options.indexDir(), options.environment());
            List<IndexLocator.Location> candidates = locator.candidates(dumpPath);
            if (options.noCache()) return buildTemporary(dump, identity, options, candidates, progress);
            for (IndexLocator.Location c : candidates) {
                Optional<DumpIndex> found = tryOpen(dump, c.dir(), identity, options, progress);
                if (found.isPresent()) return found.get();
            }
            IndexLocator.Location target = candidates.stream().filter(IndexLocator::writable).findFirst()
                    .orElseThrow(() -> locator.nowhereToWrite(dumpPath, candidates));
            if (target != candidates.getFirst()) progress.note("the dump's directory is not writable; the index goes to the " + target.kind() + " at " + target.dir());
            try (BuildLock lock = BuildLock.acquire(target.lockFile(), () -> progress.note("waiting for another build of " + target.dir()))) {
                Optional<DumpIndex> built = tryOpenQuietly(dump, target.dir(), identity, options);
                if (built.isPresent()) return built.get();
                Commit.removeLeftovers(target.dir());
                Path work = Commit.tempSibling(target.dir());
                Files.createDirectories(work);
                try {
                    build(dump, identity, work, options, progress);
                    IndexDirectory check = IndexDirectory.open(work, identity.digest());
                    check.close();
                    Commit.commitDirectory(work, target.dir());
                } catch (IOException | RuntimeException | Error e) {
                    deleteQuietly(work);
                    throw e;
                }
                return opened(dump, target.dir(), identity, false);
            }
        } catch (IOException | RuntimeException | Error e) {
            dump.close();
            throw e;
        }
    }

    /** Opens an existing valid index of the dump, if there is one; never builds. */
    public static Optional<DumpIndex> openExisting(Path dumpPath, IndexOptions options) throws IOException, DumpFormatException {
        HprofFile dump = HprofFile.open(dumpPath);
        try {
            DumpIdentity identity = DumpIdentity.of(dumpPath, dump.header().version(), dump.header().idSize(), dump.header().timestampMillis());
            for (IndexLocator.Location c : IndexLocator.of(options.indexDir(), options.environment()).candidates(dumpPath)) {
                Optional<DumpIndex> found = tryOpenQuietly(dump, c.dir(), identity, options);
                if (found.isPresent()) return found;
            }
        } catch (IOException | RuntimeException e) {
            dump.close();
            throw e;
        }
        dump.close();
        return Optional.empty();
    }

    private static DumpIndex buildTemporary(HprofFile dump, DumpIdentity identity, IndexOptions options,
                                            List<IndexLocator.Location> candidates, BuildProgress progress) throws IOException {
        IndexLocator.Location target = candidates.stream().filter(IndexLocator::writable).findFirst()
                .orElseThrow(() -> IndexLocator.of(options.indexDir(), options.environment()).nowhereToWrite(dump.path(), candidates));
        Path work = Commit.tempSibling(target.dir());
        Files.createDirectories(work);
        try {
            build(dump, identity, work, options, progress);
            return opened(dump, work, identity, true);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(work);
            throw e;
        }
    }

    private static Optional<DumpIndex> tryOpen(HprofFile dump, Path dir, DumpIdentity identity, IndexOptions options, BuildProgress progress) {
        if (!Files.exists(dir.resolve(Manifest.FILE)) && !Files.exists(dir)) return Optional.empty();
        try {
            String stale = staleness(dir, identity, options);
            if (stale != null) {
                progress.note("index at " + dir + " is stale (" + stale + "); rebuilding");
                return Optional.empty();
            }
            return Optional.of(opened(dump, dir, identity, false));
        } catch (IOException | RuntimeException e) {
            progress.note("index at " + dir + " is not usable (" + e.getMessage() + "); rebuilding");
            return Optional.empty();
        }
    }

    /**
     * Builds into {@code work}. A compressed dump is first decompressed into the index directory
     * ({@link IndexFiles#SOURCE_COPY}): the index reads objects by position.
     */
    private static void build(HprofFile dump, DumpIdentity identity, Path work, IndexOptions options, BuildProgress progress) throws IOException {
        if (dump.isRandomAccess()) {
            new IndexBuilder(dump, identity, work, options.sizeOverrides(), options.threads(), options.dumpNumber(), progress).build();
            return;
        }
        progress.plan(List.of("decompress"));
        progress.phase("decompress", dump.fileSize());
        Path copy = work.resolve(IndexFiles.SOURCE_COPY);
        decompress(dump.path(), copy, progress);
        try (HprofFile plain = openCopy(copy)) {
            new IndexBuilder(plain, identity, work, options.sizeOverrides(), options.threads(), options.dumpNumber(), progress).build();
        }
    }

    /** Decompresses {@code gz} into {@code copy}; progress in compressed bytes read. */
    private static void decompress(Path gz, Path copy, BuildProgress progress) throws IOException {
        byte[] buffer = new byte[1 << 20];
        java.io.InputStream compressed = new java.io.FilterInputStream(Files.newInputStream(gz)) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0 && (read += n) >>> 23 != (read - n) >>> 23) progress.advance(read); // every 8 MiB
                return n;
            }
        };
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(compressed, 1 << 16);
             java.io.OutputStream out = Files.newOutputStream(copy, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            // GZIPInputStream reads concatenated members: HotSpot's chunked -gz output too
            for (int n; (n = in.read(buffer)) > 0; ) out.write(buffer, 0, n);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(gz + ": the gzip data is damaged or cut short (" + e.getMessage() + "); cannot index it", e);
        }
    }

    private static HprofFile openCopy(Path copy) throws IOException {
        try {
            return HprofFile.open(copy);
        } catch (DumpFormatException e) {
            throw new IndexCorruptException(copy, 0, "the decompressed dump is unreadable: " + e.getMessage());
        }
    }

    /** Opens an index directory's files and readers; nothing stays mapped if that fails. */
    private static DumpIndex opened(HprofFile dump, Path dir, DumpIdentity identity, boolean deleteOnClose) throws IOException {
        IndexDirectory d = IndexDirectory.open(dir, identity.digest());
        HprofFile indexed = null;
        try {
            indexed = dump.isRandomAccess() ? dump : openCopy(dir.resolve(IndexFiles.SOURCE_COPY));
            Path mp = dir.resolve(Manifest.FILE);
            if (indexed.fileSize() != d.manifest().requireLong("indexed.bytes", mp)) {
                throw new IndexCorruptException(indexed.path(), indexed.fileSize(), "the indexed dump is " + indexed.fileSize()
                        + " bytes; the index was built from " + d.manifest().get("indexed.bytes"));
            }
            DumpIndex index = new DumpIndex(indexed, d, deleteOnClose);
            if (indexed != dump) dump.close(); // the compressed file is not read again
            return index;
        } catch (IOException | RuntimeException e) {
            if (indexed != null && indexed != dump) indexed.close();
            d.close();
            throw e;
        }
    }

    private static Optional<DumpIndex> tryOpenQuietly(HprofFile dump, Path dir, DumpIdentity identity, IndexOptions options) {
        return tryOpen(dump, dir, identity, options, BuildProgress.SILENT);
    }

    /** Why an index directory does not belong to this dump (or these options), or null when it does. */
    private static String staleness(Path dir, DumpIdentity identity, IndexOptions options) throws IOException {
        Path mp = dir.resolve(Manifest.FILE);
        Manifest m;
        try (Arena arena = Arena.ofConfined(); FileChannel ch = FileChannel.open(mp, StandardOpenOption.READ)) {
            m = Manifest.read(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena), mp, null);
        }
        DumpIdentity recorded = new DumpIdentity(m.requireLong("dump.size", mp), m.requireLong("dump.modifiedMillis", mp),
                m.require("dump.headerVersion", mp), (int) m.requireLong("dump.idSize", mp), m.requireLong("dump.timestamp", mp),
                m.requireLong("dump.headHash", mp), m.requireLong("dump.tailHash", mp));
        if (!recorded.equals(identity)) return "the dump changed: " + identity.differenceFrom(recorded);
        if (m.requireLong("dump.dumpNumber", mp) != options.dumpNumber()) return "it indexes heap dump " + m.get("dump.dumpNumber") + " of the file";
        SizeModelOverrides wanted = options.sizeOverrides();
        if (wanted.objectHeaderBytes() != null && m.requireLong("size.model.objectHeaderBytes", mp) != wanted.objectHeaderBytes()
                || wanted.referenceBytes() != null && m.requireLong("size.model.referenceBytes", mp) != wanted.referenceBytes()
                || wanted.objectAlignment() != null && m.requireLong("size.model.objectAlignment", mp) != wanted.objectAlignment()) {
            return "built with another size model than " + wanted.describe();
        }
        return null;
    }

    private static void deleteQuietly(Path dir) {
        try {
            Commit.deleteTree(dir);
        } catch (IOException ignored) {
            // a leftover temporary directory is removed by the next build
        }
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
        return dumpInput.idAt(pos + 1);
    }

    public int classIndexOf(long ordinal) { return (int) classOf.get(ordinal); }

    public ClassInfo classOf(long ordinal) { return classes.get((int) classOf.get(ordinal)); }

    public long shallowSize(long ordinal) { return sizes.get(ordinal) * sizeUnit; }

    /** Byte offset of the object's record in the dump (0 for an Android NODATA array). */
    public long position(long ordinal) { return positions.get(ordinal); }

    /** References from each object (its class first, then fields/elements/statics in dump order). */
    public Edges outbound() { return outbound; }

    /** References to each object; sources ascending. */
    public Edges inbound() { return inbound; }

    /**
     * Whether outbound edge {@code edge} does not keep its target alive: the {@code referent} of a
     * {@code java.lang.ref.Reference} (any subclass) or the static {@code java.lang.ref.Finalizer.unfinalized}.
     */
    public boolean isWeakEdge(long edge) {
        return (weakBits.get(edge >>> 6) >>> (edge & 63) & 1) != 0;
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

    public Manifest manifest() { return dir.manifest(); }

    /**
     * Whether the indexed heap dump was read to its end, as the build recorded it: a partial dump (cut short, or
     * with damaged records skipped) is indexed as far as it goes, and the analyses over it say so.
     */
    public DumpSummary.Completeness completeness() {
        Manifest m = dir.manifest();
        String first = m.get("dump.problem.first");
        long problems = m.get("dump.problems") == null ? 0 : Long.parseLong(m.get("dump.problems"));
        List<String> listed = first == null ? List.of()
                : problems > 1 ? List.of(first, "and " + (problems - 1) + " more problem(s) ('hprof-diff info' lists them)") : List.of(first);
        return new DumpSummary.Completeness(Boolean.parseBoolean(m.get("dump.partial")), m.get("dump.truncation"), listed);
    }

    /** The index directory (later analyses store derived files there). */
    public IndexDirectory directory() { return dir; }

    public Path location() { return dir.path(); }

    public HprofFile dump() { return dump; }

    /** Reads the whole index: checksums and structural invariants. An empty list means intact. */
    public List<String> verify() {
        return new IndexVerifier(dir, objects, positions, classOf, classes.size(), ids, outbound, inbound, roots, dumpInput, dump.fileSize()).run();
    }

    @Override
    public void close() {
        dir.close();
        dump.close();
        if (deleteOnClose) deleteQuietly(dir.path());
    }
}

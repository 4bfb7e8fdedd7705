package org.hprofdiff.index.build;

import org.hprofdiff.core.collect.LongIntMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.read.DirectSpans;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HprofInput;
import org.hprofdiff.core.read.ReadResult;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.RowSource;
import org.hprofdiff.core.summary.Summarizer;
import org.hprofdiff.index.BuildProgress;
import org.hprofdiff.index.IndexManifest;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.table.ClassTable;
import org.hprofdiff.index.table.IdIndex;
import org.hprofdiff.index.table.NoDataArrays;
import org.hprofdiff.index.table.ObjectPositions;
import org.hprofdiff.index.table.ObjectFields;
import org.hprofdiff.index.table.RootTable;
import org.hprofdiff.index.table.StoredSummary;
import org.hprofdiff.index.table.ThreadInfo;
import org.hprofdiff.index.table.ThreadTable;
import org.hprofdiff.index.store.BlockOffsets;
import org.hprofdiff.index.store.DumpIdentity;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.IndexFormat;
import org.hprofdiff.index.store.Manifest;
import org.hprofdiff.index.store.PackedColumn;
import org.hprofdiff.index.store.MachineMemory;
import org.hprofdiff.index.store.Prefetcher;
import org.hprofdiff.index.store.ScratchFile;
import org.hprofdiff.index.store.SequentialWriter;

/**
 * Builds a complete index of one dump into an (empty, temporary) directory: two passes over the dump
 * and a few passes over the index's own files. Commit and caching are the caller's business.
 * <ol>
 * <li>pass 1 (heap records parsed on all cores, taken in file order): record positions, ids, roots, classes, names,
 * work units, core's histogram</li>
 * <li>class table; id sort → id index</li>
 * <li>pass 2 (parallel by work unit): classes, shallow sizes, outbound edges</li>
 * <li>roots, threads, manifest (the inbound edges are computed on first need: {@link InboundEdges})</li>
 * </ol>
 */
public final class IndexBuilder {
    private final HprofFile dump;
    private final DumpIdentity identity;
    private final byte[] digest;
    private final Path workDir;
    private final SizeModelOverrides sizeOverrides;
    private final int threads;
    private final int dumpNumber;
    private final BuildProgress progress;
    /** Objects the first pass captures per heap record before it handles the record in pieces (tests lower it). */
    private int captureCapacity = RecordCapture.DEFAULT_CAPACITY;
    /** The build's phases, in order (what {@link BuildProgress#plan} announces). */
    public static final List<String> PHASES = List.of("pass 1", "classes", "sort ids", "pass 2", "roots and threads");
    /** Bytes per shallow size (in alignment units): 2 cover objects up to 512 KiB; larger ones go to a side table. */
    static final int SIZE_WIDTH = 2;
    private final Map<String, Long> phaseMillis = new LinkedHashMap<>();
    private final Map<String, Long> phaseCpuMillis = new LinkedHashMap<>();
    private final Map<String, Long> phaseSysMillis = new LinkedHashMap<>();
    private long phaseStart;
    private long phaseCpuStart;
    private long phaseSysStart;
    private String phaseName;

    public IndexBuilder(HprofFile dump, DumpIdentity identity, Path workDir, SizeModelOverrides sizeOverrides, int threads, int dumpNumber,
                        BuildProgress progress) {
        this.dump = dump;
        this.identity = identity;
        this.digest = identity.digest();
        this.workDir = workDir;
        this.sizeOverrides = sizeOverrides;
        this.threads = threads;
        this.dumpNumber = dumpNumber;
        this.progress = progress;
    }

    /**
     * Whether the passes read the dump with {@code O_DIRECT} instead of through the page cache; null: when the dump
     * is too big to stay cached beside its index and its file system allows it ({@link Prefetcher#readsDirect}).
     */
    private Boolean bypassPageCache;

    /** Makes both passes read the dump without the page cache, or through it, whatever its size (tests). */
    public IndexBuilder bypassPageCache(boolean bypass) {
        this.bypassPageCache = bypass;
        return this;
    }

    /** Lowers the first pass's capture capacity (tests: records that do not fit are handled in pieces). */
    IndexBuilder captureCapacity(int objects) {
        this.captureCapacity = objects;
        return this;
    }

    public void build() throws IOException {
        if (!dump.isRandomAccess()) {
            throw new IOException(dump.path() + ": the index needs random access to the dump; decompress it first (e.g. gunzip)");
        }
        Manifest manifest = new Manifest();
        progress.plan(PHASES);
        try (Parallel parallel = new Parallel(threads)) {
            // ---- pass 1
            phase("pass 1", dump.fileSize());
            FirstPass p1 = new FirstPass(workDir, digest, sizeOverrides);
            ReadResult read;
            // a dump too big to stay cached beside its index does not go through the page cache (or leaves it as it is
            // read, where direct reads are not possible): the index files stay
            boolean tooBig = Prefetcher.worthDropping(dump.fileSize(), MachineMemory.total());
            boolean direct = bypassPageCache != null ? bypassPageCache : Prefetcher.readsDirect(dump.path(), dump.fileSize());
            MemorySegment dropBehind = tooBig && !direct ? dump.mapped() : null;
            try (Prefetcher prefetch = direct ? Prefetcher.none() : Prefetcher.start(dump.path(), dump.fileSize(), 0, dropBehind)) {
                read = FirstPassRead.run(dump, dumpNumber, sizeOverrides, p1, threads, captureCapacity, prefetch, direct, progress);
                p1.finish();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                p1.closeQuietly();
            }
            long n = p1.objects;
            HprofInput in = dump.newInput();

            // ---- names and classes
            phase("classes", 0);
            LongIntMap needed = new LongIntMap(p1.classDumps.size() * 8 + 64);
            ClassTableBuilder.neededNames(p1, needed);
            for (FirstPass.Frame f : p1.frames.values()) {
                ClassTableBuilder.addId(needed, f.methodNameId());
                ClassTableBuilder.addId(needed, f.signatureId());
                ClassTableBuilder.addId(needed, f.sourceFileId());
            }
            for (FirstPass.ThreadStart t : p1.threads) ClassTableBuilder.addId(needed, t.nameId());
            Map<Long, String> names = StringResolver.resolve(workDir.resolve(IndexFiles.TMP_STRINGS), p1.stringCount, in, needed);
            // kept with the file's name only: a reader puts in the dump's own information, and the index stays the same wherever it is built
            DumpSummary.DumpInfo info = Summarizer.dumpInfo(dump, read);
            info = new DumpSummary.DumpInfo(dump.path().getFileName().toString(), info.fileBytes(), info.format(), info.idSize(), info.timestampMillis(),
                    info.compression(), info.dumpNumber(), info.heapDumpCount());
            RowSource.Sourced sourced = p1.histogram.sourcedSummary(info, read);
            DumpSummary summary = sourced.summary();
            SizeModel model = summary.sizeModel();
            ClassTableBuilder.Built built = ClassTableBuilder.build(p1, names, sourced, model, dump.header().idSize());
            ClassTable classes = built.table();

            // ---- id index
            phase("sort ids", n);
            IdIndexWriter.Result idResult;
            try (Arena idArena = Arena.ofConfined()) {
                MemorySegment idFile = map(IndexFiles.TMP_IDS, idArena);
                MemorySegment idStream = idFile.asSlice(IndexFormat.HEADER_BYTES, idFile.byteSize() - IndexFormat.HEADER_BYTES - IndexFormat.FOOTER_BYTES);
                boolean runs = p1.runStarts != null;
                IdIndexWriter.IdFacts facts = new IdIndexWriter.IdFacts(n, p1.minId, p1.maxId, p1.idDiffBits, runs ? p1.runStarts.toArray() : null,
                        runs ? p1.runStartBytes.toArray() : null, runs ? p1.runPreviousIds.toArray() : null, p1.highestDifferingBits);
                idResult = IdIndexWriter.build(idStream, facts, workDir, digest, parallel, progress);
            }
            Files.deleteIfExists(workDir.resolve(IndexFiles.TMP_IDS));
            try (Arena arena = Arena.ofShared()) {
                IdIndex idIndex = new IdIndex(idResult.params(),
                        new PackedColumn(map(IndexFiles.ID_DIR, arena), idResult.dirEntry().width(), idResult.params().buckets() + 1),
                        new PackedColumn(map(IndexFiles.ID_ENTRIES, arena), idResult.entriesEntry().width(), idResult.params().entries()));
                ObjectPositions positions = new ObjectPositions(BlockOffsets.map(workDir, IndexFiles.OBJ_POS, n, arena),
                        new NoDataArrays(map(IndexFiles.OBJ_NODATA, arena), p1.noDataCount));

                // ---- pass 2
                phase("pass 2", n);
                ClassResolver resolver = new ClassResolver(classes);
                NoDataArrays noData = positions.noData();
                SecondPass.Widths widths = new SecondPass.Widths(PackedColumn.widthFor(classes.size() - 1L),
                        Math.min(SIZE_WIDTH, PackedColumn.widthFor(maxSizeUnits(p1, classes, model))), PackedColumn.widthFor(Math.max(0, n - 1)));
                SecondPass.Result p2;
                try (Prefetcher prefetch = direct ? Prefetcher.none() : Prefetcher.start(dump.path(), dump.fileSize(), n == 0 ? 0 : positions.get(0), dropBehind);
                     DirectSpans spans = direct ? SecondPass.spans(dump, n, p1.unitStarts.toArray(), p1.giantUnits.toArray(), positions, threads) : null) {
                    p2 = SecondPass.run(n, p1.unitStarts.toArray(), p1.giantUnits.toArray(), positions, prefetch, spans, () -> {
                        try {
                            return new ObjectDecoder(dump.newInput(), idIndex, classes, resolver, model, noData);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, classes.size(), widths, workDir, digest, parallel, progress);
                }

                // ---- roots, classes, threads
                phase("roots and threads", p1.rootCount);
                Manifest.FileEntry rootsEntry = writeRoots(p1.rootCount, idIndex);
                long[] loaderOrdinals = new long[classes.size()];
                for (ClassInfo c : classes.all()) loaderOrdinals[c.index()] = c.loaderId() == 0 ? -1 : idIndex.ordinal(c.loaderId());
                long unit = model.objectAlignment();
                long[] instanceBytes = p2.instanceBytes().clone();
                for (int i = 0; i < instanceBytes.length; i++) instanceBytes[i] *= unit;
                ClassTable complete = ClassTableBuilder.complete(classes, loaderOrdinals, p2.instances(), instanceBytes);
                Manifest.FileEntry classesEntry;
                try (SequentialWriter w = new SequentialWriter(workDir.resolve(IndexFiles.CLASSES), IndexFiles.CLASSES, digest, 0)) {
                    complete.write(w);
                    classesEntry = w.finish();
                }
                PackedColumn classOf = new PackedColumn(map(IndexFiles.OBJ_CLASS, arena), widths.classIndex(), n);
                ThreadTable threadTable = threads(p1, names, idIndex, new ObjectFields(in, positions, classOf, complete, idIndex));
                Manifest.FileEntry threadsEntry;
                try (SequentialWriter w = new SequentialWriter(workDir.resolve(IndexFiles.THREADS), IndexFiles.THREADS, digest, 0)) {
                    threadTable.write(w);
                    threadsEntry = w.finish();
                }
                for (String tmp : List.of(IndexFiles.TMP_ROOTS, IndexFiles.TMP_STRINGS)) Files.deleteIfExists(workDir.resolve(tmp));
                Manifest.FileEntry summaryEntry;
                try (SequentialWriter w = new SequentialWriter(workDir.resolve(IndexFiles.SUMMARY), IndexFiles.SUMMARY, digest, 0)) {
                    StoredSummary stored = new StoredSummary(summary, sizeOverrides, readerCounts(read),
                            StoredSummary.rowClasses(sourced.sources(), summary.classes(), complete));
                    summaryEntry = stored.sections().writeTo(w);
                }

                // ---- manifest
                phase(null, 0);
                List<IndexManifest.PhaseTime> phases = new ArrayList<>();
                phaseMillis.forEach((name, wall) -> phases.add(new IndexManifest.PhaseTime(name.replace(' ', '-'), wall,
                        phaseCpuMillis.get(name), phaseSysMillis.getOrDefault(name, -1L))));
                new IndexManifest(IndexFormat.VERSION, dump.path().toAbsolutePath().toString(), dump.fileSize(), identity,
                        new IndexManifest.DumpRead(read.heapDumpCount(), read.dumpNumber(), read.isPartial(),
                                read.truncation().map(Object::toString).orElse(null), read.problems().size(),
                                read.problems().isEmpty() ? null : read.problems().getFirst().toString()),
                        new IndexManifest.Counts(n, p2.edges(), complete.size(), p1.rootCount, threadTable.all().size(), p2.missingReferences(),
                                p2.weakEdges(), idResult.duplicateIds(), p2.problemCount(), p2.problem()),
                        model, unit, built.sizeNote(), idResult.params(), phases).writeTo(manifest);
                p1.finalFiles.forEach(manifest::putFile);
                manifest.putFile(IndexFiles.OBJ_CLASS, p2.classes());
                p2.sizes().forEach(manifest::putFile);
                manifest.putFile(IndexFiles.ID_DIR, idResult.dirEntry());
                manifest.putFile(IndexFiles.ID_ENTRIES, idResult.entriesEntry());
                p2.offsets().forEach(manifest::putFile);
                manifest.putFile(IndexFiles.OUT_TARGETS, p2.targets());
                manifest.putFile(IndexFiles.OUT_WEAK, p2.weak());
                manifest.putFile(IndexFiles.ROOTS, rootsEntry);
                manifest.putFile(IndexFiles.CLASSES, classesEntry);
                manifest.putFile(IndexFiles.THREADS, threadsEntry);
                manifest.putFile(IndexFiles.SUMMARY, summaryEntry);
            }
        }
        manifest.write(workDir.resolve(Manifest.FILE), digest);
    }

    /** Record counts in the tag table's order, as a read of the dump reports them. */
    private static StoredSummary.ReaderCounts readerCounts(ReadResult read) {
        Map<String, Long> byTag = new LinkedHashMap<>();
        new java.util.TreeMap<org.hprofdiff.core.format.RecordTag, Long>(read.recordCounts()).forEach((tag, n) -> byTag.put(tag.name(), n));
        return new StoredSummary.ReaderCounts(byTag, read.heapRecordCount(), read.unknownRecords());
    }

    private static long maxSizeUnits(FirstPass p1, ClassTable classes, SizeModel model) {
        long max = model.arraySize(org.hprofdiff.core.format.BasicType.OBJECT, p1.maxObjectArrayLength);
        max = Math.max(max, model.align(model.arrayBaseOffset(8) + p1.maxPrimitiveArrayBytes));
        max = Math.max(max, model.instanceSize(p1.maxInstanceFieldBytes)); // placeholders are sized by their field bytes
        for (ClassInfo c : classes.all()) max = Math.max(max, Math.max(c.instanceSize(), c.classObjectSize()));
        return max / model.objectAlignment();
    }

    private Manifest.FileEntry writeRoots(long count, IdIndex ids) throws IOException {
        try (Arena arena = Arena.ofConfined();
             SequentialWriter w = new SequentialWriter(workDir.resolve(IndexFiles.ROOTS), IndexFiles.ROOTS, digest, 0)) {
            MemorySegment tmp = map(IndexFiles.TMP_ROOTS, arena);
            GcRootKind[] kinds = GcRootKind.values();
            for (long i = 0; i < count; i++) {
                long at = IndexFormat.HEADER_BYTES + i * 17;
                GcRootKind kind = kinds[tmp.get(java.lang.foreign.ValueLayout.JAVA_BYTE, at)];
                int thread = tmp.get(IndexFormat.INT, at + 1);
                int frame = tmp.get(IndexFormat.INT, at + 5);
                long id = tmp.get(IndexFormat.LONG, at + 9);
                RootTable.write(w, kind, thread, frame, id, ids.ordinal(id));
            }
            return w.finish();
        }
    }

    private static ThreadTable threads(FirstPass p1, Map<Long, String> names, IdIndex ids, ObjectFields fields) {
        List<ThreadInfo> list = new ArrayList<>();
        List<FirstPass.ThreadStart> starts = new ArrayList<>(p1.threads);
        java.util.Set<Integer> started = new java.util.HashSet<>();
        for (FirstPass.ThreadStart t : starts) started.add(t.serial());
        p1.threadObjects.forEach((serial, objectId) -> {
            if (!started.contains(serial)) starts.add(new FirstPass.ThreadStart(serial, objectId, Integer.MIN_VALUE, 0));
        });
        for (FirstPass.ThreadStart t : starts) {
            long ordinal = ids.ordinal(t.objectId());
            String name = t.nameId() == 0 ? null : names.get(t.nameId());
            if ((name == null || name.isEmpty()) && ordinal >= 0) name = fields.string(fields.referenceField(ordinal, "name"));
            List<ThreadInfo.Frame> frames = new ArrayList<>();
            long[] frameIds = p1.stackTraces.get(t.stackSerial());
            if (frameIds == null) frameIds = p1.stackTracesByThread.getOrDefault(t.serial(), new long[0]);
            for (long fid : frameIds) {
                FirstPass.Frame f = p1.frames.get(fid);
                if (f == null) continue;
                Long classId = p1.classIdBySerial.get(f.classSerial());
                Long classNameId = classId == null ? null : p1.classNameIds.get(classId);
                String className = classNameId == null ? "" : names.getOrDefault(classNameId, "");
                frames.add(new ThreadInfo.Frame(className, names.getOrDefault(f.methodNameId(), ""), names.getOrDefault(f.signatureId(), ""),
                        names.getOrDefault(f.sourceFileId(), ""), f.line()));
            }
            list.add(new ThreadInfo(t.serial(), t.objectId(), ordinal, name == null ? "" : name, frames));
        }
        return new ThreadTable(list);
    }

    private MemorySegment map(String name, Arena arena) throws IOException {
        try (FileChannel ch = FileChannel.open(workDir.resolve(name), StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
        }
    }

    private void phase(String name, long total) {
        long now = System.nanoTime();
        long cpu = processCpuNanos();
        long sys = systemCpuMillis();
        if (phaseName != null) {
            phaseMillis.put(phaseName, (now - phaseStart) / 1_000_000);
            phaseCpuMillis.put(phaseName, (cpu - phaseCpuStart) / 1_000_000);
            if (sys >= 0) phaseSysMillis.put(phaseName, sys - phaseSysStart);
        }
        phaseName = name;
        phaseStart = now;
        phaseCpuStart = cpu;
        phaseSysStart = sys;
        if (name != null) progress.phase(name, total);
    }

    /** Kernel CPU time of the process in ms (Linux /proc/self/stat), -1 elsewhere: page faults and I/O show there. */
    private static long systemCpuMillis() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[12]) * 1000 / 100; // stime in clock ticks (USER_HZ = 100)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of the whole process (all threads), or 0 where the platform does not say. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** Milliseconds per phase of the last build. */
    public Map<String, Long> phaseMillis() { return phaseMillis; }
}

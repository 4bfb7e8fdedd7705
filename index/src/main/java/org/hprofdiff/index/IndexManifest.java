package org.hprofdiff.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.index.table.IdIndex;
import org.hprofdiff.index.store.DumpIdentity;
import org.hprofdiff.index.store.IndexCorruptException;
import org.hprofdiff.index.store.Manifest;

/**
 * What an index's manifest says about the index, typed: the only place that knows the manifest's keys. The
 * builder writes one ({@link #writeTo}), the cache reads one to decide whether an index belongs to a dump, and
 * {@link DumpIndex} reads one to open the files. The store's {@link Manifest} is the file itself: {@code key=value}
 * lines with a header, a footer and the data files' checksums (docs/index-format.md, "Manifest").
 *
 * @param formatVersion  the index format it was written in
 * @param dumpPath       where the dump was when the index was built (for people; never used to find it)
 * @param indexedBytes   size of the file the index reads objects from (the dump, or its decompressed copy)
 * @param dump           the identity of the dump the index belongs to
 * @param read           what reading the dump found: which heap dump, and whether it was read to its end
 * @param counts         objects, references and tables, and what the build had to skip
 * @param sizeModel      the layout shallow sizes were computed with
 * @param sizeUnit       bytes per unit of the stored shallow sizes (the object alignment)
 * @param sizeClasses    how classes were sized, for people
 * @param ids            the parameters of the id → ordinal index
 * @param phases         the build's phases and their times, in the order they ran
 */
public record IndexManifest(int formatVersion, String dumpPath, long indexedBytes, DumpIdentity dump, DumpRead read, Counts counts,
                            SizeModel sizeModel, long sizeUnit, String sizeClasses, IdIndex.Params ids, List<PhaseTime> phases) {

    public IndexManifest {
        phases = List.copyOf(phases);
    }

    /**
     * @param heapDumps     heap dumps in the file
     * @param dumpNumber    the one indexed (1-based)
     * @param partial       whether it was cut short or had damaged records skipped
     * @param truncation    where and how it ends early, or null
     * @param problems      how many problems reading it found
     * @param firstProblem  the first of them, or null
     */
    public record DumpRead(int heapDumps, int dumpNumber, boolean partial, String truncation, long problems, String firstProblem) {
        /** As the summaries say it: the first problem, and how many more 'hprof-diff info' lists. */
        public DumpSummary.Completeness completeness() {
            List<String> listed = firstProblem == null ? List.of()
                    : problems > 1 ? List.of(firstProblem, "and " + (problems - 1) + " more problem(s) ('hprof-diff info' lists them)") : List.of(firstProblem);
            return new DumpSummary.Completeness(partial, truncation, listed);
        }
    }

    /**
     * @param missingReferences    references to ids the dump does not hold (skipped)
     * @param weakEdges            references that keep nothing alive (a Reference's referent, Finalizer.unfinalized)
     * @param duplicateIds         ids recorded more than once (the first kept)
     * @param layoutMismatches     records whose length did not match their class's layout
     * @param firstLayoutMismatch  the first of them, or null
     */
    public record Counts(long objects, long edges, int classes, long roots, int threads, long missingReferences, long weakEdges,
                         long duplicateIds, long layoutMismatches, String firstLayoutMismatch) {}

    /** One build phase: wall, CPU (whole process) and system milliseconds; {@code systemMillis} is -1 where the OS did not tell. */
    public record PhaseTime(String name, long wallMillis, long cpuMillis, long systemMillis) {}

    private static final String PHASE_WALL = "build.ms.";
    private static final String PHASE_CPU = "build.cpu.ms.";
    private static final String PHASE_SYSTEM = "build.sys.ms.";

    /** Puts every entry into {@code m} (the data files are the store's: {@link Manifest#putFile}). */
    public void writeTo(Manifest m) {
        m.put("format.version", formatVersion).put("dump.path", dumpPath).put("indexed.bytes", indexedBytes)
                .put("dump.size", dump.size()).put("dump.modifiedMillis", dump.modifiedMillis())
                .put("dump.headerVersion", dump.headerVersion()).put("dump.idSize", dump.idSize())
                .put("dump.timestamp", dump.dumpTimestamp()).put("dump.headHash", dump.headHash())
                .put("dump.tailHash", dump.tailHash()).put("dump.identity", dump.digestHex());
        m.put("objects", counts.objects()).put("edges", counts.edges()).put("classes", counts.classes()).put("roots", counts.roots())
                .put("threads", counts.threads()).put("size.unit", sizeUnit)
                .put("size.model.objectHeaderBytes", sizeModel.objectHeaderBytes()).put("size.model.referenceBytes", sizeModel.referenceBytes())
                .put("size.model.objectAlignment", sizeModel.objectAlignment()).put("size.model.arrayBaseAligned", sizeModel.arrayBaseAligned())
                .put("size.model.subclassFieldsFillGaps", sizeModel.subclassFieldsFillGaps())
                .put("size.model.origin", oneLine(sizeModel.origin())).put("size.classes", sizeClasses)
                .put("missingReferences", counts.missingReferences()).put("weakEdges", counts.weakEdges())
                .put("duplicateIds", counts.duplicateIds()).put("layoutMismatches", counts.layoutMismatches());
        if (counts.firstLayoutMismatch() != null) m.put("layoutMismatch.first", oneLine(counts.firstLayoutMismatch()));
        m.put("dump.heapDumps", read.heapDumps()).put("dump.dumpNumber", read.dumpNumber()).put("dump.partial", read.partial());
        if (read.truncation() != null) m.put("dump.truncation", oneLine(read.truncation()));
        m.put("dump.problems", read.problems());
        if (read.firstProblem() != null) m.put("dump.problem.first", oneLine(read.firstProblem()));
        m.put("id.min", ids.minId()).put("id.alignShift", ids.alignShift()).put("id.maxKey", ids.maxKey()).put("id.bucketShift", ids.bucketShift())
                .put("id.ordinalBits", ids.ordinalBits()).put("id.buckets", ids.buckets()).put("id.entries", ids.entries());
        for (PhaseTime p : phases) m.put(PHASE_WALL + p.name(), p.wallMillis());
        for (PhaseTime p : phases) m.put(PHASE_CPU + p.name(), p.cpuMillis());
        for (PhaseTime p : phases) if (p.systemMillis() >= 0) m.put(PHASE_SYSTEM + p.name(), p.systemMillis());
    }

    /** Reads the entries of a checked manifest file; a missing or malformed entry is an {@link IndexCorruptException} naming it. */
    public static IndexManifest readFrom(Manifest m, Path path) throws IndexCorruptException {
        Counts counts = new Counts(m.requireLong("objects", path), m.requireLong("edges", path), (int) m.requireLong("classes", path),
                m.requireLong("roots", path), (int) m.requireLong("threads", path), m.requireLong("missingReferences", path),
                m.requireLong("weakEdges", path), m.requireLong("duplicateIds", path), m.requireLong("layoutMismatches", path),
                m.get("layoutMismatch.first"));
        SizeModel model = new SizeModel((int) m.requireLong("size.model.objectHeaderBytes", path), (int) m.requireLong("size.model.referenceBytes", path),
                (int) m.requireLong("size.model.objectAlignment", path), Boolean.parseBoolean(m.require("size.model.arrayBaseAligned", path)),
                Boolean.parseBoolean(m.require("size.model.subclassFieldsFillGaps", path)), m.require("size.model.origin", path));
        IdIndex.Params ids = new IdIndex.Params(m.requireLong("id.min", path), (int) m.requireLong("id.alignShift", path),
                m.requireLong("id.maxKey", path), (int) m.requireLong("id.bucketShift", path), (int) m.requireLong("id.ordinalBits", path),
                m.requireLong("id.buckets", path), m.requireLong("id.entries", path));
        List<PhaseTime> phases = new ArrayList<>();
        for (String key : m.entries().keySet()) {
            if (!key.startsWith(PHASE_WALL)) continue;
            String name = key.substring(PHASE_WALL.length());
            String system = m.get(PHASE_SYSTEM + name);
            phases.add(new PhaseTime(name, m.requireLong(key, path), m.requireLong(PHASE_CPU + name, path),
                    system == null ? -1 : m.requireLong(PHASE_SYSTEM + name, path)));
        }
        return new IndexManifest((int) m.requireLong("format.version", path), m.require("dump.path", path), m.requireLong("indexed.bytes", path),
                new DumpIdentity(m.requireLong("dump.size", path), m.requireLong("dump.modifiedMillis", path),
                        m.require("dump.headerVersion", path), (int) m.requireLong("dump.idSize", path), m.requireLong("dump.timestamp", path),
                        m.requireLong("dump.headHash", path), m.requireLong("dump.tailHash", path)),
                dumpRead(m, path), counts, model, m.requireLong("size.unit", path), m.require("size.classes", path), ids, phases);
    }

    private static DumpRead dumpRead(Manifest m, Path path) throws IndexCorruptException {
        return new DumpRead((int) m.requireLong("dump.heapDumps", path), (int) m.requireLong("dump.dumpNumber", path),
                Boolean.parseBoolean(m.require("dump.partial", path)), m.get("dump.truncation"), m.requireLong("dump.problems", path),
                m.get("dump.problem.first"));
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ');
    }
}

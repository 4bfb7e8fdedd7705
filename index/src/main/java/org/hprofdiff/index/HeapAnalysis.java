package org.hprofdiff.index;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.index.build.InboundEdges;
import org.hprofdiff.index.graph.NodeFilter;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.Dominators;
import org.hprofdiff.index.graph.dominators.Reachability;
import org.hprofdiff.index.graph.dominators.ReachabilitySummary;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.hprofdiff.index.graph.paths.MergedPaths;
import org.hprofdiff.index.graph.paths.PathTree;
import org.hprofdiff.index.graph.paths.ShortestPaths;
import org.hprofdiff.index.graph.suspects.LeakSuspects;
import org.hprofdiff.index.store.BlobDirectory;
import org.hprofdiff.index.store.Commit;
import org.hprofdiff.index.store.MachineMemory;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.table.Edges;
import org.hprofdiff.index.table.IndexVerifier;

/**
 * One dump's graph analyses in one place: opens (or builds) the dump's index, then computes the dominator
 * tree with retained sizes and the shortest paths from the GC roots the first time they are asked for and
 * stores them in the index directory, so every later run maps them instead (docs/semantics.md, section 12).
 * Merged paths and leak suspects are computed from those on demand (they are quick).
 *
 * <pre>{@code
 * try (HeapAnalysis a = HeapAnalysis.open(dump, IndexOptions.defaults(), HeapAnalysis.Options.DEFAULT, AnalysisProgress.SILENT)) {
 *     long retained = a.dominators().retainedSize(node);
 *     PathTree paths = a.mergedPaths(Pattern.compile("PoolingHttpClientConnectionManager$"));
 * }
 * }</pre>
 *
 * Thread-safe; close to unmap everything (and, with {@code --no-cache}, delete the index).
 */
public final class HeapAnalysis implements AutoCloseable {
    /** The phases the computations report ({@link AnalysisProgress#phase}), for displays that plan ahead. */
    public static final String DOMINATOR_TREE = "dominator tree", SHORTEST_PATHS = "shortest paths", INBOUND_REFERENCES = "inbound references";
    private static final String STORED = "analysis.";
    private static final String DOMINATORS = STORED + "dominators.";
    private static final String PATHS = STORED + "paths.";
    /** A directory: the inbound references (the transpose of the index's edges), whatever the options. */
    static final String INBOUND = STORED + "inbound";
    /** A directory per variant of the options: growing rows' described paths ({@link #rowPaths()}). */
    private static final String ROW_PATHS = STORED + "rowpaths.";

    /** Stored files, one per variant of the options they depend on. */
    static String dominatorFile(Options o) {
        return DOMINATORS + treeVariant(o);
    }

    /** What a result that holds retained sizes depends on: which references retain, and whether unreachable objects are kept. */
    private static String treeVariant(Options o) {
        return o.references().name().toLowerCase(Locale.ROOT) + (o.keepUnreachable() ? ".keep" : "");
    }

    static String pathsFile(Options o) {
        return PATHS + o.references().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The graph results earlier runs stored in this index's directory, described in words with their size:
     * {@code "dominator tree (strong references): 123,456 bytes"}.
     */
    public List<String> storedResults() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path p : storedFiles()) {
            String name = p.getFileName().toString();
            String what = name.startsWith(DOMINATORS) ? "dominator tree (" + variant(name.substring(DOMINATORS.length())) + ")"
                    : name.equals(INBOUND) ? "inbound references"
                    : name.startsWith(ROW_PATHS) ? "growing rows' retention paths (" + variant(name.substring(ROW_PATHS.length())) + ")"
                    : "shortest paths (" + variant(name.substring(PATHS.length())) + ")";
            found.add(what + ": " + String.format(Locale.ROOT, "%,d", bytes(p)) + " bytes");
        }
        return found;
    }

    private static String variant(String suffix) {
        return suffix.replace("strong", "strong references").replace("all", "all references").replace(".keep", ", unreachable kept");
    }

    /** Bytes of the index's own files (without the stored graph results, which {@link #storedResults()} lists). */
    public long indexBytes() throws IOException {
        long sum = 0;
        try (var files = Files.list(index.location())) {
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(STORED)) sum += Files.size(p);
            }
        }
        return sum;
    }

    private List<Path> storedFiles() throws IOException {
        try (var files = Files.list(store.directory())) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return (n.startsWith(DOMINATORS) || n.startsWith(PATHS) || n.equals(INBOUND) || n.startsWith(ROW_PATHS))
                        && !n.contains(".tmp-") && !n.endsWith(".lock");
            }).sorted().toList();
        }
    }

    /** Bytes of a stored result: a file, or the files of a directory. */
    private static long bytes(Path p) throws IOException {
        if (!Files.isDirectory(p)) return Files.size(p);
        long sum = 0;
        try (var files = Files.list(p)) {
            for (Path f : files.toList()) sum += Files.size(f);
        }
        return sum;
    }

    /**
     * Checks the index ({@link DumpIndex#verify()}) and that every stored graph result opens (header, version,
     * size). An empty list means intact. A damaged result is also replaced by the next run that needs it.
     */
    public List<String> verify() throws IOException {
        List<String> problems = new ArrayList<>(index.verify());
        for (Path p : storedFiles()) {
            try {
                String name = p.getFileName().toString();
                if (name.startsWith(DOMINATORS)) DominatorTree.open(p).close();
                else if (name.startsWith(ROW_PATHS)) problems.addAll(rowPaths(p).problems());
                else if (name.equals(INBOUND)) {
                    try (Arena arena = Arena.ofConfined()) {
                        Edges in = InboundEdges.open(p, index.outbound(), index.objectCount(), arena);
                        problems.addAll(IndexVerifier.transposeProblems(p, index.outbound(), in, index.objectCount()));
                    }
                }
                else ShortestPaths.open(p).close();
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /**
     * @param references         which references retain, for the dominator tree and for the paths
     *                           ({@code --include-weak}: {@link References#ALL}, Eclipse MAT's dominator tree)
     * @param keepUnreachable    unreachable objects go into the dominator tree under the virtual root
     *                           ({@code --keep-unreachable}, MAT's option of that name)
     * @param scratchMemoryBytes native memory the computations may hold for temporary arrays before they
     *                           spill to mapped files in the index directory
     */
    public record Options(References references, boolean keepUnreachable, long scratchMemoryBytes) {
        public static final Options DEFAULT = new Options(References.STRONG, false, defaultScratchMemory());

        public Options {
            if (references == null) throw new IllegalArgumentException("references must be given");
            if (scratchMemoryBytes < 0) throw new IllegalArgumentException("scratch memory must be >= 0: " + scratchMemoryBytes);
        }

        public Options withReferences(References r) { return new Options(r, keepUnreachable, scratchMemoryBytes); }

        public Options withKeepUnreachable(boolean keep) { return new Options(references, keep, scratchMemoryBytes); }

        public Options withScratchMemory(long bytes) { return new Options(references, keepUnreachable, bytes); }

        /**
         * Half the machine's memory: the rest stays for the page cache that holds the index's working set (the
         * edges, offsets, sizes and classes the computations read: about 15 bytes per object). The dominator tree
         * needs about 29 bytes per object at its peak (docs/semantics.md, section 13); a 20 GB dump of 348 M
         * objects fits in half of 24 GiB, where a quarter spilled a third of it to files and its random writes
         * made the computation wait on the disk.
         */
        static long defaultScratchMemory() {
            long memory = MachineMemory.total();
            return memory > 0 ? memory / 2 : 1L << 30;
        }
    }

    private final DumpIndex index;
    private final IndexGraph graph;
    private final Options options;
    private final AnalysisProgress progress;
    private final boolean indexBuilt;
    private final AnalysisStore store;
    private final Scratch scratch;
    private DominatorTree dominators;
    private boolean dominatorsComputed;
    private ShortestPaths paths;
    private boolean pathsComputed;
    private Inbound inbound;

    private HeapAnalysis(DumpIndex index, Options options, AnalysisProgress progress, boolean indexBuilt) throws IOException {
        this.index = index;
        this.graph = new IndexGraph(index);
        // A partial dump's objects that no root read reaches may be held from the part that was lost: they stay
        // in the tree, under the virtual root, rather than being dropped as garbage (docs/semantics.md, section 14).
        this.options = partial() ? options.withKeepUnreachable(true) : options;
        this.progress = progress;
        this.indexBuilt = indexBuilt;
        this.store = AnalysisStore.of(index, progress);
        this.scratch = Scratch.preferMemory(store.directory(), options.scratchMemoryBytes());
    }

    /**
     * Opens the dump's index, building it first when there is none or it is stale (see
     * {@link IndexCache#openOrBuild}). Nothing else is computed until asked for.
     */
    public static HeapAnalysis open(Path dump, IndexOptions indexOptions, Options options, AnalysisProgress progress)
            throws IOException, DumpFormatException {
        boolean[] built = {false};
        BuildProgress watching = new BuildProgress() {
            @Override public void phase(String name, long total) { built[0] = true; progress.phase(name, total); }
            @Override public void advance(long done) { progress.advance(done); }
            @Override public void note(String line) { progress.note(line); }
            @Override public void plan(java.util.List<String> phases) { progress.plan(phases); }
        };
        DumpIndex index = IndexCache.openOrBuild(dump, indexOptions, watching);
        try {
            return new HeapAnalysis(index, options, progress, built[0]);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** Analyses over an index already open; {@link #close()} closes it. */
    public static HeapAnalysis over(DumpIndex index, Options options, AnalysisProgress progress) throws IOException {
        return new HeapAnalysis(index, options, progress, false);
    }

    public DumpIndex index() { return index; }

    /** The index as the analyses read it (an {@link org.hprofdiff.index.graph.ObjectGraph}). */
    public IndexGraph graph() { return graph; }

    /** The options the analyses use: as asked, except that a partial dump always keeps unreachable objects. */
    public Options options() { return options; }

    /** Whether the dump is partial (cut short or damaged): then the results cover the part read, with stand-in roots. */
    public boolean partial() { return index.completeness().partial(); }

    /** Whether opening built the index (false: an earlier run's index was reused). */
    public boolean indexBuilt() { return indexBuilt; }

    /** Temporary arrays of the analyses (native memory, spilling to mapped files); closed with this. */
    public Scratch scratch() { return scratch; }

    /** The dominator tree with retained sizes, computed and stored on the first call, reused afterwards. */
    public synchronized DominatorTree dominators() throws IOException {
        return dominators(Dominators.Numbered.NONE);
    }

    /** As {@link #dominators()}; when it computes the tree, {@code numbered} is told what is reachable once that is known. */
    private DominatorTree dominators(Dominators.Numbered numbered) throws IOException {
        if (dominators == null) {
            Dominators.Options o = new Dominators.Options(options.references(), options.keepUnreachable());
            AnalysisStore.Loaded<DominatorTree> loaded = store.openOrCompute(dominatorFile(options), "dominator tree", this::openDominators, file -> {
                progress.phase(DOMINATOR_TREE, graph.nodeCount());
                try {
                    return Dominators.compute(graph, o, file, scratch, progress, numbered);
                } finally {
                    scratch.releaseUnused();
                }
            }, progress);
            dominators = loaded.value();
            dominatorsComputed = loaded.computed();
        }
        return dominators;
    }

    private DominatorTree openDominators(Path file) throws IOException {
        DominatorTree t = DominatorTree.open(file);
        String wrong = t.nodeCount() != graph.nodeCount() ? "it has " + t.nodeCount() + " objects, the index " + graph.nodeCount()
                : t.references() != options.references() ? "made with references " + t.references()
                : t.keepsUnreachable() != options.keepUnreachable() ? "made with keepUnreachable " + t.keepsUnreachable() : null;
        if (wrong == null) return t;
        t.close();
        throw new IOException(file + ": " + wrong);
    }

    /**
     * The shortest paths from the GC roots, computed and stored on the first call, reused afterwards. When the
     * dominator tree must be computed too, the paths are searched beside it: they need only what the tree's first
     * step (the depth-first numbering) finds, and the rest of the tree runs mostly on one core.
     */
    public synchronized ShortestPaths shortestPaths() throws IOException {
        if (paths == null) {
            AnalysisStore.Loaded<ShortestPaths> loaded = store.openOrCompute(pathsFile(options), "shortest paths", this::openPaths, file -> {
                PathsBesideTree alongside = new PathsBesideTree(graph, options.references(), file, scratch);
                DominatorTree tree;
                try {
                    tree = dominators(PathsBesideTree.fits(index, MachineMemory.total()) ? alongside::start : Dominators.Numbered.NONE);
                } catch (IOException | RuntimeException | Error e) {
                    alongside.abandon();
                    throw e;
                }
                progress.phase(SHORTEST_PATHS, graph.nodeCount());
                if (alongside.started()) return alongside.join(progress);
                // a class object the roots do not reach (its loader lost in a dump cut short) starts no path
                long[] starts = ShortestPaths.staticStartClasses(graph, node -> tree.reachability(node) == Reachability.STRONG);
                return ShortestPaths.compute(graph, options.references(), starts, file, scratch, progress);
            }, progress);
            paths = loaded.value();
            pathsComputed = loaded.computed();
            scratch.releaseUnused();
        }
        return paths;
    }

    private ShortestPaths openPaths(Path file) throws IOException {
        ShortestPaths p = ShortestPaths.open(file);
        String wrong = p.nodeCount() != graph.nodeCount() ? "it has " + p.nodeCount() + " objects, the index " + graph.nodeCount()
                : p.references() != options.references() ? "made with references " + p.references() : null;
        if (wrong == null) return p;
        p.close();
        throw new IOException(file + ": " + wrong);
    }

    /**
     * The objects' inbound references (sources ascending per object), computed and stored on the first call, reused
     * afterwards: only the search for a growing path's other holders needs them, so the index leaves them out.
     */
    public synchronized Edges inbound() throws IOException {
        if (inbound == null) {
            inbound = store.openOrCompute(INBOUND, "inbound references", this::openInbound, directory -> {
                progress.phase(INBOUND_REFERENCES, graph.nodeCount() + 2 * index.outbound().count());
                Path temporary = Commit.tempSibling(directory);
                try {
                    Files.createDirectories(temporary);
                    InboundEdges.build(index.outbound(), index.objectCount(), index.manifest().dump().digest(), temporary,
                            Runtime.getRuntime().availableProcessors(), progress);
                    Commit.commitDirectory(temporary, directory); // replaces one found damaged
                } catch (IOException | RuntimeException | Error e) {
                    Commit.deleteTree(temporary);
                    throw e;
                }
                return openInbound(directory);
            }, progress).value();
        }
        return inbound.edges();
    }

    private Inbound openInbound(Path directory) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            return new Inbound(InboundEdges.open(directory, index.outbound(), index.objectCount(), arena), arena);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Mapped inbound references and the arena that unmaps them. */
    private record Inbound(Edges edges, Arena arena) implements AutoCloseable {
        @Override
        public void close() {
            arena.close();
        }
    }

    /**
     * Where the growth analysis keeps each growing row's described retention paths in this dump, for these options
     * ({@code index.growth.StoredRowPaths}): small files, one per row, so a comparison run again reads them instead
     * of walking the paths and the tree again. They live and die with the index, like the other stored results.
     */
    public BlobDirectory rowPaths() {
        return rowPaths(store.directory().resolve(ROW_PATHS + treeVariant(options)));
    }

    private BlobDirectory rowPaths(Path directory) {
        return new BlobDirectory(directory, "row paths", index.manifest().dump().digest());
    }

    /** Whether {@link #dominators()} computed the tree (false: reused, or not asked for yet). */
    public synchronized boolean dominatorsComputed() { return dominatorsComputed; }

    /** Whether {@link #shortestPaths()} computed them (false: reused, or not asked for yet). */
    public synchronized boolean pathsComputed() { return pathsComputed; }

    /** Objects and bytes by reachability (strong, weak, unreachable, kept); computes the dominator tree if needed. */
    public ReachabilitySummary reachability() throws IOException {
        return dominators().summary();
    }

    /** Classes whose Java name ({@code java.util.HashMap$Node[]}) contains a match of {@code classNames}, by class index. */
    public boolean[] classesMatching(Pattern classNames) {
        boolean[] match = new boolean[graph.classCount()];
        for (int c = 0; c < match.length; c++) match[c] = classNames.matcher(graph.className(c)).find();
        return match;
    }

    /** The merged shortest paths of all instances of classes whose name matches (see {@link #classesMatching}). */
    public PathTree mergedPaths(Pattern classNames) throws IOException {
        return mergedPaths(classesMatching(classNames));
    }

    /** The merged shortest paths of all instances of the classes set in {@code classes} (by class index). */
    public PathTree mergedPaths(boolean[] classes) throws IOException {
        long instances = 0;
        for (ClassInfo c : index.classes().all()) if (classes[c.index()]) instances += c.instances();
        return mergedPaths(NodeFilter.ofClasses(graph, classes), MergedPaths.Options.DEFAULT, instances <= FEW_TARGETS);
    }

    /**
     * Up to this many targets, merged paths keep their per-object memos in sparse arrays: each path touches a few pages
     * (about 10 µs each on a virtual machine's fresh memory), where the arrays faulted in whole cost 2–3 s per GB; one
     * instance's paths on a 39.8 GB dump: 5.2 GB of memos.
     */
    private static final long FEW_TARGETS = 10_000;

    /** The merged shortest paths of the objects {@code targets} accepts. */
    public PathTree mergedPaths(NodeFilter targets, MergedPaths.Options mergeOptions) throws IOException {
        return mergedPaths(targets, mergeOptions, false);
    }

    private PathTree mergedPaths(NodeFilter targets, MergedPaths.Options mergeOptions, boolean few) throws IOException {
        ShortestPaths sp = shortestPaths(); // first: computes the tree alongside when neither is stored yet
        DominatorTree tree = dominators();
        return MergedPaths.merge(graph, sp, tree, targets, mergeOptions, scratch, few);
    }

    /** The merged shortest paths of a few objects named one by one (a suspect's): no pass over all objects. */
    public PathTree mergedPathsOf(long... nodes) throws IOException {
        ShortestPaths sp = shortestPaths(); // first: computes the tree alongside when neither is stored yet
        DominatorTree tree = dominators();
        return MergedPaths.mergeFew(graph, sp, tree, nodes, MergedPaths.Options.DEFAULT, scratch);
    }

    /** Leak suspects (docs/semantics.md, section 11), largest first. */
    public List<LeakSuspects.Suspect> suspects(LeakSuspects.Options suspectOptions) throws IOException {
        ShortestPaths sp = shortestPaths(); // first: computes the tree alongside when neither is stored yet
        DominatorTree tree = dominators();
        return LeakSuspects.find(graph, tree, sp, suspectOptions, scratch);
    }

    @Override
    public synchronized void close() {
        if (inbound != null) inbound.close();
        if (paths != null) paths.close();
        if (dominators != null) dominators.close();
        scratch.close();
        store.close();
        index.close();
    }
}

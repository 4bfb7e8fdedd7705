package org.hprofdiff.cli.options;

import java.nio.file.Path;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexOptions;
import org.hprofdiff.index.analysis.References;
import picocli.CommandLine.Option;

/**
 * Whether a comparison also looks for the retention paths of the growers, which indexes each dump (once:
 * later runs reuse the index and its stored dominator tree and paths), and how.
 */
public final class PathOptions {

    @Option(names = "--no-paths", description = "Compare class totals only: do not index the dumps or look for the retention paths "
            + "that hold the growers (faster on a first run over large dumps).")
    boolean noPaths;

    @Option(names = "--include-weak", description = "Count every reference as keeping objects alive, weak and soft referents and the "
            + "finalizer queue included, as Eclipse MAT's dominator tree does (default: only strong references; docs/semantics.md).")
    boolean includeWeak;

    @Option(names = "--index-dir", paramLabel = "DIR", description = "Where the dumps' indexes are kept (default: beside each dump, "
            + "else in the user's cache; or $HPROF_DIFF_INDEX_DIR). An index is built once per dump and reused.")
    Path indexDir;

    /** Paths on (the default), with strong references only. */
    public static PathOptions defaults() {
        return new PathOptions();
    }

    public boolean wanted() { return !noPaths; }

    /** Where indexes are found or built, for dump {@code dumpNumber} of each file, with the size model the user stated. */
    public IndexOptions index(int dumpNumber, SizeModelOptions sizes) {
        return IndexOptions.defaults().withIndexDir(indexDir).withDumpNumber(dumpNumber).withSizeOverrides(sizes.overrides());
    }

    public HeapAnalysis.Options analysis() {
        return HeapAnalysis.Options.DEFAULT.withReferences(includeWeak ? References.ALL : References.STRONG);
    }
}

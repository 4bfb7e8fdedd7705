package org.hprofdiff.cli.options;

import java.util.Map;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Whether a comparison also looks for the retention paths that hold its growers, and how: where the dumps'
 * indexes are kept and which references retain, as for the graph commands. Each dump is indexed once; later
 * runs reuse the index with its stored dominator tree and shortest paths.
 */
public final class PathOptions {

    @Option(names = "--no-paths", description = "Class totals only: do not index the dumps or look for the retention paths that hold "
            + "the growers (a comparison compares totals; a summary keeps totals only). Faster on a first run over large dumps.")
    boolean noPaths;

    @Mixin IndexLocationOptions location = new IndexLocationOptions();

    @Mixin ReferenceOptions references = new ReferenceOptions();

    /** Paths on (the default), indexes in the default place, strong references only. */
    public static PathOptions defaults() {
        return new PathOptions();
    }

    public boolean wanted() { return !noPaths; }

    /** Where the indexes are found or built, for the heap dump of each file the dump options name. */
    public IndexOptions index(DumpOptions dump, SizeModelOptions sizes, Map<String, String> environment) {
        return location.indexOptions(dump, sizes, environment);
    }

    public HeapAnalysis.Options analysis() {
        return references.analysisOptions();
    }
}

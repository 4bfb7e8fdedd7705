package org.hprofdiff.cli.options;

import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.graph.References;
import picocli.CommandLine.Option;

/** Which references keep objects alive, and what happens to garbage, for dominators, retained sizes and paths. */
public final class ReferenceOptions {

    @Option(names = "--include-weak",
            description = "Every reference retains, weak/soft/phantom referents and the finalizer queue included (Eclipse MAT's dominator tree); "
                    + "paths may then run through referents. Default: they do not retain (docs/semantics.md).")
    boolean includeWeak;

    @Option(names = "--keep-unreachable",
            description = "Put objects no GC root reaches into the dominator tree, under the roots (MAT's option of that name); "
                    + "by default they are left out and counted apart.")
    boolean keepUnreachable;

    public HeapAnalysis.Options analysisOptions() {
        return HeapAnalysis.Options.DEFAULT.withReferences(includeWeak ? References.ALL : References.STRONG).withKeepUnreachable(keepUnreachable);
    }
}

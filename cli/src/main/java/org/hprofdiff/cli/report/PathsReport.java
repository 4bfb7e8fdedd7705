package org.hprofdiff.cli.report;

import java.util.List;
import org.hprofdiff.index.query.ClassPaths;

/**
 * The merged shortest paths from the GC roots to all instances of the classes a pattern matches
 * (docs/semantics.md, sections 9 and 10): a tree whose nodes are path steps, most retained first.
 *
 * @param heap          the dump and what the percentages are of
 * @param pattern       the {@code --class} regular expression
 * @param classes       Java names of the classes it matched
 * @param targets       their instances
 * @param withoutPath   of those, objects no path reaches (weakly reachable or unreachable; {@code --include-weak}
 *                      finds paths through referents)
 * @param retainedBytes bytes the instances retain together, each counted once
 * @param top           branches shown per node, null for all
 * @param paths         the path starts (GC roots, static fields), each with the steps below it
 */
public record PathsReport(GraphHeap heap, String pattern, List<String> classes, long targets, long withoutPath, long retainedBytes,
                          Integer top, List<Branch> paths) implements GraphReport {

    /**
     * One step of the merged tree.
     *
     * @param step          the step as people read it: {@code static IdleConnectionReaper.INSTANCE}, {@code Node[] [*]}
     * @param signature     the whole path up to here by class and field names (what matches across dumps)
     * @param objects       target objects whose path runs through this step
     * @param retainedBytes bytes those objects retain, each counted once
     * @param target        true when this step is the targets' class (the end of a path)
     * @param children      the steps that follow, most retained first (cut to {@code --top})
     * @param hidden        branches cut by {@code --top}, or null when none were
     */
    public record Branch(String step, String signature, long objects, long retainedBytes, boolean target, List<Branch> children,
                         ClassPaths.Hidden hidden) {}

    @Override
    public String kind() { return "paths"; }

    @Override
    public List<String> warnings() { return heap.warnings(); }
}

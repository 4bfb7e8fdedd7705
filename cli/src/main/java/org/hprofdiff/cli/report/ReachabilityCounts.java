package org.hprofdiff.cli.report;

import org.hprofdiff.index.graph.dominators.ReachabilitySummary;

/**
 * A dump's objects by how they are reachable from the GC roots (docs/semantics.md, section 5); the four
 * counts add up to the whole dump.
 *
 * @param strong          reachable over references that retain
 * @param weak            reachable only through a {@code Reference.referent}, the finalizer queue or a finalizer root
 * @param unreachable     garbage the dump still held, left out of the dominator tree
 * @param unreachableKept garbage put in the tree because {@code --keep-unreachable} was given
 */
public record ReachabilityCounts(Count strong, Count weak, Count unreachable, Count unreachableKept) {

    /** Objects and their shallow bytes. */
    public record Count(long objects, long bytes) {}

    public static ReachabilityCounts of(ReachabilitySummary s) {
        return new ReachabilityCounts(count(s, org.hprofdiff.index.graph.dominators.Reachability.STRONG),
                count(s, org.hprofdiff.index.graph.dominators.Reachability.WEAK),
                count(s, org.hprofdiff.index.graph.dominators.Reachability.UNREACHABLE),
                count(s, org.hprofdiff.index.graph.dominators.Reachability.UNREACHABLE_KEPT));
    }

    private static Count count(ReachabilitySummary s, org.hprofdiff.index.graph.dominators.Reachability r) {
        return new Count(s.of(r).objects(), s.of(r).bytes());
    }

    /** All objects of the dump. */
    public Count total() {
        return new Count(strong.objects + weak.objects + unreachable.objects + unreachableKept.objects,
                strong.bytes + weak.bytes + unreachable.bytes + unreachableKept.bytes);
    }
}

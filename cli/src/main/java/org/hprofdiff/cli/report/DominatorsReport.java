package org.hprofdiff.cli.report;

import java.util.List;

/**
 * The largest dominators of a dump: the objects directly below the GC roots in the dominator tree, most
 * retained first, optionally with the tree below them, or grouped by class or package.
 *
 * @param heap  the dump and what the percentages are of
 * @param query what was asked
 * @param rows  in order: top-level rows (level 0), each followed by its subtree's rows when {@code --depth} was given
 * @param more  top-level entries not shown (cut by {@code --top})
 */
public record DominatorsReport(GraphHeap heap, Query query, List<Row> rows, long more) implements GraphReport {

    public enum By { OBJECT, CLASS, PACKAGE }

    /**
     * @param by       one row per dominating object, or per class or package of the top-level dominators
     * @param top      top-level rows shown, null for all
     * @param depth    levels of the tree shown below each top-level object (0: none)
     * @param children children shown per object in the tree, largest first
     */
    public record Query(By by, Integer top, int depth, int children) {}

    /**
     * @param level         0 for a top-level dominator or group, n for n levels below one
     * @param label         the object's class (Java name), or the class or package of a group
     * @param objectId      the object's id in the dump (hex), null for a group
     * @param objects       1 for an object, the number of top-level dominators in a group
     * @param shallowBytes  the object's (group's) own size
     * @param retainedBytes what the object (group) keeps alive, itself included
     * @param percent       retained bytes as a share of the bytes in the dominator tree
     * @param unreachable   true for an object no GC root reaches, in the tree because unreachable objects are kept
     *                      ({@code --keep-unreachable}, and always in a partial dump, where it may be held from the lost part)
     */
    public record Row(int level, String label, String objectId, long objects, long shallowBytes, long retainedBytes, double percent,
                      boolean unreachable) {}

    @Override
    public String kind() { return "dominators"; }

    @Override
    public List<String> warnings() { return heap.warnings(); }
}

package org.hprofdiff.cli.report;

/**
 * Which dump a graph report is about and the heap the percentages are of.
 *
 * @param dump            the dump file as given
 * @param dumpNumber      which heap dump of the file (1-based)
 * @param index           the index directory used
 * @param references      "strong" (the default: {@code Reference.referent} and the finalizer queue do not retain) or
 *                        "all" ({@code --include-weak}: every reference retains, as in Eclipse MAT's dominator tree)
 * @param keepUnreachable whether unreachable objects were put in the dominator tree ({@code --keep-unreachable})
 * @param treeBytes       bytes in the dominator tree: what the percentages are of
 * @param reachability    the dump's objects by reachability
 */
public record GraphHeap(String dump, int dumpNumber, String index, String references, boolean keepUnreachable, long treeBytes,
                   ReachabilityCounts reachability) {}

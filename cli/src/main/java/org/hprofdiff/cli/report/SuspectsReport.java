package org.hprofdiff.cli.report;

import java.util.List;

/**
 * Leak suspects in the manner of Eclipse MAT's report (docs/semantics.md, section 11): single objects that
 * retain more than a share of the heap, with the point where their bytes accumulate, then classes whose
 * top-level instances do together, with the path most of them share.
 *
 * @param heap      the dump and what the percentages are of
 * @param threshold share of the heap, in percent, a suspect retains at least
 * @param suspects  largest first
 */
public record SuspectsReport(GraphHeap heap, double threshold, List<Suspect> suspects) implements GraphReport {

    /**
     * @param rank          1-based
     * @param kind          "object" (one object) or "class" (the top-level instances of a class together)
     * @param className     Java name
     * @param objectId      the object's id (hex) for an object, null for a class
     * @param instances     1 for an object, the class's top-level instances for a class
     * @param retainedBytes what it keeps alive
     * @param percent       of the heap
     * @param path          for an object, its path from the GC roots; for a class, the path most of its instances
     *                      share; null when there is none
     * @param accumulation  for an object, where its bytes accumulate; null for a class
     */
    public record Suspect(int rank, String kind, String className, String objectId, long instances, long retainedBytes, double percent,
                          Path path, Accumulation accumulation) {}

    /** A retention path: as people read it, and by class and field names (what matches across dumps). */
    public record Path(String display, String signature) {}

    /**
     * The object below a suspect where retained bytes stop being concentrated in one child.
     *
     * @param depth dominator-tree levels below the suspect (0: the suspect itself)
     */
    public record Accumulation(String className, String objectId, long retainedBytes, double percent, long depth) {}

    @Override
    public String kind() { return "suspects"; }

    @Override
    public List<String> warnings() { return heap.warnings(); }
}

package org.hprofdiff.cli.report;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hprofdiff.index.DumpIndex;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.analysis.dominators.DominatorTree;
import org.hprofdiff.index.graph.ClassInfo;

/** What every graph report says about its dump and how objects are named in them. */
final class GraphFacts {
    private final HeapAnalysis analysis;
    private final DumpIndex index;
    private final Map<String, Integer> classesPerName = new HashMap<>();

    GraphFacts(HeapAnalysis analysis) {
        this.analysis = analysis;
        this.index = analysis.index();
        for (ClassInfo c : index.classes().all()) classesPerName.merge(c.javaName(), 1, Integer::sum);
    }

    /** The dump, the options and the heap, for the head of a report; computes the dominator tree if needed. */
    GraphHeap heap(String dumpArgument, int dumpNumber) throws IOException {
        DominatorTree tree = analysis.dominators();
        return new GraphHeap(dumpArgument, dumpNumber, index.location().toString(), analysis.options().references().name().toLowerCase(Locale.ROOT),
                analysis.options().keepUnreachable(), tree.retainedSize(tree.virtualRoot()), ReachabilityCounts.of(tree.summary()),
                index.completeness(), analysis.graph().standInRootCount());
    }

    /** A class's Java name, with its loader's id where several loaders define that name. */
    String classLabel(int classIndex) {
        ClassInfo c = index.classes().get(classIndex);
        String name = c.javaName();
        if (classesPerName.getOrDefault(name, 1) == 1) return name;
        return name + " (loader " + (c.loaderId() == 0 ? "bootstrap" : String.format(Locale.ROOT, "0x%x", c.loaderId())) + ")";
    }

    /** The label of an object's class; for a class object, "class" and the class it stands for. */
    String classOf(long node) {
        int stands = index.classObjectIndex(node);
        return stands >= 0 ? "class " + classLabel(stands) : classLabel(index.classIndexOf(node));
    }

    /** The object's id as the dump gives it, in hex. */
    String objectId(long node) {
        return String.format(Locale.ROOT, "0x%x", index.idOf(node));
    }

    /** Share of the heap in percent, rounded to 0.01. */
    static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 100.0;
    }
}

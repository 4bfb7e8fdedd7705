package org.hprofdiff.cli.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hprofdiff.index.DumpIndex;
import org.hprofdiff.index.table.ClassInfo;

/** How the graph reports name objects and classes of one index. */
final class ObjectLabels {
    private final DumpIndex index;
    private final Map<String, Integer> classesPerName = new HashMap<>();

    ObjectLabels(DumpIndex index) {
        this.index = index;
        for (ClassInfo c : index.classes().all()) classesPerName.merge(c.javaName(), 1, Integer::sum);
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
}

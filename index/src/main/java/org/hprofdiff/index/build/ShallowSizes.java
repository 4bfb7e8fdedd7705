package org.hprofdiff.index.build;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.size.FieldLayout;
import org.hprofdiff.core.size.MirrorSizes;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.RowSource;
import org.hprofdiff.index.table.ClassInfo;
import org.hprofdiff.index.table.ClassTable;

/**
 * Per-class shallow sizes for the index, consistent with core's histogram of the same pass (which
 * the first pass runs alongside): the layout is the histogram's inferred {@link SizeModel}; an
 * instance class with instances takes the histogram's size (which includes what the VM adds beyond the
 * declared fields, seen in object addresses), found through the row's source (its class id: the one class
 * key summaries and the index share, never the name); other classes take the declared size
 * ({@link FieldLayout}). Class objects are sized by core's {@link MirrorSizes}, with the
 * {@code java.lang.Class} instance size and statics placement that reproduce the histogram's total for
 * class objects.
 */
final class ShallowSizes {
    private ShallowSizes() {}

    /** Largest addition to java.lang.Class's declared size that is searched for. */
    static final int MAX_CLASS_ADDITION = 1024;

    record Result(long[] instanceSize, long[] classObjectSize, String note) {}

    static Result of(ClassTable classes, RowSource.Sourced sourced, SizeModel model) {
        int n = classes.size();
        long[] instance = new long[n];
        long[] mirror = new long[n];
        for (ClassInfo c : classes.all()) {
            if (c.kind() == ClassInfo.Kind.INSTANCE) instance[c.index()] = FieldLayout.instanceSize(model, chain(classes, c.index()));
        }
        List<ClassStats> rows = sourced.summary().classes();
        ClassStats classRow = null;
        int taken = 0;
        for (int i = 0; i < rows.size(); i++) {
            ClassStats row = rows.get(i);
            if (row.kind() == ClassStats.Kind.CLASS) classRow = row;
            if (row.kind() != ClassStats.Kind.INSTANCE || !(sourced.sources().get(i) instanceof RowSource.OfClass(long classId)) || classId == 0) continue;
            int c = classes.indexOfId(classId);
            if (c >= 0 && !classes.get(c).placeholder() && row.instances() > 0 && row.shallowBytes() % row.instances() == 0) {
                instance[c] = row.shallowBytes() / row.instances();
                taken++;
            }
        }
        int jlc = classes.javaLangClass();
        long declaredClass = jlc >= 0 ? instance[jlc] : model.instanceSize(0);
        MirrorSizes mirrors = solveMirrors(classes, classRow, declaredClass, model);
        for (ClassInfo c : classes.all()) {
            if (!c.placeholder()) mirror[c.index()] = mirrors.mirror(model, statics(c));
        }
        if (jlc >= 0) instance[jlc] = mirrors.classInstanceSize(); // primitive types' mirrors are INSTANCE_DUMPs of java.lang.Class
        return new Result(instance, mirror, taken + " instance sizes from the histogram, java.lang.Class " + mirrors.classInstanceSize()
                + " bytes, statics " + (mirrors.staticsInMirrors() ? "in" : "not in") + " mirrors");
    }

    /** The instance fields of a class and its superclasses, the root class's first. */
    private static List<FieldLayout.OwnFields> chain(ClassTable classes, int index) {
        List<FieldLayout.OwnFields> chain = new ArrayList<>();
        for (int c = index, depth = 0; c >= 0 && depth <= classes.size(); c = classes.get(c).superIndex(), depth++) {
            chain.add(FieldLayout.OwnFields.of(classes.get(c).fields().stream().map(ClassInfo.Field::type).toList()));
        }
        Collections.reverse(chain);
        return chain;
    }

    /** A class's statics as its mirror holds them; the dumper's VM data ("<resolved_references>" etc.) takes no room. */
    static MirrorSizes.Statics statics(ClassInfo c) {
        long primitive = 0;
        long references = 0;
        boolean wide = false;
        for (ClassInfo.Static s : c.statics()) {
            if (s.name().startsWith("<")) continue;
            if (s.type() == BasicType.OBJECT) references++;
            else primitive += s.type().primitiveSize;
            wide |= s.type().primitiveSize == 8;
        }
        return new MirrorSizes.Statics(primitive, references, wide);
    }

    /**
     * The java.lang.Class instance size C and statics placement that make the class objects' sizes add
     * up to the histogram's total for them; the declared size with statics in mirrors when none does.
     */
    private static MirrorSizes solveMirrors(ClassTable classes, ClassStats classRow, long declaredClass, SizeModel model) {
        MirrorSizes fallback = new MirrorSizes(declaredClass, true);
        if (classRow == null) return fallback;
        int jlc = classes.javaLangClass();
        long primitiveMirrors = jlc >= 0 ? classRow.instances() - countClassObjects(classes) : 0;
        if (primitiveMirrors < 0) return fallback;
        for (boolean inMirrors : new boolean[] {true, false}) {
            for (long c = declaredClass; c <= declaredClass + MAX_CLASS_ADDITION; c += model.objectAlignment()) {
                MirrorSizes m = new MirrorSizes(c, inMirrors);
                long total = primitiveMirrors * c;
                for (ClassInfo info : classes.all()) if (!info.placeholder()) total += m.mirror(model, statics(info));
                if (total == classRow.shallowBytes()) return m;
            }
        }
        return fallback;
    }

    private static long countClassObjects(ClassTable classes) {
        long n = 0;
        for (ClassInfo c : classes.all()) if (!c.placeholder()) n++;
        return n;
    }
}

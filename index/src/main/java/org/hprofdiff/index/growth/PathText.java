package org.hprofdiff.index.growth;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.index.graph.paths.PathStep;
import org.hprofdiff.index.graph.paths.RootFamily;

/** How a matched path is written into a {@link PathGrowth}: signatures for matching, short names for people. */
final class PathText {

    private PathText() {}

    /** The path's identity and words; {@code facts} from the newest dump that has the path (null: none known). */
    static PathGrowth.Description describe(String signature, List<PathStep> steps, List<List<PathStep>> alsoHeldBy,
                                           DumpPaths.LoaderFacts facts, boolean arrays) {
        List<String> also = alsoHeldBy.stream().map(p -> String.join(" → ", display(p))).toList();
        return new PathGrowth.Description(signature, rootKind(steps.getFirst()), signatures(steps), display(steps),
                holderPackage(steps.getFirst()), also, arrays ? owner(steps) : null, loaderHold(steps, facts));
    }

    static List<String> signatures(List<PathStep> steps) {
        return steps.stream().map(PathStep::signature).toList();
    }

    /**
     * Each step's short form; a field of the class a static field just named loses the repeated class name,
     * as people say it: {@code static IdleConnectionReaper.INSTANCE → connectionManagers}.
     */
    static List<String> display(List<PathStep> steps) {
        List<String> shown = new ArrayList<>(steps.size());
        PathStep previous = null;
        for (PathStep s : steps) {
            if (previous instanceof PathStep.Static st && s instanceof PathStep.Field f && f.holderClass().equals(st.declaringClass())) {
                shown.add(f.field() + (f.repeated() ? "+" : ""));
            } else {
                shown.add(s.display());
            }
            previous = s;
        }
        return shown;
    }

    static String rootKind(PathStep first) {
        return switch (first) {
            case PathStep.Root r -> r.kind().label;
            case PathStep.Static s -> RootFamily.STATIC_FIELD.label;
            default -> GcRootKind.UNKNOWN.label;
        };
    }

    /** The package of the class a path starts at: the static field's class, the frame's class, the root object's class. */
    static String holderPackage(PathStep first) {
        String cls = switch (first) {
            case PathStep.Static s -> s.declaringClass();
            case PathStep.Root r when r.frame() != null -> r.frame().substring(0, Math.max(0, r.frame().lastIndexOf('.')));
            case PathStep.Root r when r.objectClass().equals("java.lang.Thread") -> ""; // any thread: the JDK's class says nothing
            case PathStep.Root r -> r.objectClass().replaceFirst("^class ", "");
            default -> "";
        };
        int dot = cls.lastIndexOf('.');
        return dot <= 0 ? null : cls.substring(0, dot);
    }

    /**
     * For a path that ends at arrays: the object that holds them (the referrer on the path: {@code HashMap.table}
     * holds a {@code HashMap$Node[]}) and that object's own path; null when the last step is not a field.
     */
    static PathGrowth.PathOwner owner(List<PathStep> steps) {
        if (steps.size() < 2 || !(steps.get(steps.size() - 2) instanceof PathStep.Field holder)) return null;
        List<PathStep> ownersPath = new ArrayList<>(steps.subList(0, steps.size() - 2));
        ownersPath.add(new PathStep.Target(holder.holderClass()));
        return new PathGrowth.PathOwner(holder.holderClass(), holder.field(), display(ownersPath));
    }

    /**
     * The first class loader on the path that could be unloaded, with what it keeps: a {@code <classloader>}
     * step, or else the path's targets when they are class loaders themselves; null when there is none.
     */
    static PathGrowth.LoaderHold loaderHold(List<PathStep> steps, DumpPaths.LoaderFacts facts) {
        if (facts == null) return null;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof PathStep.Loader loader) return hold(loader.loaderWords(), i, facts);
        }
        if (steps.getLast() instanceof PathStep.Target target) {
            String words = target.loaderName() == null ? target.targetClass() : target.loaderName() + " (" + target.targetClass() + ")";
            return hold(words, steps.size() - 1, facts);
        }
        return null;
    }

    private static PathGrowth.LoaderHold hold(String words, int step, DumpPaths.LoaderFacts facts) {
        return new PathGrowth.LoaderHold(words, step, facts.loaders(), facts.classes(), facts.retainedBytes());
    }
}

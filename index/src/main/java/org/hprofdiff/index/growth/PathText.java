package org.hprofdiff.index.growth;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.index.analysis.paths.PathStep;

/** How a matched path is written into a {@link PathGrowth}: signatures for matching, short names for people. */
final class PathText {
    /** {@link PathGrowth#rootKind()} of a path that starts at a static field. */
    static final String STATIC_FIELD = "static field";

    private PathText() {}

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
            case PathStep.Static s -> STATIC_FIELD;
            default -> GcRootKind.UNKNOWN.label;
        };
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
}

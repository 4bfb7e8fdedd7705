package org.hprofdiff.index.analysis.paths;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of a merged path tree: one step, the number of target objects whose shortest path runs through it
 * and the bytes they retain, and the steps that follow, most retained first.
 */
public final class PathNode {
    private final PathStep step;
    private final PathNode parent;
    final List<PathNode> children = new ArrayList<>();
    long objects;
    long retainedBytes;

    PathNode(PathStep step, PathNode parent) {
        this.step = step;
        this.parent = parent;
    }

    /** The step; null for the tree's top, which stands for all GC roots. */
    public PathStep step() { return step; }

    public PathNode parent() { return parent; }

    public List<PathNode> children() { return Collections.unmodifiableList(children); }

    /** Target objects whose path runs through this node. */
    public long objects() { return objects; }

    /** Retained bytes of those targets, each counted once (targets inside another target's retained set add nothing). */
    public long retainedBytes() { return retainedBytes; }

    /** The steps from the root to here. */
    public List<PathStep> steps() {
        List<PathStep> steps = new ArrayList<>();
        for (PathNode n = this; n != null && n.step != null; n = n.parent) steps.add(n.step);
        Collections.reverse(steps);
        return steps;
    }

    /** The path up to here as one stable string: step signatures joined by {@code " → "}. */
    public String signature() {
        return join(true);
    }

    /** The path up to here as people read it: short names joined by {@code " → "}. */
    public String display() {
        return join(false);
    }

    private String join(boolean signature) {
        StringBuilder b = new StringBuilder();
        for (PathStep s : steps()) {
            if (!b.isEmpty()) b.append(" → ");
            b.append(signature ? s.signature() : s.display());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return display() + " (" + objects + " objects, " + retainedBytes + " bytes)";
    }
}
